import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation, Unique } from 'typeorm';
import { timestampColumn } from '../database/column-types';
import { User } from '../users/user.entity';

/**
 * A picture for lesson bodies, uploaded by an author (one request per file, as WeChat's uploadFile
 * sends them), re-encoded without metadata with a thumbnail, and named by id in a version's
 * `image_ids`. Teaching material rather than personal data: any signed-in person may fetch it.
 */
@Entity('lesson_image')
@Unique('UQ_lesson_image_client_key', ['clientKey'])
@Index('IDX_lesson_image_uploader', ['uploadedBy'])
export class LessonImage {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'client_key', type: 'varchar', length: 36 })
  clientKey: string;

  @Column({ name: 'uploaded_by', type: 'int', nullable: true })
  uploadedBy: number | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'uploaded_by', foreignKeyConstraintName: 'FK_lesson_image_uploader' })
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

  @Column(timestampColumn({ name: 'created_at' }))
  createdAt: Date;
}
