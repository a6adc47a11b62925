import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation, Unique } from 'typeorm';
import { timestampColumn } from '../database/column-types';
import { OrgUnit } from '../org/org-unit.entity';
import { User } from '../users/user.entity';
import { Notice } from './notice.entity';

/**
 * One recipient of one notice: delivered (in the inbox), read, acknowledged (已阅知). The unique
 * (notice, user) key is what makes the fan-out write each recipient once, however often it resumes.
 * The enterprise the person was bound to when reached lets receipts roll up the tree.
 */
@Entity('notice_receipt')
@Unique('UQ_notice_receipt_notice_user', ['noticeId', 'userId'])
@Index('IDX_notice_receipt_user', ['userId', 'noticeId'])
@Index('IDX_notice_receipt_notice_enterprise', ['noticeId', 'enterpriseId'])
export class NoticeReceipt {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'notice_id', type: 'int' })
  noticeId: number;

  @ManyToOne(() => Notice, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'notice_id', foreignKeyConstraintName: 'FK_notice_receipt_notice' })
  notice?: Relation<Notice>;

  @Column({ name: 'user_id', type: 'int' })
  userId: number;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'FK_notice_receipt_user' })
  user?: Relation<User>;

  /** The node the person belonged to for this notice: their enterprise, or where they hold a role. */
  @Column({ name: 'enterprise_id', type: 'int', nullable: true })
  enterpriseId: number | null;

  @ManyToOne(() => OrgUnit, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'enterprise_id', foreignKeyConstraintName: 'FK_notice_receipt_org_unit' })
  enterprise?: Relation<OrgUnit> | null;

  @Column(timestampColumn({ name: 'delivered_at' }))
  deliveredAt: Date;

  @Column(timestampColumn({ name: 'read_at', nullable: true }))
  readAt: Date | null;

  @Column(timestampColumn({ name: 'acknowledged_at', nullable: true }))
  acknowledgedAt: Date | null;

  /** China date of the last reminder to this person about this notice. */
  @Column({ name: 'reminded_on', type: 'varchar', length: 10, nullable: true })
  remindedOn: string | null;
}
