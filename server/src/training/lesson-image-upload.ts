import { CommonErrorCode, type FieldError, HAZARD_PHOTO_MAX_BYTES, HazardErrorCode } from '@ankang/shared';
import type {} from '@fastify/multipart';
import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import type { FastifyRequest } from 'fastify';
import { AppException } from '../common/app-exception';
import { fieldErrors } from '../common/validation';
import { PHOTO_FILE_FIELD, photoFileNameProblem } from '../hazards/photos/photo-upload';
import { UploadLessonImageFieldsDto } from './lesson-images.dto';

/** What the author sent: the checked field and the file's bytes (at most HAZARD_PHOTO_MAX_BYTES). */
export interface LessonImageUpload {
  fields: UploadLessonImageFieldsDto;
  bytes: Buffer;
}

/** Boundaries, part headers and the one short field around the file. */
const FORM_OVERHEAD_BYTES = 64 * 1024;

/** busboy stops buffering at `fileSize` and skips parts past the limits: one picture's bytes at most. */
const UPLOAD_LIMITS = {
  fileSize: HAZARD_PHOTO_MAX_BYTES,
  files: 1,
  fields: 2,
  parts: 4,
  fieldNameSize: 64,
  fieldSize: 256,
  headerPairs: 20,
};

/** The upload of `POST /lesson-images`, read from the multipart body. */
export const UploadedLessonImage = createParamDecorator(
  (_data: unknown, context: ExecutionContext): Promise<LessonImageUpload> =>
    readLessonImageUpload(context.switchToHttp().getRequest<FastifyRequest>()),
);

/**
 * Reads the one `file` part and the `clientKey` field, as hazard photos are read: every problem is
 * a coded 4xx, and nothing is kept of a refused upload.
 */
export async function readLessonImageUpload(request: FastifyRequest): Promise<LessonImageUpload> {
  if (!request.isMultipart()) throw new AppException(CommonErrorCode.UnsupportedMediaType);
  if (Number(request.headers['content-length']) > HAZARD_PHOTO_MAX_BYTES + FORM_OVERHEAD_BYTES) {
    throw new AppException(HazardErrorCode.PhotoTooLarge);
  }

  const fields: Record<string, string> = {};
  const problems: FieldError[] = [];
  let file: { name: string | undefined; bytes: Buffer } | null = null;
  try {
    for await (const part of request.parts({ preservePath: true, limits: UPLOAD_LIMITS })) {
      if (part.type === 'file') {
        if (part.fieldname !== PHOTO_FILE_FIELD) {
          part.file.resume();
          problems.push({ field: part.fieldname, message: '不允许的字段' });
          continue;
        }
        file = { name: part.filename as string | undefined, bytes: await part.toBuffer() };
      } else if (Object.hasOwn(fields, part.fieldname)) {
        problems.push({ field: part.fieldname, message: '字段重复' });
      } else {
        fields[part.fieldname] = part.valueTruncated ? '' : String(part.value);
      }
    }
  } catch (error) {
    throw multipartError(error);
  }

  if (file === null && !problems.some((problem) => problem.field === PHOTO_FILE_FIELD)) {
    problems.push({ field: PHOTO_FILE_FIELD, message: '请选择一张图片' });
  }
  const dto = plainToInstance(UploadLessonImageFieldsDto, fields);
  problems.push(...fieldErrors(await validate(dto, { whitelist: true, forbidNonWhitelisted: true })));
  if (problems.length > 0 || file === null) throw new AppException(CommonErrorCode.ValidationFailed, problems);

  if (file.name !== undefined && photoFileNameProblem(file.name) !== null) {
    throw new AppException(HazardErrorCode.PhotoFileNameInvalid);
  }
  if (file.bytes.length === 0) throw new AppException(HazardErrorCode.PhotoEmpty);
  return { fields: dto, bytes: file.bytes };
}

/** The parser's own errors as coded ones; anything else is left as it is. */
function multipartError(error: unknown): unknown {
  switch ((error as { code?: unknown } | null)?.code) {
    case 'FST_REQ_FILE_TOO_LARGE':
      return new AppException(HazardErrorCode.PhotoTooLarge);
    case 'FST_FILES_LIMIT':
      return new AppException(CommonErrorCode.ValidationFailed, [
        { field: PHOTO_FILE_FIELD, message: '一次只能上传一张图片' },
      ]);
    case 'FST_FIELDS_LIMIT':
    case 'FST_PARTS_LIMIT':
    case 'FST_PROTO_VIOLATION':
    case 'FST_INVALID_JSON_FIELD_ERROR':
      return new AppException(CommonErrorCode.ValidationFailed, [{ field: 'body', message: '不允许的字段' }]);
    case 'FST_MP_PREMATURE_CLOSE':
      return new AppException(CommonErrorCode.MalformedBody);
  }
  const message = error instanceof Error ? error.message : '';
  if (/boundary|unexpected end|terminated early|malformed/i.test(message)) {
    return new AppException(CommonErrorCode.MalformedBody);
  }
  return error;
}
