import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation, Unique } from 'typeorm';
import { timestampColumn } from '../database/column-types';
import { User } from '../users/user.entity';

export enum WechatDeliveryStatus {
  /** Waiting for its turn (`next_attempt_at`): new, or after an attempt WeChat certainly did not act on. */
  Pending = 'pending',
  /** Claimed by one server, which is calling WeChat now. Never claimed again: a crash leaves it to expire as failed. */
  Sending = 'sending',
  Sent = 'sent',
  /** Not sent, and rightly so: no openid, no grant left, the person refused (43101), WeChat not configured. */
  Skipped = 'skipped',
  /** Not sent because something is wrong (bad template or data), or the outcome is unknown and a repeat could send it twice. */
  Failed = 'failed',
}

/**
 * One WeChat subscribe message to one person, mirroring an in-app message and written in the same
 * transaction. The dedupe key makes it exist once; the status moves forward only, so it is sent at
 * most once, whatever the number of servers or retries.
 */
@Entity('wechat_message_delivery')
@Unique('UQ_wechat_message_delivery_dedupe_key', ['dedupeKey'])
// The worker: pending rows whose time has come, oldest first.
@Index('IDX_wechat_message_delivery_due', ['status', 'nextAttemptAt', 'id'])
@Index('IDX_wechat_message_delivery_user', ['userId'])
export class WechatMessageDelivery {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'dedupe_key', type: 'varchar', length: 160 })
  dedupeKey: string;

  @Column({ name: 'user_id', type: 'int' })
  userId: number;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'FK_wechat_message_delivery_user' })
  user?: Relation<User>;

  /** A WechatSubscribePurpose. */
  @Column({ type: 'varchar', length: 40 })
  purpose: string;

  @Column({ name: 'template_id', type: 'varchar', length: 64 })
  templateId: string;

  /** The mini program page it opens, without a leading slash: `pages/hazard/detail?id=9`. */
  @Column({ type: 'varchar', length: 255, nullable: true })
  page: string | null;

  /** The template's keys and values as JSON (`{"thing2": "主井口"}`); cut to WeChat's limits when sent. */
  @Column({ type: 'text' })
  data: string;

  @Column({ type: 'simple-enum', enum: WechatDeliveryStatus })
  status: WechatDeliveryStatus;

  @Column({ type: 'int' })
  attempts: number;

  @Column(timestampColumn({ name: 'next_attempt_at' }))
  nextAttemptAt: Date;

  /** When a server took it to send (status sending). */
  @Column(timestampColumn({ name: 'claimed_at', nullable: true }))
  claimedAt: Date | null;

  /** When one of the person's grants was spent on it: a retry uses the same one. */
  @Column(timestampColumn({ name: 'grant_spent_at', nullable: true }))
  grantSpentAt: Date | null;

  @Column({ name: 'last_error', type: 'varchar', length: 500, nullable: true })
  lastError: string | null;

  @Column(timestampColumn({ name: 'created_at' }))
  createdAt: Date;

  @Column(timestampColumn({ name: 'updated_at' }))
  updatedAt: Date;

  @Column(timestampColumn({ name: 'sent_at', nullable: true }))
  sentAt: Date | null;
}
