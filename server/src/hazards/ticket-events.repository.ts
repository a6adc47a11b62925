import type { HazardAction, HazardState } from '@ankang/shared';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { EntityManager, Repository } from 'typeorm';
import { TicketEvent } from './ticket-event.entity';

/** One line of the audit trail. */
export interface NewTicketEvent {
  ticketId: number;
  actorUserId: number | null;
  action: HazardAction | 'report';
  fromState: HazardState | null;
  toState: HazardState | null;
  note: string | null;
  /** The action's details, stored as JSON. */
  payload: Record<string, unknown> | null;
}

/** The append-only audit trail of tickets: rows are inserted, never updated or deleted. */
@Injectable()
export class TicketEventsRepository {
  constructor(@InjectRepository(TicketEvent) private readonly events: Repository<TicketEvent>) {}

  /** Appends an event in the caller's transaction and returns it as stored. */
  async append(manager: EntityManager, event: NewTicketEvent, at: Date): Promise<TicketEvent> {
    const stored = manager.getRepository(TicketEvent).create({
      ...event,
      payload: event.payload === null ? null : JSON.stringify(event.payload),
      createdAt: at,
    });
    const inserted = await manager.getRepository(TicketEvent).insert(stored);
    stored.id = Number(inserted.identifiers[0].id);
    return stored;
  }

  /** A ticket's events, oldest first, each with its actor. */
  findTimeline(ticketId: number): Promise<TicketEvent[]> {
    return this.events.find({ where: { ticketId }, relations: { actor: true }, order: { id: 'ASC' } });
  }

  /** A ticket's events, oldest first, without anyone's identity (for the anonymous follow view). */
  findTimelineWithoutActors(ticketId: number): Promise<TicketEvent[]> {
    return this.events.find({ where: { ticketId }, order: { id: 'ASC' } });
  }
}
