import { randomUUID } from 'node:crypto';
import { CommonErrorCode, chinaDateOf } from '@ankang/shared';
import type { Logger } from '@nestjs/common';
import { AppException } from '../common/app-exception';
import type { FileStorage } from './file-storage';
import { PHOTO_EXTENSIONS, PhotoProcessingQueue, type ProcessedPhoto, THUMBNAIL_CONTENT_TYPE } from './photo-image';

/** A stored picture's bytes as a response sends them. */
export interface ImageContent {
  bytes: Buffer;
  contentType: string;
}

export type ImageVariant = 'original' | 'thumbnail';

/** The columns a row of an uploaded picture gets from the store: where its files are and what they hold. */
export interface StoredImageFiles {
  storageKey: string;
  thumbnailKey: string;
  contentType: string;
  width: number;
  height: number;
  byteSize: number;
  createdAt: Date;
}

/** What the store needs of a row to serve its files. */
export interface StoredImageRow {
  id: number;
  storageKey: string;
  thumbnailKey: string;
  contentType: string;
}

/** How one feature keeps its rows of uploaded pictures, each under the client key of its upload. */
export interface ImageRows<Row> {
  findByClientKey(clientKey: string): Promise<Row | null>;
  /** The new row, or null when the client key is taken already. */
  insertUnlessKeyTaken(files: StoredImageFiles): Promise<Row | null>;
  /** Checks for a new upload only (a retry of an earlier one passes them), before anything is stored. */
  checkBeforeStoring?(): Promise<void>;
}

export interface ImageStoreOptions {
  /** The first segment of the files' storage keys: `hazard-photos`. */
  folder: string;
  /** What the pictures are called in logs and internal errors: `hazard photo`. */
  label: string;
  /** The name a picture's id goes by in log lines: `photoId`. */
  logIdField: string;
}

export interface ImageStoreOutcome<Row> {
  row: Row;
  /** False when the client key named a row already: the caller checks it is the same person's retry. */
  created: boolean;
}

/**
 * Uploaded pictures in file storage, for the features that take them (hazard photos, lesson images):
 * processed (type by the bytes, re-encoded without any metadata, a thumbnail), stored under names of
 * our own, and served back. Each feature keeps its own rows and access rules.
 */
export class ImageStore {
  private readonly processing = new PhotoProcessingQueue();

  constructor(
    private readonly storage: FileStorage,
    private readonly logger: Logger,
    private readonly options: ImageStoreOptions,
  ) {}

  /**
   * Stores an upload: the file and its thumbnail first, then the row, so a row never names a missing
   * file; a row that cannot be written takes its files with it. A client key used before returns the
   * row it names (created false), without a second file.
   */
  async storeOnce<Row>(clientKey: string, bytes: Buffer, rows: ImageRows<Row>): Promise<ImageStoreOutcome<Row>> {
    const earlier = await rows.findByClientKey(clientKey);
    if (earlier) return { row: earlier, created: false };
    await rows.checkBeforeStoring?.();

    const processed = await this.processing.process(bytes);
    const keys = this.storageKeysFor(processed, new Date());
    let row: Row | null;
    try {
      await this.storage.put(keys.original, processed.original.bytes, processed.original.contentType);
      await this.storage.put(keys.thumbnail, processed.thumbnail.bytes, processed.thumbnail.contentType);
      row = await rows.insertUnlessKeyTaken({
        storageKey: keys.original,
        thumbnailKey: keys.thumbnail,
        contentType: processed.original.contentType,
        width: processed.original.width,
        height: processed.original.height,
        byteSize: processed.original.bytes.length,
        createdAt: new Date(),
      });
    } catch (error) {
      await this.deleteFiles(keys.original, keys.thumbnail);
      throw error;
    }
    if (row) return { row, created: true };

    // A parallel retry stored the same key first: its row stands, these files go.
    await this.deleteFiles(keys.original, keys.thumbnail);
    const winner = await rows.findByClientKey(clientKey);
    if (!winner) throw new Error(`The ${this.options.label} client key ${clientKey} collided but names no row`);
    return { row: winner, created: false };
  }

  /** The stored bytes of a picture the caller has been found allowed to see. */
  async read(row: StoredImageRow, variant: ImageVariant): Promise<ImageContent> {
    const key = variant === 'thumbnail' ? row.thumbnailKey : row.storageKey;
    const stored = await this.storage.get(key);
    if (!stored) {
      this.logger.error(
        { [this.options.logIdField]: row.id, key },
        `A ${this.options.label} row names a file the storage does not have`,
      );
      throw new AppException(CommonErrorCode.NotFound);
    }
    return { bytes: stored.bytes, contentType: variant === 'thumbnail' ? THUMBNAIL_CONTENT_TYPE : row.contentType };
  }

  /** Best effort: a file left behind is only wasted space, never a leak (nothing serves it). */
  async deleteFiles(...keys: string[]): Promise<void> {
    for (const key of keys) {
      await this.storage.delete(key).catch((error: unknown) => {
        this.logger.warn({ err: error, key }, `Could not delete a ${this.options.label} file`);
      });
    }
  }

  /** New names of our own for the stored files, never the client's: `hazard-photos/2026/11/<uuid>.jpg`. */
  private storageKeysFor(processed: ProcessedPhoto, now: Date): { original: string; thumbnail: string } {
    const [year, month] = chinaDateOf(now).split('-');
    const name = `${this.options.folder}/${year}/${month}/${randomUUID()}`;
    return { original: `${name}.${PHOTO_EXTENSIONS[processed.format]}`, thumbnail: `${name}-thumbnail.jpg` };
  }
}
