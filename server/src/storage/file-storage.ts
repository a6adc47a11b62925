/** Injection token of the application's one FileStorage (see storage.module.ts). */
export const FILE_STORAGE = Symbol('FILE_STORAGE');

export interface StoredFile {
  bytes: Buffer;
  contentType: string;
}

/**
 * Files kept outside the database: WeChat QR code images now, hazard photos next. Keys are relative
 * slash-separated names (`workplace-qr-codes/42/<hash>.jpg`) checked by `storageKeyProblem`; the
 * storage is never served directly, only through endpoints that check the caller's scope.
 */
export interface FileStorage {
  /** Stores the bytes under the key, replacing what was there; a reader sees the old file or the new, never a part. */
  put(key: string, bytes: Buffer, contentType: string): Promise<void>;
  /** The file under the key, or null when there is none. */
  get(key: string): Promise<StoredFile | null>;
  /** Removes the file; removing a missing file is not an error. */
  delete(key: string): Promise<void>;
}

export const STORAGE_KEY_MAX_LENGTH = 200;
const SEGMENT_MAX_LENGTH = 100;
/** Segments start with a letter or digit, so `.`, `..` and hidden names (the storage's own temp files) cannot be keys. */
const SEGMENT_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
/** Suffix of the file beside each stored file that keeps its content type. */
export const CONTENT_TYPE_SUFFIX = '.content-type';
/** `type/subtype` with an optional parameter list, as RFC 9110 spells media types (no line breaks). */
const CONTENT_TYPE_PATTERN =
  /^[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]*\/[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]*(\s*;\s*[\x21-\x7e ]+)?$/;
const CONTENT_TYPE_MAX_LENGTH = 127;

/** Thrown for a key or content type a storage refuses: always a programming error, never user input. */
export class InvalidStorageKeyError extends Error {
  constructor(key: string, problem: string) {
    super(`Invalid storage key ${JSON.stringify(key.slice(0, STORAGE_KEY_MAX_LENGTH + 20))}: ${problem}`);
    this.name = 'InvalidStorageKeyError';
  }
}

export class InvalidContentTypeError extends Error {
  constructor(contentType: string) {
    super(`Invalid content type ${JSON.stringify(contentType.slice(0, CONTENT_TYPE_MAX_LENGTH + 20))}`);
    this.name = 'InvalidContentTypeError';
  }
}

/**
 * Why a key cannot name a stored file, or null when it can. Only relative names of safe segments
 * pass: no absolute paths, no `..`, no backslashes or drive letters, nothing a file system would
 * read differently from how it is written.
 */
export function storageKeyProblem(key: string): string | null {
  if (typeof key !== 'string' || key.length === 0) return 'is empty';
  if (key.length > STORAGE_KEY_MAX_LENGTH) return `is longer than ${STORAGE_KEY_MAX_LENGTH} characters`;
  if (key.startsWith('/')) return 'is absolute';
  const segments = key.split('/');
  for (const segment of segments) {
    if (segment.length === 0) return 'has an empty segment';
    if (segment.length > SEGMENT_MAX_LENGTH) return `has a segment longer than ${SEGMENT_MAX_LENGTH} characters`;
    if (!SEGMENT_PATTERN.test(segment))
      return `has a segment "${segment}" outside [A-Za-z0-9._-] or not starting with a letter or digit`;
  }
  if (key.endsWith(CONTENT_TYPE_SUFFIX)) return `ends with ${CONTENT_TYPE_SUFFIX}, which the storage keeps for itself`;
  return null;
}

export function assertValidStorageKey(key: string): void {
  const problem = storageKeyProblem(key);
  if (problem !== null) throw new InvalidStorageKeyError(key, problem);
}

export function isValidContentType(contentType: string): boolean {
  return (
    typeof contentType === 'string' &&
    contentType.length <= CONTENT_TYPE_MAX_LENGTH &&
    CONTENT_TYPE_PATTERN.test(contentType)
  );
}
