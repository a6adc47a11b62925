import { chinaDateOf, Role, WechatSubscribePurpose } from '@ankang/shared';
import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import type { EntityManager } from 'typeorm';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { retryingLockConflicts } from '../database/job-claims';
import type { HazardTicket } from '../hazards/hazard-ticket.entity';
import { InboxService } from '../inbox/inbox.service';
import type { OrgUnit } from '../org/org-unit.entity';
import { type DeliveryRunSummary, SubscribeMessagesService } from '../subscriptions/subscribe-messages.service';
import { DeadlineRemindersRepository } from './deadline-reminders.repository';
import { HazardReminderKind } from './hazard-reminder.entity';
import { reminderDedupeKey, reminderText } from './reminder-messages';
import { latestDueAtFor, REMINDER_KINDS, STATES_WITH_RUNNING_DEADLINE } from './reminder-schedule';

const JOB_NAME = 'hazard-deadline-reminders';
/** Tickets claimed per transaction: small enough to hold their locks briefly. */
const BATCH_SIZE = 25;
/** Candidates read per batch: enough for several servers reading the same ones to each claim a batch. */
const CANDIDATE_WINDOW = 4 * BATCH_SIZE;
/** A run stops after this many batches of one kind; the next tick goes on. */
const MAX_BATCHES_PER_KIND = 200;

export interface DeadlineRunSummary {
  /** Reminders this run recorded (and sent), by kind. */
  reminders: Record<HazardReminderKind, number>;
  /** The WeChat subscribe messages this run sent (its own and any others due). */
  deliveries: DeliveryRunSummary;
}

interface TicketPlaces {
  workplace: OrgUnit | undefined;
  enterprise: OrgUnit | undefined;
}

/**
 * Reminds and escalates around hazard deadlines: the assignee a day before, the enterprise's
 * officers at the deadline, the union staff of the enterprise's union three days after — each once
 * per ticket, kind and deadline, however many servers run the job. A batch reads the tickets that
 * await a reminder (a plain read), locks some of them by id (`FOR UPDATE SKIP LOCKED`: servers split
 * the work rather than wait), records each reminder (the unique row is the claim: a reminder another
 * server recorded meanwhile is not written again) and writes its in-app messages, WeChat deliveries
 * and audit event in the same transaction, so a crash loses or repeats nothing. Then the WeChat
 * deliveries that are due go out.
 */
