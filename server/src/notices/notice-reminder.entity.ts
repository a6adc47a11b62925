import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation, Unique } from 'typeorm';
import { timestampColumn } from '../database/column-types';
import { OrgUnit } from '../org/org-unit.entity';
import { User } from '../users/user.entity';
import { Notice } from './notice.entity';

/**
 * 催办 of one notice at one node on one China day. The unique key is the once-a-day guard: a second
 * reminder the same day for the same notice and node fails on it, whichever server takes it.
 */
@Entity('notice_reminder')
@Unique('UQ_notice_reminder_notice_node_day', ['noticeId', 'orgUnitId', 'chinaDate'])
export class NoticeReminder {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'notice_id', type: 'int' })
  noticeId: number;

  @ManyToOne(() => Notice, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'notice_id', foreignKeyConstraintName: 'FK_notice_reminder_notice' })
  notice?: Relation<Notice>;

  @Column({ name: 'org_unit_id', type: 'int' })
  orgUnitId: number;

  @ManyToOne(() => OrgUnit, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'org_unit_id', foreignKeyConstraintName: 'FK_notice_reminder_org_unit' })
  orgUnit?: Relation<OrgUnit>;

  /** `YYYY-MM-DD`, the China date of the reminder. */
  @Column({ name: 'china_date', type: 'varchar', length: 10 })
  chinaDate: string;

  @Column({ name: 'reminded_by', type: 'int', nullable: true })
  remindedBy: number | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'reminded_by', foreignKeyConstraintName: 'FK_notice_reminder_user' })
  reminder?: Relation<User> | null;

  /** How many people it reached. */
  @Column({ name: 'reminded_count', type: 'int' })
  remindedCount: number;

  @Column(timestampColumn({ name: 'created_at' }))
  createdAt: Date;
}
