import { CommonErrorCode } from '@ankang/shared';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { AppException } from '../common/app-exception';
import { FILE_STORAGE, type FileStorage } from '../storage/file-storage';
import { type ImageContent, ImageStore } from '../storage/image-store';
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
  private readonly imageStore: ImageStore;

  constructor(
    private readonly images: LessonImagesRepository,
    @Inject(FILE_STORAGE) storage: FileStorage,
  ) {
    this.imageStore = new ImageStore(storage, new Logger(LessonImagesService.name), {
      folder: 'lesson-images',
      label: 'lesson image',
      logIdField: 'lessonImageId',
    });
  }

  /** Stores an upload (see ImageStore.storeOnce); the same client key again returns the first image. */
  async upload(uploaderId: number, upload: LessonImageUpload): Promise<LessonImageUploadOutcome> {
    const { row, created } = await this.imageStore.storeOnce(upload.fields.clientKey, upload.bytes, {
      findByClientKey: (clientKey) => this.images.findByClientKey(clientKey),
      insertUnlessKeyTaken: (files) =>
        this.images.insertUnlessKeyTaken({ clientKey: upload.fields.clientKey, uploadedBy: uploaderId, ...files }),
    });
    return { image: created ? toLessonImageDto(row) : this.retried(row, uploaderId), created };
  }

  async read(id: number, variant: LessonImageVariant): Promise<ImageContent> {
    const image = await this.images.findById(id);
    if (!image) throw new AppException(CommonErrorCode.NotFound);
    return this.imageStore.read(image, variant);
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
}
