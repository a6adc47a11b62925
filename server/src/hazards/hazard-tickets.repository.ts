import { type HazardCategory, HazardGrade, HazardState, type Industry, type ReporterVisibility } from '@ankang/shared';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { EntityManager, FindOptionsWhere, Repository, SelectQueryBuilder } from 'typeorm';
import type { ScopeCondition } from '../access/scope';
import { lockedForWrite } from '../org/row-locks';
import { hazardCode, hazardCodeDay } from './hazard-codes';
import { DEADLINE_STATES } from './hazard-relation';
import { HazardTicket } from './hazard-ticket.entity';

/** What a report stores; the code, state and the rest are the repository's business. */
export interface NewHazardReport {
  clientKey: string;
  reporterUserId: number | null;
  reporterVisibility: ReporterVisibility;
  followTokenHash: string | null;
  enterpriseId: number;
  workplaceId: number;
  industry: Industry | null;
  category: HazardCategory;
  description: string;
  locationNote: string | null;
}

/** The fields an action may change. */
export type HazardTicketChanges = Partial<
  Omit<HazardTicket, 'id' | 'code' | 'clientKey' | 'createdAt' | 'updatedAt' | 'enterprise' | 'workplace'>
>;

/**
 * Whose tickets a staff list covers: named enterprises (an officer's, which lets the queue walk its
 * index for one enterprise) or every enterprise under some subtrees (a union's), as a condition on
 * the joined `enterprise.path`.
 */
export type EnterpriseScope = { enterpriseIds: number[] } | { enterprisePaths: ScopeCondition };

export interface HazardListFilter {
  enterprises: EnterpriseScope;
  /** Null: any state. */
  states: readonly HazardState[] | null;
  workplaceId?: number;
  gridId?: number;
  category?: HazardCategory;
  grade?: HazardGrade;
  overdue?: boolean;
  /** 重大 not yet done with, or overdue: the union's supervision list. */
  supervision?: boolean;
  now: Date;
  limit: number;
}

/** The last row of the previous page in deadline order: its deadline (null when it has none) and id. */
export interface DeadlineCursor {
  dueAt: Date | null;
  id: number;
}

const PARTIES = { workplace: true, enterprise: true, reporter: true, responsible: true, duplicateOf: true } as const;
const FINISHED_STATES = [HazardState.Closed, HazardState.Rejected, HazardState.Duplicate];

