import { HazardPhotoKind } from '@ankang/shared';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation, Unique } from 'typeorm';
import { timestampColumn } from '../../database/column-types';
import { User } from '../../users/user.entity';
import { HazardTicket } from '../hazard-ticket.entity';

/**
 * A photo of a hazard or of its fix. Uploaded on its own first (WeChat uploads one file a request),
 * then attached to a ticket; the bytes — re-encoded without metadata — and a thumbnail live in
 * file storage and are served only to those who may see the ticket.
 */
@Entity('hazard_photo')
@Unique('UQ_hazard_photo_client_key', ['clientKey'])
@Index('IDX_hazard_photo_ticket', ['ticketId'])
@Index('IDX_hazard_photo_uploader', ['uploadedBy'])
export class HazardPhoto {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'ticket_id', type: 'int', nullable: true })
  ticketId: number | null;

  @ManyToOne(() => HazardTicket, { onDelete: 'CASCADE', nullable: true })
  @JoinColumn({ name: 'ticket_id', foreignKeyConstraintName: 'FK_hazard_photo_ticket' })
  ticket?: Relation<HazardTicket> | null;

  @Column({ type: 'simple-enum', enum: HazardPhotoKind })
  kind: HazardPhotoKind;

  @Column({ name: 'client_key', type: 'varchar', length: 36 })
  clientKey: string;

  /** The uploader, until the photo joins an anonymous report (then forgotten with the reporter). */
  @Column({ name: 'uploaded_by', type: 'int', nullable: true })
  uploadedBy: number | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'uploaded_by', foreignKeyConstraintName: 'FK_hazard_photo_uploader' })
  uploader?: Relation<User> | null;

  @Column({ name: 'storage_key', type: 'varchar', length: 255 })
  storageKey: string;

  @Column({ name: 'thumbnail_key', type: 'varchar', length: 255 })
  thumbnailKey: string;

  @Column({ name: 'content_type', type: 'varchar', length: 32 })
  contentType: string;

  @Column({ type: 'int' })
  width: number;

  @Column({ type: 'int' })
  height: number;

  @Column({ name: 'byte_size', type: 'int' })
  byteSize: number;

  @Column(timestampColumn({ name: 'attached_at', nullable: true }))
  attachedAt: Date | null;

  @Column(timestampColumn({ name: 'created_at' }))
  createdAt: Date;
}
