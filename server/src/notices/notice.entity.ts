import { NoticeFanOutState, NoticeKind, NoticeState } from '@ankang/shared';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { timestampColumn } from '../database/column-types';
import { OrgUnit } from '../org/org-unit.entity';
import { User } from '../users/user.entity';

/**
 * 安全通知: written by union staff for their subtree or by officers for their enterprise, published
 * (at once or at a set time) to an audience, and fanned out in the background: a receipt and an
 * inbox entry per recipient, a WeChat subscribe message where the person holds a grant. The fan-out
 * walks the audience in user-id order from `fan_out_cursor`, so it resumes after a crash.
 */
@Entity('notice')
@Index('IDX_notice_state_publish_at', ['state', 'publishAt'])
@Index('IDX_notice_scope', ['scopeOrgUnitId'])
@Index('IDX_notice_fan_out', ['fanOutState'])
export class Notice {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'author_user_id', type: 'int', nullable: true })
  authorUserId: number | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'author_user_id', foreignKeyConstraintName: 'FK_notice_author' })
  author?: Relation<User> | null;

  @Column({ name: 'scope_org_unit_id', type: 'int' })
  scopeOrgUnitId: number;

  @ManyToOne(() => OrgUnit, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'scope_org_unit_id', foreignKeyConstraintName: 'FK_notice_scope' })
  scope?: Relation<OrgUnit>;

  @Column({ type: 'varchar', length: 60 })
  title: string;

  /** Sanitised HTML. */
  @Column({ name: 'body_html', type: 'text' })
  bodyHtml: string;

  @Column({ type: 'simple-enum', enum: NoticeKind })
  kind: NoticeKind;

  /** JSON arrays; empty: no narrowing. */
  @Column({ type: 'varchar', length: 400 })
  industries: string;

  @Column({ name: 'worker_groups', type: 'varchar', length: 200 })
  workerGroups: string;

  @Column({ type: 'varchar', length: 100 })
  roles: string;

  @Column({ name: 'acknowledgement_required', type: 'boolean' })
  acknowledgementRequired: boolean;

  @Column({ type: 'simple-enum', enum: NoticeState })
  state: NoticeState;

  @Column(timestampColumn({ name: 'publish_at', nullable: true }))
  publishAt: Date | null;

  @Column(timestampColumn({ name: 'published_at', nullable: true }))
  publishedAt: Date | null;

  @Column(timestampColumn({ name: 'withdrawn_at', nullable: true }))
  withdrawnAt: Date | null;

  @Column({ name: 'fan_out_state', type: 'simple-enum', enum: NoticeFanOutState })
  fanOutState: NoticeFanOutState;

  /** The last user id the fan-out covered (0: none yet). */
  @Column({ name: 'fan_out_cursor', type: 'int' })
  fanOutCursor: number;

  @Column({ name: 'recipient_count', type: 'int' })
  recipientCount: number;

  @Column(timestampColumn({ name: 'created_at' }))
  createdAt: Date;

  @Column(timestampColumn({ name: 'updated_at' }))
  updatedAt: Date;
}
