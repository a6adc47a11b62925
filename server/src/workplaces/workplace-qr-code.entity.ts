import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation, Unique } from 'typeorm';
import { timestampColumn } from '../database/column-types';
import { OrgUnit } from '../org/org-unit.entity';

/**
 * A mini program code WeChat made for a workplace, kept so each is asked for once: the key covers
 * everything that changes the image (scene, page, environment, width). The bytes live in storage.
 */
@Entity('workplace_qr_code')
@Unique('UQ_workplace_qr_code_key', ['workplaceId', 'cacheKey'])
export class WorkplaceQrCode {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'workplace_id', type: 'int' })
  workplaceId: number;

  @ManyToOne(() => OrgUnit, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'workplace_id', foreignKeyConstraintName: 'FK_workplace_qr_code_workplace' })
  workplace?: Relation<OrgUnit>;

  @Column({ name: 'cache_key', type: 'varchar', length: 64 })
  cacheKey: string;

  @Column({ name: 'content_type', type: 'varchar', length: 64 })
  contentType: string;

  @Column({ name: 'storage_key', type: 'varchar', length: 255 })
  storageKey: string;

  @Column(timestampColumn({ name: 'created_at' }))
  createdAt: Date;
}
