import { CommonErrorCode, type FieldError, HazardErrorCode } from '@ankang/shared';
import type {} from '@fastify/multipart';
import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { type ClassConstructor, plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import type { FastifyRequest } from 'fastify';
import { AppException } from '../common/app-exception';
import { fieldErrors } from '../common/validation';

/** What the client sent: the checked text fields and the file's bytes (at most the form's `maxBytes`). */
export interface ImageUpload<Fields extends object> {
  fields: Fields;
  bytes: Buffer;
}

/**
 * One feature's multipart form of one picture and a few short text fields (hazard photos, lesson
 * images): everything the shared reader needs to know that differs between them.
 */
export interface ImageUploadForm<Fields extends object> {
  /** Checks the text fields (class-validator; unknown fields are refused). */
  fieldsDto: ClassConstructor<Fields>;
  /** The most bytes the file may have. */
  maxBytes: number;
  /** How many text fields, and parts in all, the parser reads before it refuses the body. */
  fieldsMax: number;
  partsMax: number;
  /** What the picture is called in the messages the client shows: 照片 or 图片. */
  noun: string;
}

export const IMAGE_FILE_FIELD = 'file';
/** What a multipart body may carry beyond the file itself: boundaries, part headers, the short fields. */
const FORM_OVERHEAD_BYTES = 64 * 1024;
const FILE_NAME_MAX_BYTES = 255;

/**
 * Why a client's file name cannot be accepted, or null. The name is never used — stored files get
 * names of their own — but one that climbs folders (`../`) or carries control characters marks a
 * client to refuse. Plain folders and URLs pass: WeChat's uploadFile names files after their temp
 * paths (`wxfile://tmp_….jpg`, `http://tmp/….jpg`).
 */
export function photoFileNameProblem(name: string): string | null {
  if (Buffer.byteLength(name, 'utf8') > FILE_NAME_MAX_BYTES) return `is longer than ${FILE_NAME_MAX_BYTES} bytes`;
  if (/\p{Cc}/u.test(name)) return 'contains control characters';
  if (name.split(/[/\\]/).some((segment) => segment === '..') || name === '.') return 'climbs out of its folder';
  return null;
}

/** A parameter decorator that reads the form's upload from the multipart body. */
export function uploadedImage<Fields extends object>(form: ImageUploadForm<Fields>) {
  return createParamDecorator(
    (_data: unknown, context: ExecutionContext): Promise<ImageUpload<Fields>> =>
      readImageUpload(context.switchToHttp().getRequest<FastifyRequest>(), form),
  );
}

/**
 * Reads the one `file` part and the text fields, in whatever order they come, and checks them: any
 * problem is a coded 4xx, and nothing is kept of a refused upload.
 */
export async function readImageUpload<Fields extends object>(
  request: FastifyRequest,
  form: ImageUploadForm<Fields>,
): Promise<ImageUpload<Fields>> {
  if (!request.isMultipart()) throw new AppException(CommonErrorCode.UnsupportedMediaType);
  // A body that says up front it is too big is refused before a byte of it is read.
  const declaredLength = Number(request.headers['content-length']);
  if (declaredLength > form.maxBytes + FORM_OVERHEAD_BYTES) throw new AppException(HazardErrorCode.PhotoTooLarge);

  const fields: Record<string, string> = {};
  const problems: FieldError[] = [];
  let file: { name: string | undefined; bytes: Buffer } | null = null;
  try {
    // preservePath: busboy would otherwise cut `../../etc/passwd.jpg` down to `passwd.jpg` unseen.
    for await (const part of request.parts({ preservePath: true, limits: parserLimits(form) })) {
      if (part.type === 'file') {
        if (part.fieldname !== IMAGE_FILE_FIELD) {
          part.file.resume();
          problems.push({ field: part.fieldname, message: '不允许的字段' });
          continue;
        }
        // Undefined when the part came as application/octet-stream without a name.
        file = { name: part.filename as string | undefined, bytes: await part.toBuffer() };
      } else if (Object.hasOwn(fields, part.fieldname)) {
        problems.push({ field: part.fieldname, message: '字段重复' });
      } else {
        // A value cut at the size limit would pass for a different one: it must fail validation.
        fields[part.fieldname] = part.valueTruncated ? '' : String(part.value);
      }
    }
  } catch (error) {
    throw multipartError(error, form);
  }

  if (file === null && !problems.some((problem) => problem.field === IMAGE_FILE_FIELD)) {
    problems.push({ field: IMAGE_FILE_FIELD, message: `请选择一张${form.noun}` });
  }
  const dto = plainToInstance(form.fieldsDto, fields);
  problems.push(...fieldErrors(await validate(dto, { whitelist: true, forbidNonWhitelisted: true })));
  if (problems.length > 0 || file === null) throw new AppException(CommonErrorCode.ValidationFailed, problems);

  if (file.name !== undefined && photoFileNameProblem(file.name) !== null) {
    throw new AppException(HazardErrorCode.PhotoFileNameInvalid);
  }
  if (file.bytes.length === 0) throw new AppException(HazardErrorCode.PhotoEmpty);
  return { fields: dto, bytes: file.bytes };
}

/**
 * busboy stops buffering the file at `fileSize` and skips any part past the limits, so a request can
 * never make the server hold more than one picture's bytes.
 */
function parserLimits(form: ImageUploadForm<object>) {
  return {
    fileSize: form.maxBytes,
    files: 1,
    fields: form.fieldsMax,
    parts: form.partsMax,
    fieldNameSize: 64,
    fieldSize: 256,
    headerPairs: 20,
  };
}

/** The parser's own errors as coded ones; anything else is left as it is. */
function multipartError(error: unknown, form: ImageUploadForm<object>): unknown {
  switch ((error as { code?: unknown } | null)?.code) {
    case 'FST_REQ_FILE_TOO_LARGE':
      return new AppException(HazardErrorCode.PhotoTooLarge);
    case 'FST_FILES_LIMIT':
      return new AppException(CommonErrorCode.ValidationFailed, [
        { field: IMAGE_FILE_FIELD, message: `一次只能上传一张${form.noun}` },
      ]);
    case 'FST_FIELDS_LIMIT':
    case 'FST_PARTS_LIMIT':
    case 'FST_PROTO_VIOLATION':
    case 'FST_INVALID_JSON_FIELD_ERROR':
      return new AppException(CommonErrorCode.ValidationFailed, [{ field: 'body', message: '不允许的字段' }]);
    case 'FST_MP_PREMATURE_CLOSE':
      return new AppException(CommonErrorCode.MalformedBody);
  }
  // busboy's own errors carry no code: a missing boundary, a body cut short.
  const message = error instanceof Error ? error.message : '';
  if (/boundary|unexpected end|terminated early|malformed/i.test(message)) {
    return new AppException(CommonErrorCode.MalformedBody);
  }
  return error;
}
