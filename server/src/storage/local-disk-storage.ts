import { randomUUID } from 'node:crypto';
import { mkdir, open, readFile, rename, unlink } from 'node:fs/promises';
import path from 'node:path';
import {
  assertValidStorageKey,
  CONTENT_TYPE_SUFFIX,
  type FileStorage,
  InvalidContentTypeError,
  InvalidStorageKeyError,
  isValidContentType,
  type StoredFile,
} from './file-storage';

const UNKNOWN_CONTENT_TYPE = 'application/octet-stream';
/** A key that names nothing readable: absent, or a folder, or under a file. */
const MISSING_FILE_CODES = new Set(['ENOENT', 'ENOTDIR', 'EISDIR']);

function isMissingFileError(error: unknown): boolean {
  return MISSING_FILE_CODES.has(String((error as { code?: unknown } | null)?.code));
}

/**
 * Files on the local disk under one folder, each with its content type in a small file beside it
 * (`<key>.content-type`). Every write goes to a temporary file in the same folder, is flushed to
 * disk and then renamed over the target, so a reader or a crash never sees half a file. The content
 * type is written before the bytes: whenever a file's bytes are in place, so is its type.
 */
export class LocalDiskStorage implements FileStorage {
  readonly rootDirectory: string;

  constructor(rootDirectory: string) {
    this.rootDirectory = path.resolve(rootDirectory);
  }

  async put(key: string, bytes: Buffer, contentType: string): Promise<void> {
    const file = this.pathOf(key);
    if (!isValidContentType(contentType)) throw new InvalidContentTypeError(contentType);
    await mkdir(path.dirname(file), { recursive: true });
    await writeAtomically(`${file}${CONTENT_TYPE_SUFFIX}`, Buffer.from(contentType, 'utf8'));
    await writeAtomically(file, bytes);
  }

  async get(key: string): Promise<StoredFile | null> {
    const file = this.pathOf(key);
    const bytes = await readFileOrNull(file);
    if (bytes === null) return null;
    const contentType = (await readFileOrNull(`${file}${CONTENT_TYPE_SUFFIX}`))?.toString('utf8').trim();
    return { bytes, contentType: contentType && isValidContentType(contentType) ? contentType : UNKNOWN_CONTENT_TYPE };
  }

  async delete(key: string): Promise<void> {
    const file = this.pathOf(key);
    // Bytes first, type second: the reverse order of put, so bytes never lose their type.
    await unlinkIfPresent(file);
    await unlinkIfPresent(`${file}${CONTENT_TYPE_SUFFIX}`);
  }

  /** The file of a valid key; the containment check is a second line behind the key's own rules. */
  private pathOf(key: string): string {
    assertValidStorageKey(key);
    const file = path.resolve(this.rootDirectory, ...key.split('/'));
    if (!file.startsWith(`${this.rootDirectory}${path.sep}`)) {
      throw new InvalidStorageKeyError(key, 'leaves the storage folder');
    }
    return file;
  }
}

async function readFileOrNull(file: string): Promise<Buffer | null> {
  try {
    return await readFile(file);
  } catch (error) {
    if (isMissingFileError(error)) return null;
    throw error;
  }
}

async function unlinkIfPresent(file: string): Promise<void> {
  try {
    await unlink(file);
  } catch (error) {
    if (!isMissingFileError(error)) throw error;
  }
}

/** Temp file in the target's folder (rename is atomic only within one file system), flushed, then renamed. */
async function writeAtomically(target: string, bytes: Buffer): Promise<void> {
  const directory = path.dirname(target);
  // A leading dot: no valid key names it, so a temp file left by a crash never reads as a stored file.
  const temporary = path.join(directory, `.${path.basename(target)}.${randomUUID()}.tmp`);
  const handle = await open(temporary, 'wx', 0o640);
  try {
    await handle.writeFile(bytes);
    await handle.sync();
  } catch (error) {
    await handle.close();
    await unlinkIfPresent(temporary);
    throw error;
  }
  await handle.close();
  try {
    await rename(temporary, target);
  } catch (error) {
    await unlinkIfPresent(temporary);
    throw error;
  }
  // The rename itself survives a power cut only once the folder is flushed too.
  const folder = await open(directory, 'r');
  try {
    await folder.sync();
  } finally {
    await folder.close();
  }
}
