import { CommonErrorCode, HazardErrorCode, type HazardPhotoKind } from '@ankang/shared';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AppException } from '../../common/app-exception';
import { FILE_STORAGE, type FileStorage } from '../../storage/file-storage';
import { type ImageContent, ImageStore } from '../../storage/image-store';
import type { HazardPhoto } from './hazard-photo.entity';
import { type HazardPhotoDto, type PhotoVariant, toHazardPhotoDto } from './hazard-photos.dto';
import { HazardPhotosRepository } from './hazard-photos.repository';
import type { PhotoUpload } from './photo-upload';

/** Photos a ticket should take, as the hazards service hands them over. */
export interface PhotoClaim {
  photoIds: number[];
  ticketId: number;
  kind: HazardPhotoKind;
  uploaderId: number;
  /** Anonymous reports forget the reporter, and with them who uploaded the photos. */
  forgetUploader: boolean;
}

export interface PhotoUploadOutcome {
  photo: HazardPhotoDto;
  /** False for a retry with a client key the same person used before: the first photo, not a new one. */
  created: boolean;
}

/** Uploaded photos no ticket took within this time are deleted. */
export const UNATTACHED_PHOTO_LIFETIME_MS = 24 * 60 * 60 * 1000;
/** Enough for a handful of reports queued offline; a cap on what one person can leave lying in storage. */
export const UNATTACHED_PHOTOS_PER_PERSON_MAX = 60;
const CLEANUP_BATCH_SIZE = 100;

/**
 * Hazard photos: stored when uploaded (re-encoded without metadata, with a thumbnail), claimed by a
 * ticket when the report or fix is submitted, and from then on served under the ticket's rules.
 */
@Injectable()
export class HazardPhotosService {
  private readonly imageStore: ImageStore;

  constructor(
    private readonly photos: HazardPhotosRepository,
    @Inject(FILE_STORAGE) storage: FileStorage,
  ) {
    this.imageStore = new ImageStore(storage, new Logger(HazardPhotosService.name), {
      folder: 'hazard-photos',
      label: 'hazard photo',
      logIdField: 'photoId',
    });
  }

  /** Stores an upload (see ImageStore.storeOnce); the same client key again returns the first photo. */
  async upload(uploaderId: number, upload: PhotoUpload): Promise<PhotoUploadOutcome> {
    const { row, created } = await this.imageStore.storeOnce(upload.fields.clientKey, upload.bytes, {
      findByClientKey: (clientKey) => this.photos.findByClientKey(clientKey),
      checkBeforeStoring: async () => {
        if ((await this.photos.countUnattachedByUploader(uploaderId)) >= UNATTACHED_PHOTOS_PER_PERSON_MAX) {
          throw new AppException(
            CommonErrorCode.RateLimited,
            undefined,
            '待提交的照片太多，请先提交隐患报告或稍后再试',
          );
        }
      },
      insertUnlessKeyTaken: (files) =>
        this.photos.insertUnlessKeyTaken({
          kind: upload.fields.kind,
          clientKey: upload.fields.clientKey,
          uploadedBy: uploaderId,
          ...files,
        }),
    });
    return { photo: created ? toHazardPhotoDto(row) : this.retried(row, uploaderId, upload), created };
  }

  /** The uploader's own photo before any ticket holds it (the phone shows it while the form is open). */
  async readOwnUnattached(uploaderId: number, photoId: number, variant: PhotoVariant): Promise<ImageContent> {
    const photo = await this.photos.findById(photoId);
    // Someone else's photo, or one a ticket holds, is answered like a missing one.
    if (!photo || photo.ticketId !== null || photo.uploadedBy !== uploaderId) {
      throw new AppException(CommonErrorCode.NotFound);
    }
    return this.read(photo, variant);
  }

  /**
   * Attaches uploaded photos to a ticket. Call it inside the transaction that writes the ticket: every
   * photo must exist, be unattached, uploaded by `uploaderId` and of `kind`, else
   * HAZARD_PHOTO_NOT_USABLE is thrown and no photo changes.
   */
  async claimForTicket(manager: EntityManager, claim: PhotoClaim): Promise<HazardPhoto[]> {
    if (claim.photoIds.length === 0) return [];
    const photoIds = [...new Set(claim.photoIds)];
    // The same photo twice is a confused client, not two photos.
    if (photoIds.length !== claim.photoIds.length) throw new AppException(HazardErrorCode.PhotoNotUsable);

    const found = await this.photos.findForAttachment(manager, photoIds);
    const usable = found.filter(
      (photo) => photo.ticketId === null && photo.uploadedBy === claim.uploaderId && photo.kind === claim.kind,
    );
    if (usable.length !== photoIds.length) throw new AppException(HazardErrorCode.PhotoNotUsable);

    const attachedAt = new Date();
    const changed = await this.photos.attach(manager, { ...claim, photoIds, attachedAt });
    // Only a claim that raced past the lock (a manager outside a transaction) gets here; the caller's rollback undoes it.
    if (changed !== photoIds.length) throw new AppException(HazardErrorCode.PhotoNotUsable);
    for (const photo of usable) {
      photo.ticketId = claim.ticketId;
      photo.attachedAt = attachedAt;
      if (claim.forgetUploader) photo.uploadedBy = null;
    }
    return usable;
  }

  /** The photos of these tickets, in the order they were uploaded. */
  findByTicketIds(ticketIds: number[]): Promise<HazardPhoto[]> {
    return this.photos.findByTicketIds([...new Set(ticketIds)]);
  }

  /** The stored bytes of a photo the caller has been found allowed to see. */
  read(photo: HazardPhoto, variant: PhotoVariant): Promise<ImageContent> {
    return this.imageStore.read(photo, variant);
  }

  toPhotoDto(photo: HazardPhoto): HazardPhotoDto {
    return toHazardPhotoDto(photo);
  }

  /**
   * Deletes photos uploaded but never attached within UNATTACHED_PHOTO_LIFETIME_MS: the row first
   * (only if still unattached, so a ticket claiming it at this moment keeps it), then its files.
   * Safe to run on several servers at once. Returns how many photos it deleted.
   */
  async deleteAbandoned(now: Date = new Date()): Promise<number> {
    const cutoff = new Date(now.getTime() - UNATTACHED_PHOTO_LIFETIME_MS);
    let deleted = 0;
    for (;;) {
      const batch = await this.photos.findUnattachedBefore(cutoff, CLEANUP_BATCH_SIZE);
      for (const photo of batch) {
        if (!(await this.photos.deleteIfUnattached(photo.id))) continue;
        await this.imageStore.deleteFiles(photo.storageKey, photo.thumbnailKey);
        deleted += 1;
      }
      if (batch.length < CLEANUP_BATCH_SIZE) return deleted;
    }
  }

  private retried(earlier: HazardPhoto, uploaderId: number, upload: PhotoUpload): HazardPhotoDto {
    if (earlier.uploadedBy !== uploaderId || earlier.kind !== upload.fields.kind) {
      throw new AppException(CommonErrorCode.ValidationFailed, [
        { field: 'clientKey', message: '该照片标识已被使用，请重新选择照片后上传' },
      ]);
    }
    return toHazardPhotoDto(earlier);
  }
}
