import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation, Unique } from 'typeorm';
import { timestampColumn } from '../database/column-types';
import { User } from '../users/user.entity';

/**
 * A message in a person's in-app inbox (hazard reminders now, safety notices later). The dedupe key
 * makes each reminder land once however many times, or by however many servers, it is attempted.
 */
@Entity('inbox_message')
@Unique('UQ_inbox_message_dedupe_key', ['dedupeKey'])
// Unread first-class: the badge count and the unread list.
@Index('IDX_inbox_message_user', ['userId', 'readAt', 'id'])
// The whole inbox, newest first.
@Index('IDX_inbox_message_user_recent', ['userId', 'id'])
export class InboxMessage {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'user_id', type: 'int' })
  userId: number;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'FK_inbox_message_user' })
  user?: Relation<User>;

  /** An InboxMessageKind; a plain string so later features can add kinds without a migration. */
  @Column({ type: 'varchar', length: 40 })
  kind: string;

  @Column({ type: 'varchar', length: 100 })
  title: string;

  @Column({ type: 'varchar', length: 500 })
  body: string;

  /** A mini program page to open. */
  @Column({ type: 'varchar', length: 255, nullable: true })
  link: string | null;

  @Column({ name: 'hazard_ticket_id', type: 'int', nullable: true })
  hazardTicketId: number | null;

  @Column({ name: 'dedupe_key', type: 'varchar', length: 120, nullable: true })
  dedupeKey: string | null;

  @Column(timestampColumn({ name: 'read_at', nullable: true }))
  readAt: Date | null;

  @Column(timestampColumn({ name: 'created_at' }))
  createdAt: Date;
}
