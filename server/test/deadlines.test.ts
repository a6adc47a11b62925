import { randomUUID } from 'node:crypto';
import { WechatPath } from '@ankang/fake-wechat';
import {
  addChinaDays,
  chinaDateOf,
  endOfChinaDay,
  HazardGrade,
  HazardState,
  InboxMessageKind,
  OrgKind,
  Role,
  WechatSubscribePurpose,
} from '@ankang/shared';
import { SchedulerRegistry } from '@nestjs/schedule';
import { DeadlineRemindersJob, type DeadlineRunSummary } from '../src/deadlines/deadline-reminders.job';
import { HazardReminder, HazardReminderKind } from '../src/deadlines/hazard-reminder.entity';
import { HazardTicket } from '../src/hazards/hazard-ticket.entity';
import { TicketEvent } from '../src/hazards/ticket-event.entity';
import { InboxService } from '../src/inbox/inbox.service';
import { InboxMessage } from '../src/inbox/inbox-message.entity';
import type { OrgUnit } from '../src/org/org-unit.entity';
import { WechatDeliveryStatus, WechatMessageDelivery } from '../src/subscriptions/wechat-message-delivery.entity';
import { WechatSubscription } from '../src/subscriptions/wechat-subscription.entity';
import { User } from '../src/users/user.entity';
import { createHazardTicket } from './factories/hazard.factory';
import { createOrgUnit, createUser, grantRole } from './factories/org.factory';
import { createTestTree, type TestTree } from './factories/tree.factory';
import { testBackends } from './support/backends';
import { type SecondInstance, startSecondInstance } from './support/second-instance';
import { startTestApp, type TestApp } from './support/test-app';

const REMINDER_TEMPLATE = 'tmpl-hazard-reminder-01';
const DAY_MS = 24 * 60 * 60 * 1000;
const today = chinaDateOf(new Date());

/** The end of the China day `days` from today: a deadline as triage sets it. */
const deadlineIn = (days: number) => endOfChinaDay(addChinaDays(today, days));
/** When each reminder is due, by the rule: a day before the deadline, at it, three days after. */
const momentsOf = (dueAt: Date) => ({
  soon: new Date(dueAt.getTime() - DAY_MS),
  due: dueAt,
  overdue: new Date(dueAt.getTime() + 3 * DAY_MS),
});
const justBefore = (moment: Date) => new Date(moment.getTime() - 1);

