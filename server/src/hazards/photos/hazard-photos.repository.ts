import type { HazardPhotoKind } from '@ankang/shared';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type EntityManager, In, IsNull, LessThan, Repository } from 'typeorm';
import { isUniqueViolation } from '../../database/unique-violation';
import { lockedForWrite } from '../../org/row-locks';
import { HazardPhoto } from './hazard-photo.entity';

/** A photo as it is first stored: not yet part of any ticket. */
export type NewHazardPhoto = Pick<
  HazardPhoto,
  | 'kind'
  | 'clientKey'
  | 'uploadedBy'
  | 'storageKey'
  | 'thumbnailKey'
  | 'contentType'
  | 'width'
  | 'height'
  | 'byteSize'
  | 'createdAt'
>;

export interface PhotoAttachment {
  photoIds: number[];
  ticketId: number;
  uploaderId: number;
  kind: HazardPhotoKind;
  forgetUploader: boolean;
  attachedAt: Date;
}

@Injectable()
export class HazardPhotosRepository {
  constructor(@InjectRepository(HazardPhoto) private readonly photos: Repository<HazardPhoto>) {}

  findById(id: number): Promise<HazardPhoto | null> {
    return this.photos.findOneBy({ id });
  }

  findByClientKey(clientKey: string): Promise<HazardPhoto | null> {
    return this.photos.findOneBy({ clientKey });
  }

  findByTicketIds(ticketIds: number[]): Promise<HazardPhoto[]> {
    if (ticketIds.length === 0) return Promise.resolve([]);
    return this.photos.find({ where: { ticketId: In(ticketIds) }, order: { id: 'ASC' } });
  }

  /** Photos the person uploaded that no ticket holds yet. */
  countUnattachedByUploader(uploaderId: number): Promise<number> {
    return this.photos.countBy({ uploadedBy: uploaderId, ticketId: IsNull() });
  }

  /** Inserts the photo; null when its client key is taken (a retry that raced this one, or another's key). */
  async insertUnlessKeyTaken(photo: NewHazardPhoto): Promise<HazardPhoto | null> {
    try {
      const inserted = await this.photos.insert({ ...photo, ticketId: null, attachedAt: null });
      return await this.photos.findOneByOrFail({ id: Number(inserted.identifiers[0].id) });
    } catch (error) {
      if (isUniqueViolation(error)) return null;
      throw error;
    }
  }

  /** The photos with these ids, locked until the transaction ends (MariaDB; SQLite has one writer anyway). */
  findForAttachment(manager: EntityManager, photoIds: number[]): Promise<HazardPhoto[]> {
    return lockedForWrite(
      manager
        .getRepository(HazardPhoto)
        .createQueryBuilder('photo')
        .where('photo.id IN (:...photoIds)', { photoIds })
        .orderBy('photo.id', 'ASC'),
    ).getMany();
  }

  /**
   * Gives the photos to the ticket in one conditional UPDATE: only photos still unattached, of the
   * uploader and of the kind are changed, so two tickets can never claim the same photo. Returns
   * how many rows it changed.
   */
  async attach(manager: EntityManager, attachment: PhotoAttachment): Promise<number> {
    const result = await manager
      .createQueryBuilder()
      .update(HazardPhoto)
      .set({
        ticketId: attachment.ticketId,
        attachedAt: attachment.attachedAt,
        ...(attachment.forgetUploader ? { uploadedBy: null } : {}),
      })
      .where('id IN (:...photoIds)', { photoIds: attachment.photoIds })
      .andWhere('ticket_id IS NULL')
      .andWhere('uploaded_by = :uploaderId', { uploaderId: attachment.uploaderId })
      .andWhere('kind = :kind', { kind: attachment.kind })
      .execute();
    return result.affected ?? 0;
  }

  /** Unattached photos uploaded before the cut-off, oldest first. */
  findUnattachedBefore(cutoff: Date, limit: number): Promise<HazardPhoto[]> {
    return this.photos.find({
      where: { ticketId: IsNull(), createdAt: LessThan(cutoff) },
      order: { id: 'ASC' },
      take: limit,
    });
  }

  /** Deletes the photo's row unless a ticket claimed it meanwhile; true when it was deleted. */
  async deleteIfUnattached(id: number): Promise<boolean> {
    const result = await this.photos
      .createQueryBuilder()
      .delete()
      .from(HazardPhoto)
      .where('id = :id', { id })
      .andWhere('ticket_id IS NULL')
      .execute();
    return (result.affected ?? 0) > 0;
  }
}
