import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation, Unique } from 'typeorm';
import { timestampColumn } from '../database/column-types';
import { HazardTicket } from '../hazards/hazard-ticket.entity';

export enum HazardReminderKind {
  /** To the assignee, a day before the deadline. */
  DeadlineSoon = 'deadline_soon',
  /** To the enterprise's officers, at the deadline. */
  Due = 'due',
  /** To the union staff of the enterprise's union, three days after. */
  Overdue = 'overdue',
}

/**
 * One reminder, recorded once: the unique key (ticket, kind, deadline) is what makes it go out once
 * even with several servers running the job. A new deadline (an extension) earns new reminders.
 */
@Entity('hazard_reminder')
@Unique('UQ_hazard_reminder_ticket_kind_due', ['ticketId', 'kind', 'dueAt'])
export class HazardReminder {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'ticket_id', type: 'int' })
  ticketId: number;

  @ManyToOne(() => HazardTicket, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'ticket_id', foreignKeyConstraintName: 'FK_hazard_reminder_ticket' })
  ticket?: Relation<HazardTicket>;

  @Column({ type: 'simple-enum', enum: HazardReminderKind })
  kind: HazardReminderKind;

  /** The deadline this reminder is about. */
  @Column(timestampColumn({ name: 'due_at' }))
  dueAt: Date;

  @Column(timestampColumn({ name: 'created_at' }))
  createdAt: Date;
}
