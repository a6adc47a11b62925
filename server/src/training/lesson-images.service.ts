import { randomUUID } from 'node:crypto';
import { CommonErrorCode, chinaDateOf } from '@ankang/shared';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { AppException } from '../common/app-exception';
import type { PhotoContent } from '../hazards/photos/hazard-photos.service';
import {
  PHOTO_EXTENSIONS,
  PhotoProcessingQueue,
  type ProcessedPhoto,
  THUMBNAIL_CONTENT_TYPE,
} from '../hazards/photos/photo-image';
import { FILE_STORAGE, type FileStorage } from '../storage/file-storage';
import type { LessonImage } from './lesson-image.entity';
import type { LessonImageUpload } from './lesson-image-upload';
import { type LessonImageDto, type LessonImageVariant, toLessonImageDto } from './lesson-images.dto';
import { LessonImagesRepository } from './lesson-images.repository';

export interface LessonImageUploadOutcome {
  image: LessonImageDto;
  /** False for a retry with a client key the same author used before: the first image. */
  created: boolean;
}

/**
 * Pictures for lessons, processed as hazard photos are (type by the bytes, re-encoded without any
 * metadata, a thumbnail), stored, and served to any signed-in person: teaching material.
 */
@Injectable()
export class LessonImagesService {
  private readonly logger = new Logger(LessonImagesService.name);
  private readonly processing = new PhotoProcessingQueue();

  constructor(
    private readonly images: LessonImagesRepository,
    @Inject(FILE_STORAGE) private readonly storage: FileStorage,
  ) {}

  /** Files first, then the row, so a row never names a missing file; the same key again returns the first image. */
  async upload(uploaderId: number, upload: LessonImageUpload): Promise<LessonImageUploadOutcome> {
    const earlier = await this.images.findByClientKey(upload.fields.clientKey);
    if (earlier) return { image: this.retried(earlier, uploaderId), created: false };

    const processed = await this.processing.process(upload.bytes);
    const keys = storageKeysFor(processed, new Date());
    let image: LessonImage | null;
    try {
      await this.storage.put(keys.original, processed.original.bytes, processed.original.contentType);
      await this.storage.put(keys.thumbnail, processed.thumbnail.bytes, processed.thumbnail.contentType);
      image = await this.images.insertUnlessKeyTaken({
        clientKey: upload.fields.clientKey,
        uploadedBy: uploaderId,
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
    if (image) return { image: toLessonImageDto(image), created: true };

    // A parallel retry stored the same key first: its image stands, these files go.
    await this.deleteFiles(keys.original, keys.thumbnail);
    const winner = await this.images.findByClientKey(upload.fields.clientKey);
    if (!winner) throw new Error(`Lesson image client key ${upload.fields.clientKey} collided but names no image`);
    return { image: this.retried(winner, uploaderId), created: false };
  }

  async read(id: number, variant: LessonImageVariant): Promise<PhotoContent> {
    const image = await this.images.findById(id);
    if (!image) throw new AppException(CommonErrorCode.NotFound);
    const key = variant === 'thumbnail' ? image.thumbnailKey : image.storageKey;
    const stored = await this.storage.get(key);
    if (!stored) {
      this.logger.error({ lessonImageId: image.id, key }, 'A lesson image row names a file the storage does not have');
      throw new AppException(CommonErrorCode.NotFound);
    }
    return { bytes: stored.bytes, contentType: variant === 'thumbnail' ? THUMBNAIL_CONTENT_TYPE : image.contentType };
  }

  /** The ids among `ids` that are no stored lesson image. */
  async missingIds(ids: readonly string[]): Promise<string[]> {
    const existing = await this.images.findExistingIds(ids.map(Number));
    return ids.filter((id) => !existing.has(Number(id)));
  }

  private retried(earlier: LessonImage, uploaderId: number): LessonImageDto {
    if (earlier.uploadedBy !== uploaderId) {
      throw new AppException(CommonErrorCode.ValidationFailed, [
        { field: 'clientKey', message: '该图片标识已被使用，请重新选择图片后上传' },
      ]);
    }
    return toLessonImageDto(earlier);
  }

  /** Best effort: a file left behind is only wasted space, never a leak (nothing serves it). */
  private async deleteFiles(...keys: string[]): Promise<void> {
    for (const key of keys) {
      await this.storage.delete(key).catch((error: unknown) => {
        this.logger.warn({ err: error, key }, 'Could not delete a lesson image file');
      });
    }
  }
}

/** Names of our own: `lesson-images/2026/11/<uuid>.jpg`. */
function storageKeysFor(processed: ProcessedPhoto, now: Date): { original: string; thumbnail: string } {
  const [year, month] = chinaDateOf(now).split('-');
  const name = `lesson-images/${year}/${month}/${randomUUID()}`;
  return { original: `${name}.${PHOTO_EXTENSIONS[processed.format]}`, thumbnail: `${name}-thumbnail.jpg` };
}