@Injectable()
export class DeadlineRemindersJob implements OnApplicationBootstrap {
  private readonly logger = new Logger(DeadlineRemindersJob.name);
  private running = false;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly scheduler: SchedulerRegistry,
    private readonly reminders: DeadlineRemindersRepository,
    private readonly inbox: InboxService,
    private readonly subscribeMessages: SubscribeMessagesService,
  ) {}

  /** Every DEADLINE_JOB_INTERVAL_SECONDS unless JOBS_ENABLED=false; the schedule module stops it on shutdown. */
  onApplicationBootstrap(): void {
    if (!this.config.jobsEnabled) return;
    const timer = setInterval(() => void this.tick(), this.config.deadlineJobIntervalSeconds * 1000);
    this.scheduler.addInterval(JOB_NAME, timer);
  }

  async runOnce(now: Date = new Date()): Promise<DeadlineRunSummary> {
    const reminders = {} as Record<HazardReminderKind, number>;
    for (const kind of REMINDER_KINDS) reminders[kind] = await this.remindAll(kind, now);
    const deliveries = await this.subscribeMessages.deliverDue(now);
    return { reminders, deliveries };
  }

  private async tick(): Promise<void> {
    // A slow run is not overtaken by the next tick of this server; other servers are kept apart by row locks.
    if (this.running) return;
    this.running = true;
    try {
      const summary = await this.runOnce();
      const reminded = Object.values(summary.reminders).reduce((sum, count) => sum + count, 0);
      if (reminded > 0 || summary.deliveries.sent > 0) this.logger.log(summary, 'Hazard deadline reminders sent');
    } catch (error) {
      // The next tick tries again; a failed run must not end the schedule or the process.
      this.logger.error({ err: error }, 'Hazard deadline reminder run failed');
    } finally {
      this.running = false;
    }
  }

  private async remindAll(kind: HazardReminderKind, now: Date): Promise<number> {
    const latestDueAt = latestDueAtFor(kind, now);
    let reminded = 0;
    for (let batch = 0; batch < MAX_BATCHES_PER_KIND; batch += 1) {
      const outcome = await retryingLockConflicts(() =>
        this.reminders.transaction((manager) => this.remindBatch(manager, kind, latestDueAt, now)),
      );
      reminded += outcome.reminded;
      // Nothing left, or all of it held by other servers, which are on it.
      if (outcome.claimed === 0) break;
    }
    return reminded;
  }

  private async remindBatch(
    manager: EntityManager,
    kind: HazardReminderKind,
    latestDueAt: Date,
    now: Date,
  ): Promise<{ claimed: number; reminded: number }> {
    const candidates = await this.reminders.findTicketIdsAwaitingReminder(manager, kind, latestDueAt, CANDIDATE_WINDOW);
    const locked = await this.reminders.lockTickets(manager, candidates, BATCH_SIZE);
    if (locked.length === 0) return { claimed: 0, reminded: 0 };
    // The latest rows decide: a ticket fixed or given a new deadline since the read is not reminded.
    const tickets = locked.filter((ticket) => isAwaiting(ticket, latestDueAt));
    const units = await this.reminders.findUnits(
      manager,
      tickets.flatMap((ticket) => [ticket.workplaceId, ticket.enterpriseId]),
    );
    const places = (ticket: HazardTicket): TicketPlaces => ({
      workplace: units.get(ticket.workplaceId),
      enterprise: units.get(ticket.enterpriseId),
    });
    const recipients = await this.recipientsOf(manager, kind, tickets, places);
    const recordedAt = new Date();
    let reminded = 0;
    for (const ticket of tickets) {
      const dueAt = ticket.dueAt;
      if (!dueAt) continue;
      if (!(await this.reminders.claim(manager, { ticketId: ticket.id, kind, dueAt }, recordedAt))) continue;
      const { workplace, enterprise } = places(ticket);
      const text = reminderText(kind, {
        id: ticket.id,
        code: ticket.code,
        workplaceName: workplace?.name ?? '',
        enterpriseName: enterprise?.name ?? '',
        dueAt,
      });
      const people = recipients.get(ticket.id) ?? [];
      await this.inbox.deliver(
        people.map((userId) => ({
          userId,
          kind: text.kind,
          title: text.title,
          body: text.body,
          link: text.link,
          hazardTicketId: ticket.id,
          dedupeKey: reminderDedupeKey(ticket.id, kind, dueAt, userId),
        })),
        manager,
      );
      await this.subscribeMessages.enqueue(
        manager,
        people.map((userId) => ({
          userId,
          purpose: WechatSubscribePurpose.HazardReminder,
          dedupeKey: reminderDedupeKey(ticket.id, kind, dueAt, userId),
          page: text.link,
          data: text.subscribeData,
        })),
        now,
      );
      await this.reminders.appendEvent(
        manager,
        ticket,
        kind,
        { deadline: chinaDateOf(dueAt), recipients: people.length },
        recordedAt,
      );
      reminded += 1;
    }
    return { claimed: locked.length, reminded };
  }

  /** Who each ticket's reminder of `kind` goes to (active accounts only). */
  private async recipientsOf(
    manager: EntityManager,
    kind: HazardReminderKind,
    tickets: readonly HazardTicket[],
    places: (ticket: HazardTicket) => TicketPlaces,
  ): Promise<Map<number, number[]>> {
    switch (kind) {
      case HazardReminderKind.DeadlineSoon: {
        const active = await this.reminders.findActiveUserIds(
          manager,
          tickets.flatMap((ticket) => (ticket.responsibleUserId === null ? [] : [ticket.responsibleUserId])),
        );
        return new Map(
          tickets.map((ticket) => [
            ticket.id,
            ticket.responsibleUserId !== null && active.has(ticket.responsibleUserId) ? [ticket.responsibleUserId] : [],
          ]),
        );
      }
      case HazardReminderKind.Due: {
        const officers = await this.reminders.findActiveHolders(
          manager,
          Role.Officer,
          tickets.map((ticket) => ticket.enterpriseId),
        );
        return new Map(tickets.map((ticket) => [ticket.id, officers.get(ticket.enterpriseId) ?? []]));
      }
      case HazardReminderKind.Overdue: {
        // The unions above each enterprise, nearest first: the enterprise's own union, else the next one up.
        const unionsAbove = new Map(
          tickets.map((ticket) => [ticket.id, ancestorIdsNearestFirst(places(ticket).enterprise)]),
        );
        const staff = await this.reminders.findActiveHolders(manager, Role.UnionStaff, [
          ...new Set([...unionsAbove.values()].flat()),
        ]);
        return new Map(
          tickets.map((ticket) => {
            const nearest = (unionsAbove.get(ticket.id) ?? []).find((unionId) => (staff.get(unionId) ?? []).length > 0);
            return [ticket.id, nearest === undefined ? [] : (staff.get(nearest) ?? [])];
          }),
        );
      }
    }
  }
}

function isAwaiting(ticket: HazardTicket, latestDueAt: Date): boolean {
  return (
    STATES_WITH_RUNNING_DEADLINE.includes(ticket.state) &&
    ticket.dueAt !== null &&
    ticket.dueAt.getTime() <= latestDueAt.getTime()
  );
}

/** The ids of the nodes above a node, from its materialised path (`/1/7/42/` → 7, 1). */
function ancestorIdsNearestFirst(unit: OrgUnit | undefined): number[] {
  if (!unit) return [];
  return unit.path
    .split('/')
    .filter((segment) => segment !== '')
    .map(Number)
    .filter((id) => id !== unit.id)
    .reverse();
}