@Injectable()
export class HazardTicketsRepository {
  constructor(@InjectRepository(HazardTicket) private readonly tickets: Repository<HazardTicket>) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.tickets.manager.transaction(work);
  }

  /** With its workplace, enterprise, reporter, responsible person and the ticket it repeats. */
  findByIdWithParties(id: number): Promise<HazardTicket | null> {
    return this.tickets.findOne({ where: { id }, relations: PARTIES });
  }

  findByClientKey(clientKey: string): Promise<HazardTicket | null> {
    return this.tickets.findOneBy({ clientKey });
  }

  findByFollowTokenHash(followTokenHash: string): Promise<HazardTicket | null> {
    return this.tickets.findOne({ where: { followTokenHash }, relations: { workplace: true, enterprise: true } });
  }

  findById(id: number, manager: EntityManager = this.tickets.manager): Promise<HazardTicket | null> {
    return manager.getRepository(HazardTicket).findOneBy({ id });
  }

  /**
   * Inserts a new report with its code, inside the caller's transaction, and returns it as stored.
   * A second report with the same client key fails on the unique key.
   */
  async insertReport(manager: EntityManager, report: NewHazardReport, code: string, at: Date): Promise<HazardTicket> {
    const ticket = manager.getRepository(HazardTicket).create({
      ...report,
      code,
      state: HazardState.Submitted,
      grade: null,
      responsibleUserId: null,
      measures: null,
      funding: null,
      dueAt: null,
      contingencyPlan: null,
      duplicateOfId: null,
      rejectReason: null,
      rectifiedBy: null,
      verifiedBy: null,
      extensionDueAt: null,
      extensionReason: null,
      extensionRequestedAt: null,
      authorityDepartment: null,
      authorityReportedOn: null,
      authorityReference: null,
      closedAt: null,
      createdAt: at,
      updatedAt: at,
    });
    const inserted = await manager.getRepository(HazardTicket).insert(ticket);
    ticket.id = Number(inserted.identifiers[0].id);
    return ticket;
  }

  /**
   * The next code of the report's China day: one statement that bumps the day's counter and reads
   * the new number, committed on its own before the report's transaction. The counter row is the one
   * thing every report of the day writes, so it is held for that single statement only, not for a
   * whole report. A report that then fails leaves a gap in the day's numbers; codes stay unique.
   */
  async takeCode(at: Date): Promise<string> {
    const day = hazardCodeDay(at);
    const manager = this.tickets.manager;
    const driver = manager.connection.driver;
    const table = driver.escape('hazard_code_counter');
    const dayColumn = driver.escape('day');
    const numberColumn = driver.escape('last_number');
    const type = driver.options.type;
    if (type === 'mysql' || type === 'mariadb') {
      // LAST_INSERT_ID(expression) hands the new number back in the statement's own result.
      const result: { insertId: number } = await manager.query(
        `INSERT INTO ${table} (${dayColumn}, ${numberColumn}) VALUES (?, LAST_INSERT_ID(1))
           ON DUPLICATE KEY UPDATE ${numberColumn} = LAST_INSERT_ID(${numberColumn} + 1)`,
        [day],
      );
      return hazardCode(day, Number(result.insertId));
    }
    const rows: { number: number }[] = await manager.query(
      `INSERT INTO ${table} (${dayColumn}, ${numberColumn}) VALUES (?, 1)
         ON CONFLICT (${dayColumn}) DO UPDATE SET ${numberColumn} = ${numberColumn} + 1
         RETURNING ${numberColumn} AS number`,
      [day],
    );
    return hazardCode(day, Number(rows[0].number));
  }

  /** The tickets, their rows locked for the rest of the transaction, taken in id order (no deadlock). */
  lockByIds(manager: EntityManager, ids: number[]): Promise<HazardTicket[]> {
    return lockedForWrite(
      manager
        .getRepository(HazardTicket)
        .createQueryBuilder('ticket')
        .where('ticket.id IN (:...ids)', { ids })
        .orderBy('ticket.id', 'ASC'),
    ).getMany();
  }

  /**
   * Applies an action's changes only if the ticket is still in `fromState` (and matches `guard`):
   * false when someone else acted first.
   */
  async updateFromState(
    manager: EntityManager,
    id: number,
    fromState: HazardState,
    changes: HazardTicketChanges,
    at: Date,
    guard: FindOptionsWhere<HazardTicket> = {},
  ): Promise<boolean> {
    const result = await manager
      .getRepository(HazardTicket)
      .update({ ...guard, id, state: fromState }, { ...changes, updatedAt: at });
    return (result.affected ?? 0) > 0;
  }

  /** A person's named and hidden reports, newest first (IDX_hazard_ticket_reporter). */
  findReportedByPage(userId: number, afterId: number | null, limit: number): Promise<HazardTicket[]> {
    const query = this.listQuery().where('ticket.reporterUserId = :userId', { userId });
    if (afterId !== null) query.andWhere('ticket.id < :afterId', { afterId });
    return query
      .orderBy('ticket.id', 'DESC')
      .limit(limit + 1)
      .getMany();
  }

  /** Staff lists, newest first. */
  findNewestPage(filter: HazardListFilter, afterId: number | null): Promise<HazardTicket[]> {
    const query = this.filtered(filter);
    if (afterId !== null) query.andWhere('ticket.id < :afterId', { afterId });
    return query
      .orderBy('ticket.id', 'DESC')
      .limit(filter.limit + 1)
      .getMany();
  }

  /**
   * Staff lists by deadline: those without one (awaiting triage) first by age, then the earliest
   * deadline first — which puts the overdue ones at the top. For one enterprise and one state this
   * is one walk of IDX_hazard_ticket_queue (enterprise_id, state, due_at, id), no sorting: both
   * databases put NULL first in ascending order.
   */
  findByDeadlinePage(filter: HazardListFilter, after: DeadlineCursor | null): Promise<HazardTicket[]> {
    return this.byDeadlineQuery(filter, after).getMany();
  }

  /** The query of `findByDeadlinePage`, for checking its plan. */
  byDeadlineQuery(filter: HazardListFilter, after: DeadlineCursor | null): SelectQueryBuilder<HazardTicket> {
    const query = this.filtered(filter);
    if (after) {
      if (after.dueAt === null) {
        query.andWhere('(ticket.dueAt IS NOT NULL OR ticket.id > :afterId)', { afterId: after.id });
      } else {
        query.andWhere('(ticket.dueAt > :afterDue OR (ticket.dueAt = :afterDue AND ticket.id > :afterId))', {
          afterDue: after.dueAt,
          afterId: after.id,
        });
      }
    }
    return query
      .orderBy('ticket.dueAt', 'ASC')
      .addOrderBy('ticket.id', 'ASC')
      .limit(filter.limit + 1);
  }

  private listQuery(): SelectQueryBuilder<HazardTicket> {
    return this.tickets
      .createQueryBuilder('ticket')
      .innerJoinAndSelect('ticket.workplace', 'workplace')
      .innerJoinAndSelect('ticket.enterprise', 'enterprise');
  }

  private filtered(filter: HazardListFilter): SelectQueryBuilder<HazardTicket> {
    const query = this.listQuery();
    const { enterprises } = filter;
    if ('enterpriseIds' in enterprises) {
      const ids = enterprises.enterpriseIds;
      if (ids.length === 0) query.where('1 = 0');
      else if (ids.length === 1) query.where('ticket.enterpriseId = :enterpriseId', { enterpriseId: ids[0] });
      else query.where('ticket.enterpriseId IN (:...enterpriseIds)', { enterpriseIds: ids });
    } else {
      query.where(enterprises.enterprisePaths.where, enterprises.enterprisePaths.parameters);
    }
    if (filter.states !== null) {
      if (filter.states.length === 1) query.andWhere('ticket.state = :state', { state: filter.states[0] });
      else query.andWhere('ticket.state IN (:...states)', { states: filter.states });
    }
    if (filter.workplaceId !== undefined) {
      query.andWhere('ticket.workplaceId = :workplaceId', { workplaceId: filter.workplaceId });
    }
    if (filter.gridId !== undefined) query.andWhere('workplace.gridId = :gridId', { gridId: filter.gridId });
    if (filter.category !== undefined) query.andWhere('ticket.category = :category', { category: filter.category });
    if (filter.grade !== undefined) query.andWhere('ticket.grade = :grade', { grade: filter.grade });
    // Spelled out with IS NOT NULL so that its negation is true, not NULL, for a ticket without a deadline.
    const overdue = '(ticket.dueAt IS NOT NULL AND ticket.state IN (:...deadlineStates) AND ticket.dueAt < :now)';
    const overdueParameters = { deadlineStates: DEADLINE_STATES, now: filter.now };
    if (filter.overdue === true) query.andWhere(overdue, overdueParameters);
    if (filter.overdue === false) query.andWhere(`NOT ${overdue}`, overdueParameters);
    if (filter.supervision) {
      query.andWhere(`((ticket.grade = :major AND ticket.state NOT IN (:...finishedStates)) OR ${overdue})`, {
        major: HazardGrade.Major,
        finishedStates: FINISHED_STATES,
        ...overdueParameters,
      });
    }
    return query;
  }
}