describe.each(testBackends())('hazard deadline reminders on %s', (backend) => {
  let app: TestApp;
  let job: DeadlineRemindersJob;

  beforeAll(async () => {
    app = await startTestApp(backend, { WECHAT_TEMPLATE_HAZARD_REMINDER: REMINDER_TEMPLATE });
    job = app.app.get(DeadlineRemindersJob);
  });

  afterAll(async () => {
    await app?.close();
  });

  /** A ticket assigned to `responsible` with a deadline, in a workplace of the tree. */
  const assigned = (
    workplace: OrgUnit,
    responsible: User | null,
    dueAt: Date | null,
    state: HazardState = HazardState.Assigned,
  ) =>
    createHazardTicket(app.dataSource, workplace, {
      state,
      grade: HazardGrade.General,
      responsibleUserId: responsible?.id ?? null,
      measures: '清理通道，设置警示标志',
      dueAt,
    });

  const remindersOf = (ticket: HazardTicket) =>
    app.dataSource.getRepository(HazardReminder).find({ where: { ticketId: ticket.id }, order: { id: 'ASC' } });
  const kindsRemindedOf = async (ticket: HazardTicket) => (await remindersOf(ticket)).map((reminder) => reminder.kind);
  const inboxOf = (ticket: HazardTicket) =>
    app.dataSource.getRepository(InboxMessage).find({ where: { hazardTicketId: ticket.id }, order: { id: 'ASC' } });
  const recipientsOf = async (ticket: HazardTicket, kind: InboxMessageKind) =>
    (await inboxOf(ticket)).filter((message) => message.kind === kind).map((message) => message.userId);
  const reminderEventsOf = async (ticket: HazardTicket) =>
    (
      await app.dataSource.getRepository(TicketEvent).find({ where: { ticketId: ticket.id }, order: { id: 'ASC' } })
    ).filter((event) => event.action.startsWith('remind_'));

  describe('whom it reminds, and when', () => {
    it('reminds the assignee a day before, the officers at the deadline and the union three days after, each once', async () => {
      const tree = await createTestTree(app.dataSource);
      const dueAt = deadlineIn(10);
      const { soon, due, overdue } = momentsOf(dueAt);
      const ticket = await assigned(tree.units.workplaceA1a, tree.users.workerA1, dueAt);

      await job.runOnce(justBefore(soon));
      expect(await kindsRemindedOf(ticket)).toEqual([]);

      await job.runOnce(soon);
      expect(await kindsRemindedOf(ticket)).toEqual([HazardReminderKind.DeadlineSoon]);
      expect(await recipientsOf(ticket, InboxMessageKind.HazardDeadlineSoon)).toEqual([tree.users.workerA1.id]);

      await job.runOnce(soon);
      await job.runOnce(justBefore(due));
      expect(await kindsRemindedOf(ticket)).toEqual([HazardReminderKind.DeadlineSoon]);

      await job.runOnce(due);
      expect(await kindsRemindedOf(ticket)).toEqual([HazardReminderKind.DeadlineSoon, HazardReminderKind.Due]);
      // The officers of the ticket's enterprise, not those of another enterprise.
      expect(await recipientsOf(ticket, InboxMessageKind.HazardDue)).toEqual([tree.users.officerA1.id]);

      await job.runOnce(justBefore(overdue));
      expect(await remindersOf(ticket)).toHaveLength(2);

      await job.runOnce(overdue);
      // The union staff of the enterprise's own union (the county), not those above it or of another city.
      expect(await recipientsOf(ticket, InboxMessageKind.HazardOverdue)).toEqual([tree.users.staffCountyA.id]);

      for (let round = 0; round < 3; round += 1) await job.runOnce(new Date(overdue.getTime() + round * 7 * DAY_MS));
      expect(await kindsRemindedOf(ticket)).toEqual([
        HazardReminderKind.DeadlineSoon,
        HazardReminderKind.Due,
        HazardReminderKind.Overdue,
      ]);
      expect((await remindersOf(ticket)).every((reminder) => reminder.dueAt.getTime() === dueAt.getTime())).toBe(true);
      expect(await inboxOf(ticket)).toHaveLength(3);
    });

    it('says it in Chinese with the code, the workplace and the China date, links the ticket and records it', async () => {
      const tree = await createTestTree(app.dataSource);
      const dueAt = deadlineIn(12);
      const ticket = await assigned(tree.units.workplaceA1b, tree.users.workerA1, dueAt, HazardState.Rectifying);

      await job.runOnce(momentsOf(dueAt).overdue);

      const messages = await inboxOf(ticket);
      expect(messages.map((message) => message.kind)).toEqual([
        InboxMessageKind.HazardDeadlineSoon,
        InboxMessageKind.HazardDue,
        InboxMessageKind.HazardOverdue,
      ]);
      for (const message of messages) {
        expect(message.title).toContain(ticket.code);
        expect(message.body).toContain(tree.units.workplaceA1b.name);
        expect(message.body).toContain(addChinaDays(today, 12));
        expect(message.body).toMatch(/[\u4e00-\u9fff]/);
        expect(message.link).toBe(`/pages/hazard/detail?id=${ticket.id}`);
        expect(message.readAt).toBeNull();
      }
      expect(messages[2].body).toContain(tree.units.enterpriseA1.name);

      const events = await reminderEventsOf(ticket);
      expect(events.map((event) => event.action)).toEqual(['remind_deadline_soon', 'remind_due', 'remind_overdue']);
      for (const event of events) {
        expect(event).toEqual(
          expect.objectContaining({ actorUserId: null, fromState: HazardState.Rectifying, toState: null }),
        );
        expect(JSON.parse(event.payload ?? '{}')).toEqual({ deadline: addChinaDays(today, 12), recipients: 1 });
      }
    });

    it('escalates to the next union up when the enterprise’s own union has no active staff', async () => {
      const tree = await createTestTree(app.dataSource);
      const quietCounty = await createOrgUnit(app.dataSource, { kind: OrgKind.Union, parent: tree.units.cityA });
      const enterprise = await createOrgUnit(app.dataSource, { kind: OrgKind.Enterprise, parent: quietCounty });
      const workplace = await createOrgUnit(app.dataSource, { kind: OrgKind.Workplace, parent: enterprise });
      const officer = await createUser(app.dataSource, { enterpriseId: enterprise.id });
      await grantRole(app.dataSource, officer, Role.Officer, enterprise);
      const dueAt = deadlineIn(14);
      const underQuietCounty = await assigned(workplace, officer, dueAt);
      // A2 sits right under the city; A1's county staff is disabled, so A1 goes to the city too.
      const underCity = await assigned(tree.units.workplaceA2a, tree.users.officerA2, dueAt);
      const underDisabled = await assigned(tree.units.workplaceA1a, tree.users.workerA1, dueAt);
      await app.dataSource.getRepository(User).update({ id: tree.users.staffCountyA.id }, { disabledAt: new Date() });

      await job.runOnce(momentsOf(dueAt).overdue);

      for (const ticket of [underQuietCounty, underCity, underDisabled]) {
        expect(await recipientsOf(ticket, InboxMessageKind.HazardOverdue)).toEqual([tree.users.staffCityA.id]);
      }
      expect(await recipientsOf(underQuietCounty, InboxMessageKind.HazardDue)).toEqual([officer.id]);
    });

    it('reminds only tickets whose deadline runs: assigned or being fixed', async () => {
      const tree = await createTestTree(app.dataSource);
      const dueAt = deadlineIn(16);
      const workplace = tree.units.workplaceB1a;
      const quiet = await Promise.all([
        assigned(workplace, tree.users.workerB1, null),
        assigned(workplace, tree.users.workerB1, dueAt, HazardState.Submitted),
        assigned(workplace, tree.users.workerB1, dueAt, HazardState.PendingVerification),
        assigned(workplace, tree.users.workerB1, dueAt, HazardState.Closed),
        assigned(workplace, tree.users.workerB1, dueAt, HazardState.Rejected),
        assigned(workplace, tree.users.workerB1, dueAt, HazardState.Duplicate),
      ]);
      const running = await assigned(workplace, tree.users.workerB1, dueAt, HazardState.Rectifying);

      await job.runOnce(new Date(momentsOf(dueAt).overdue.getTime() + DAY_MS));

      for (const ticket of quiet) {
        expect(await remindersOf(ticket)).toEqual([]);
        expect(await inboxOf(ticket)).toEqual([]);
      }
      expect(await remindersOf(running)).toHaveLength(3);
    });

    it('records a reminder once even when nobody can receive it (no assignee)', async () => {
      const tree = await createTestTree(app.dataSource);
      const dueAt = deadlineIn(18);
      const ticket = await assigned(tree.units.workplaceB1a, null, dueAt);

      await job.runOnce(momentsOf(dueAt).soon);
      await job.runOnce(momentsOf(dueAt).soon);

      expect(await kindsRemindedOf(ticket)).toEqual([HazardReminderKind.DeadlineSoon]);
      expect(await inboxOf(ticket)).toEqual([]);
      const [event] = await reminderEventsOf(ticket);
      expect(JSON.parse(event.payload ?? '{}')).toEqual(expect.objectContaining({ recipients: 0 }));
    });

    it('earns new reminders for a new deadline (an approved extension)', async () => {
      const tree = await createTestTree(app.dataSource);
      const firstDueAt = deadlineIn(20);
      const ticket = await assigned(tree.units.workplaceA1a, tree.users.workerA1, firstDueAt, HazardState.Rectifying);
      await job.runOnce(momentsOf(firstDueAt).due);
      expect(await remindersOf(ticket)).toHaveLength(2);

      const extendedDueAt = deadlineIn(27);
      await app.dataSource.getRepository(HazardTicket).update({ id: ticket.id }, { dueAt: extendedDueAt });
      await job.runOnce(momentsOf(firstDueAt).due);
      await job.runOnce(justBefore(momentsOf(extendedDueAt).soon));
      expect(await remindersOf(ticket)).toHaveLength(2);

      await job.runOnce(momentsOf(extendedDueAt).due);
      await job.runOnce(momentsOf(extendedDueAt).due);
      const reminders = await remindersOf(ticket);
      expect(reminders.map((reminder) => [reminder.kind, chinaDateOf(reminder.dueAt)])).toEqual([
        [HazardReminderKind.DeadlineSoon, addChinaDays(today, 20)],
        [HazardReminderKind.Due, addChinaDays(today, 20)],
        [HazardReminderKind.DeadlineSoon, addChinaDays(today, 27)],
        [HazardReminderKind.Due, addChinaDays(today, 27)],
      ]);
      expect(await recipientsOf(ticket, InboxMessageKind.HazardDeadlineSoon)).toEqual([
        tree.users.workerA1.id,
        tree.users.workerA1.id,
      ]);
      expect((await inboxOf(ticket)).filter((message) => message.body.includes(addChinaDays(today, 27)))).toHaveLength(
        2,
      );
    });
  });

  it('sends the reminder as a WeChat subscribe message to whoever holds a grant, once', async () => {
    const tree = await createTestTree(app.dataSource);
    const assignee = tree.users.workerA1;
    const openId = app.wechat.openIdFor(`assignee-${tree.suffix}`);
    await app.dataSource.getRepository(User).update({ id: assignee.id }, { openId });
    await app.dataSource.getRepository(WechatSubscription).insert({
      userId: assignee.id,
      templateId: REMINDER_TEMPLATE,
      remaining: 5,
      createdAt: new Date(),
      updatedAt: new Date(),
    });
    const dueAt = deadlineIn(22);
    const ticket = await assigned(tree.units.workplaceA1a, assignee, dueAt);

    const summary = await job.runOnce(momentsOf(dueAt).soon);
    await job.runOnce(momentsOf(dueAt).soon);

    expect(summary.deliveries.sent).toBeGreaterThanOrEqual(1);
    const sends = app.wechat
      .requests(WechatPath.SubscribeSend)
      .filter((call) => (call.body as { touser: string }).touser === openId);
    expect(sends).toHaveLength(1);
    expect(sends[0].body).toEqual(
      expect.objectContaining({
        template_id: REMINDER_TEMPLATE,
        page: `pages/hazard/detail?id=${ticket.id}`,
        data: expect.objectContaining({
          character_string1: { value: ticket.code },
          date3: { value: expect.stringMatching(/^\d{4}年\d{1,2}月\d{1,2}日$/) },
        }),
      }),
    );
    const deliveries = await app.dataSource.getRepository(WechatMessageDelivery).findBy({ userId: assignee.id });
    expect(deliveries).toEqual([
      expect.objectContaining({ purpose: WechatSubscribePurpose.HazardReminder, status: WechatDeliveryStatus.Sent }),
    ]);
    // The officers have no openid: their due reminder is queued and skipped, never sent.
    await job.runOnce(momentsOf(dueAt).due);
    const officers = await app.dataSource
      .getRepository(WechatMessageDelivery)
      .findBy({ userId: tree.users.officerA1.id });
    expect(officers).toEqual([expect.objectContaining({ status: WechatDeliveryStatus.Skipped })]);
    expect(
      (await app.dataSource.getRepository(WechatSubscription).findOneByOrFail({ userId: assignee.id })).remaining,
    ).toBe(4);
  });

  it('loses or repeats nothing when a run fails halfway through a batch', async () => {
    const tree = await createTestTree(app.dataSource);
    // The earliest deadline in this file: at its reminder moment these are the only candidates, in id order.
    const dueAt = deadlineIn(3);
    const tickets: HazardTicket[] = [];
    for (let index = 0; index < 3; index += 1) {
      tickets.push(await assigned(tree.units.workplaceA1a, tree.users.workerA1, dueAt));
    }
    const inbox = app.app.get(InboxService);
    const deliver = inbox.deliver.bind(inbox);
    const failing = jest.spyOn(inbox, 'deliver').mockImplementation(async (messages, manager) => {
      if (messages.some((message) => message.hazardTicketId === tickets[1].id)) throw new Error('power cut');
      return deliver(messages, manager);
    });
    try {
      await expect(job.runOnce(momentsOf(dueAt).soon)).rejects.toThrow('power cut');
    } finally {
      failing.mockRestore();
    }
    // The first ticket's reminder was written in the failed batch: rolled back with it.
    for (const ticket of tickets) {
      expect(await remindersOf(ticket)).toEqual([]);
      expect(await inboxOf(ticket)).toEqual([]);
      expect(await reminderEventsOf(ticket)).toEqual([]);
    }

    await job.runOnce(momentsOf(dueAt).soon);
    await job.runOnce(momentsOf(dueAt).soon);
    for (const ticket of tickets) {
      expect(await kindsRemindedOf(ticket)).toEqual([HazardReminderKind.DeadlineSoon]);
      expect(await inboxOf(ticket)).toHaveLength(1);
      expect(await reminderEventsOf(ticket)).toHaveLength(1);
    }
  });

  it('schedules itself every DEADLINE_JOB_INTERVAL_SECONDS, unless JOBS_ENABLED is off', async () => {
    expect(app.app.get(SchedulerRegistry).getIntervals()).not.toContain('hazard-deadline-reminders');
    const scheduled = await startSecondInstance(app, { jobsEnabled: true, deadlineJobIntervalSeconds: 3600 });
    try {
      const registry = scheduled.app.get(SchedulerRegistry);
      expect(registry.getIntervals()).toContain('hazard-deadline-reminders');
    } finally {
      await scheduled.close();
    }
  });

  describe('two servers on one database', () => {
    let second: SecondInstance;

    beforeAll(async () => {
      second = await startSecondInstance(app);
    });

    afterAll(async () => {
      await second?.close();
    });

    it('sends every reminder exactly once when both run the job at the same moments', async () => {
      const trees: TestTree[] = [await createTestTree(app.dataSource), await createTestTree(app.dataSource)];
      const dueAt = deadlineIn(30);
      const { soon, due, overdue } = momentsOf(dueAt);
      const tickets: HazardTicket[] = [];
      const places = trees.flatMap((tree) => [
        { workplace: tree.units.workplaceA1a, assignee: tree.users.workerA1, union: tree.users.staffCountyA },
        { workplace: tree.units.workplaceA2a, assignee: tree.users.officerA2, union: tree.users.staffCityA },
        { workplace: tree.units.workplaceB1a, assignee: tree.users.workerB1, union: tree.users.staffCityB },
      ]);
      const officerOf = new Map(
        trees.flatMap((tree) => [
          [tree.units.enterpriseA1.id, tree.users.officerA1.id],
          [tree.units.enterpriseA2.id, tree.users.officerA2.id],
          [tree.units.enterpriseB1.id, tree.users.officerB1.id],
        ]),
      );
      const unionOf = new Map<number, number>();
      for (let index = 0; index < 60; index += 1) {
        const place = places[index % places.length];
        // Deadlines a few minutes apart, so batches cut across them.
        const ticketDueAt = new Date(dueAt.getTime() - (index % 7) * 60_000);
        const ticket = await assigned(place.workplace, place.assignee, ticketDueAt, HazardState.Rectifying);
        tickets.push(ticket);
        unionOf.set(ticket.id, place.union.id);
      }
      // Everyone reachable on WeChat with grants to spare.
      const people = [...new Set(trees.flatMap((tree) => Object.values(tree.users)))];
      for (const person of people) {
        await app.dataSource
          .getRepository(User)
          .update({ id: person.id }, { openId: app.wechat.openIdFor(`two-servers-${person.id}-${randomUUID()}`) });
        await app.dataSource.getRepository(WechatSubscription).insert({
          userId: person.id,
          templateId: REMINDER_TEMPLATE,
          remaining: 1000,
          createdAt: new Date(),
          updatedAt: new Date(),
        });
      }
      const openIds = new Set(
        (
          await app.dataSource
            .getRepository(User)
            .find({ select: { openId: true }, where: people.map((person) => ({ id: person.id })) })
        ).map((user) => user.openId),
      );
      const secondJob = second.app.get(DeadlineRemindersJob);
      expect(secondJob).not.toBe(job);

      const remindersBefore = await app.dataSource.getRepository(HazardReminder).count();
      // Many rounds, both servers (each with two runs in flight) at once, at and around each moment.
      const summaries: DeadlineRunSummary[] = [];
      for (const moment of [justBefore(soon), soon, soon, due, due, justBefore(overdue), overdue, overdue, overdue]) {
        summaries.push(
          ...(await Promise.all([
            job.runOnce(moment),
            secondJob.runOnce(moment),
            job.runOnce(moment),
            secondJob.runOnce(moment),
          ])),
        );
      }

      const ticketIds = tickets.map((ticket) => ticket.id);
      const reminders = await app.dataSource
        .getRepository(HazardReminder)
        .find({ where: ticketIds.map((ticketId) => ({ ticketId })) });
      expect(reminders).toHaveLength(3 * tickets.length);
      const remindedInRuns = summaries.reduce(
        (sum, summary) => sum + Object.values(summary.reminders).reduce((total, count) => total + count, 0),
        0,
      );
      // The servers split the work (row locks passed over, not waited for)…
      const remindedBy = (instance: 0 | 1) =>
        summaries
          .filter((_summary, index) => index % 2 === instance)
          .reduce(
            (sum, summary) => sum + Object.values(summary.reminders).reduce((total, count) => total + count, 0),
            0,
          );
      expect(remindedBy(0)).toBeGreaterThan(0);
      expect(remindedBy(1)).toBeGreaterThan(0);
      // …and what the runs report is what they wrote (older tickets of this file join in at these moments too).
      expect(remindedInRuns).toBe((await app.dataSource.getRepository(HazardReminder).count()) - remindersBefore);

      for (const ticket of tickets) {
        expect((await kindsRemindedOf(ticket)).sort()).toEqual(
          [HazardReminderKind.DeadlineSoon, HazardReminderKind.Due, HazardReminderKind.Overdue].sort(),
        );
        expect(await recipientsOf(ticket, InboxMessageKind.HazardDeadlineSoon)).toEqual([ticket.responsibleUserId]);
        expect(await recipientsOf(ticket, InboxMessageKind.HazardDue)).toEqual([officerOf.get(ticket.enterpriseId)]);
        expect(await recipientsOf(ticket, InboxMessageKind.HazardOverdue)).toEqual([unionOf.get(ticket.id)]);
        expect(await reminderEventsOf(ticket)).toHaveLength(3);
      }

      // One WeChat message per in-app reminder, sent once: rows and WeChat's own count agree.
      const messages = (await Promise.all(tickets.map((ticket) => inboxOf(ticket)))).flat();
      expect(messages).toHaveLength(3 * tickets.length);
      const deliveries = await app.dataSource
        .getRepository(WechatMessageDelivery)
        .find({ where: messages.map((message) => ({ dedupeKey: message.dedupeKey ?? '' })) });
      expect(deliveries).toHaveLength(messages.length);
      expect(
        deliveries.every((delivery) => delivery.status === WechatDeliveryStatus.Sent && delivery.attempts === 1),
      ).toBe(true);
      const pages = new Set(tickets.map((ticket) => `pages/hazard/detail?id=${ticket.id}`));
      const sends = app.wechat
        .requests(WechatPath.SubscribeSend)
        .filter(
          (call) =>
            pages.has((call.body as { page: string }).page) && openIds.has((call.body as { touser: string }).touser),
        );
      expect(sends).toHaveLength(messages.length);
      const distinct = new Set(
        sends.map((call) =>
          JSON.stringify([
            (call.body as { touser: string }).touser,
            (call.body as { page: string }).page,
            (call.body as { data: { thing4: { value: string } } }).data.thing4.value,
          ]),
        ),
      );
      expect(distinct.size).toBe(messages.length);
      // Each grant was spent once per message.
      const grants = await app.dataSource
        .getRepository(WechatSubscription)
        .find({ where: people.map((person) => ({ userId: person.id })) });
      const spent = grants.reduce((sum, grant) => sum + (1000 - grant.remaining), 0);
      expect(spent).toBe(messages.length);
    });
  });
});
