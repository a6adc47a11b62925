import type { Role } from '@ankang/shared';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type EntityManager, In, IsNull, Repository } from 'typeorm';
import { claimSkippingLocked, insertIgnoringDuplicates } from '../database/job-claims';
import { HazardTicket } from '../hazards/hazard-ticket.entity';
import { TicketEvent } from '../hazards/ticket-event.entity';
import { OrgUnit } from '../org/org-unit.entity';
import { RoleGrant } from '../org/role-grant.entity';
import { User } from '../users/user.entity';
import { HazardReminder, type HazardReminderKind } from './hazard-reminder.entity';
import { STATES_WITH_RUNNING_DEADLINE } from './reminder-schedule';

/**
 * The deadline job's reads and writes. Every method takes the manager of the job's transaction: a
 * batch of reminders is written, with its messages and events, wholly or not at all.
 */
@Injectable()
export class DeadlineRemindersRepository {
  constructor(@InjectRepository(HazardReminder) private readonly reminders: Repository<HazardReminder>) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.reminders.manager.transaction(work);
  }

  /**
   * Tickets with a running deadline at or before `latestDueAt` that have no reminder of `kind` for
   * that deadline yet, soonest first. A plain read: it locks nothing (tickets long overdue, reminded
   * already, are passed over without holding them up).
   */
  async findTicketIdsAwaitingReminder(
    manager: EntityManager,
    kind: HazardReminderKind,
    latestDueAt: Date,
    limit: number,
  ): Promise<number[]> {
    const rows = await manager
      .getRepository(HazardTicket)
      .createQueryBuilder('ticket')
      .select('ticket.id', 'id')
      .where('ticket.state IN (:...states)', { states: STATES_WITH_RUNNING_DEADLINE })
      .andWhere('ticket.dueAt <= :latestDueAt', { latestDueAt })
      .andWhere(
        'NOT EXISTS (SELECT 1 FROM hazard_reminder reminder WHERE reminder.ticket_id = ticket.id ' +
          'AND reminder.kind = :kind AND reminder.due_at = ticket.due_at)',
        { kind },
      )
      .orderBy('ticket.dueAt', 'ASC')
      .addOrderBy('ticket.id', 'ASC')
      .limit(limit)
      .getRawMany<{ id: number | string }>();
    return rows.map((row) => Number(row.id));
  }

  /**
   * Claims up to `limit` of these tickets for this transaction, passing over those another server
   * holds. Taken by primary key in id order, which the database reads without sorting, so it stops
   * locking at the limit and servers reading the same candidates split them. Only ticket rows are
   * locked (places and people are read apart). The caller checks the locked rows are still due.
   */
  lockTickets(manager: EntityManager, ids: readonly number[], limit: number): Promise<HazardTicket[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return claimSkippingLocked(
      manager
        .getRepository(HazardTicket)
        .createQueryBuilder('ticket')
        .where('ticket.id IN (:...ids)', { ids })
        .orderBy('ticket.id', 'ASC')
        .limit(limit),
    ).getMany();
  }

  /**
   * Records the reminder: the claim. False when it exists already — another server sent it between
   * our read and our lock — and then nothing else is to be written for it.
   */
  async claim(
    manager: EntityManager,
    reminder: { ticketId: number; kind: HazardReminderKind; dueAt: Date },
    at: Date,
  ): Promise<boolean> {
    const inserted = await insertIgnoringDuplicates(
      manager,
      manager
        .getRepository(HazardReminder)
        .createQueryBuilder()
        .insert()
        .values({ ...reminder, createdAt: at }),
    );
    return inserted === 1;
  }

  /** The audit line of a reminder: the system acts (no actor), the state does not change. */
  async appendEvent(
    manager: EntityManager,
    ticket: Pick<HazardTicket, 'id' | 'state'>,
    kind: HazardReminderKind,
    payload: Record<string, unknown>,
    at: Date,
  ): Promise<void> {
    await manager.getRepository(TicketEvent).insert({
      ticketId: ticket.id,
      actorUserId: null,
      action: `remind_${kind}`,
      fromState: ticket.state,
      toState: null,
      note: null,
      payload: JSON.stringify(payload),
      createdAt: at,
    });
  }

  async findUnits(manager: EntityManager, ids: readonly number[]): Promise<Map<number, OrgUnit>> {
    if (ids.length === 0) return new Map();
    const units = await manager.getRepository(OrgUnit).findBy({ id: In([...new Set(ids)]) });
    return new Map(units.map((unit) => [unit.id, unit]));
  }

  /** Of these people, those whose account is active. */
  async findActiveUserIds(manager: EntityManager, ids: readonly number[]): Promise<Set<number>> {
    if (ids.length === 0) return new Set();
    const users = await manager
      .getRepository(User)
      .find({ select: { id: true }, where: { id: In([...new Set(ids)]), disabledAt: IsNull() } });
    return new Set(users.map((user) => user.id));
  }

  /** The active holders of a role at each of these nodes (at the node itself, not above it). */
  async findActiveHolders(
    manager: EntityManager,
    role: Role,
    orgUnitIds: readonly number[],
  ): Promise<Map<number, number[]>> {
    const holders = new Map<number, number[]>();
    if (orgUnitIds.length === 0) return holders;
    const rows = await manager
      .getRepository(RoleGrant)
      .createQueryBuilder('roleGrant')
      .innerJoin('roleGrant.user', 'holder')
      .select('roleGrant.orgUnitId', 'orgUnitId')
      .addSelect('roleGrant.userId', 'userId')
      .where('roleGrant.role = :role', { role })
      .andWhere('roleGrant.orgUnitId IN (:...orgUnitIds)', { orgUnitIds: [...new Set(orgUnitIds)] })
      .andWhere('holder.disabledAt IS NULL')
      .orderBy('roleGrant.userId', 'ASC')
      .getRawMany<{ orgUnitId: number | string; userId: number | string }>();
    for (const row of rows) {
      const unitId = Number(row.orgUnitId);
      holders.set(unitId, [...(holders.get(unitId) ?? []), Number(row.userId)]);
    }
    return holders;
  }
}
