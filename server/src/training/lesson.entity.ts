import { LessonStatus } from '@ankang/shared';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { timestampColumn } from '../database/column-types';
import { OrgUnit } from '../org/org-unit.entity';
import { User } from '../users/user.entity';

/**
 * A micro-lesson (岗前培训), owned by a union (reaching its subtree) or an enterprise (its own
 * workers only). Its content lives in versions: editing a published lesson adds a version, and
 * completions keep the version they were taken on.
 */
@Entity('lesson')
@Index('IDX_lesson_owner_status', ['ownerOrgUnitId', 'status'])
export class Lesson {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'owner_org_unit_id', type: 'int' })
  ownerOrgUnitId: number;

  @ManyToOne(() => OrgUnit, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'owner_org_unit_id', foreignKeyConstraintName: 'FK_lesson_owner' })
  owner?: Relation<OrgUnit>;

  @Column({ type: 'simple-enum', enum: LessonStatus })
  status: LessonStatus;

  /** The version workers get now (the latest; a draft's only one). */
  @Column({ name: 'current_version', type: 'int' })
  currentVersion: number;

  @Column({ name: 'created_by', type: 'int', nullable: true })
  createdBy: number | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'created_by', foreignKeyConstraintName: 'FK_lesson_creator' })
  creator?: Relation<User> | null;

  @Column(timestampColumn({ name: 'archived_at', nullable: true }))
  archivedAt: Date | null;

  @Column(timestampColumn({ name: 'created_at' }))
  createdAt: Date;

  @Column(timestampColumn({ name: 'updated_at' }))
  updatedAt: Date;
}
