import { HazardState } from '@ankang/shared';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { timestampColumn } from '../database/column-types';
import { User } from '../users/user.entity';
import { HazardTicket } from './hazard-ticket.entity';

/**
 * The audit trail: one row per change of a ticket (actor, action, from, to, note, payload, time).
 * Rows are only ever inserted — never updated, never deleted.
 */
@Entity('ticket_event')
@Index('IDX_ticket_event_ticket', ['ticketId', 'id'])
export class TicketEvent {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'ticket_id', type: 'int' })
  ticketId: number;

  @ManyToOne(() => HazardTicket, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'ticket_id', foreignKeyConstraintName: 'FK_ticket_event_ticket' })
  ticket?: Relation<HazardTicket>;

  /** Null for the system (the deadline job) and for an anonymous reporter. */
  @Column({ name: 'actor_user_id', type: 'int', nullable: true })
  actorUserId: number | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'actor_user_id', foreignKeyConstraintName: 'FK_ticket_event_actor' })
  actor?: Relation<User> | null;

  /** A HazardAction, `report`, or a system event such as `remind_due`. */
  @Column({ type: 'varchar', length: 32 })
  action: string;

  @Column({ name: 'from_state', type: 'simple-enum', enum: HazardState, nullable: true })
  fromState: HazardState | null;

  @Column({ name: 'to_state', type: 'simple-enum', enum: HazardState, nullable: true })
  toState: HazardState | null;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  note: string | null;

  /** The action's details as JSON (the 五定 of an assignment, a new deadline, …). */
  @Column({ type: 'text', nullable: true })
  payload: string | null;

  @Column(timestampColumn({ name: 'created_at' }))
  createdAt: Date;
}
