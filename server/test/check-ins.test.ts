import { randomUUID } from 'node:crypto';
import {
  CommonErrorCode,
  chinaDateOf,
  InboxMessageKind,
  LessonReason,
  OrgErrorCode,
  Role,
  ShiftClearance,
  TrainingErrorCode,
  WorkerGroup,
} from '@ankang/shared';
import { CheckIn } from '../src/check-ins/check-in.entity';
import { InboxMessage } from '../src/inbox/inbox-message.entity';
import { OrgUnit } from '../src/org/org-unit.entity';
import { createUser, grantRole } from './factories/org.factory';
import { createTestTree, type TestTree } from './factories/tree.factory';
import { testBackends } from './support/backends';
import { expectErrorShape } from './support/http';
import {
  ALL_RIGHT,
  createWorker,
  lessonRequest,
  TrainingClient,
  type TrainingTestApp,
  useTrainingApp,
} from './training-support';

describe.each(testBackends())('pre-shift check-in on %s', (backend) => {
  let app: TrainingTestApp;
  let client: TrainingClient;
  /** A province whose only lesson is for high-risk posts: other workers of it have none to take. */
  let tree: TestTree;

  useTrainingApp(backend, async (started, startedClient) => {
    app = started;
    client = startedClient;
    tree = await createTestTree(app.dataSource);
    await client.publishedLesson(
      tree.users.staffProvince,
      lessonRequest(tree.units.province.id, { workerGroups: [WorkerGroup.HighRisk] }),
    );
  });

  const checkInsOf = (userId: number) => app.dataSource.getRepository(CheckIn).findBy({ userId });
  const inboxOf = (userId: number) =>
    app.dataSource.getRepository(InboxMessage).findBy({ userId, kind: InboxMessageKind.CheckInNotCleared });

  describe('the way to the card', () => {
    it('sends a fit worker with a lesson to take to it, and clears them once it is passed', async () => {
      const worker = await createWorker(app, tree.units.enterpriseA1, [WorkerGroup.HighRisk]);
      const lesson = await client.publishedLesson(
        tree.users.staffCityA,
        lessonRequest(tree.units.cityA.id, { title: '高处作业安全' }),
      );
      const checkedIn = await client.checkIn(worker, tree.units.workplaceA1a, { temperature: 36.6 });
      expect(checkedIn.status).toBe(201);
      expect(checkedIn.body).toEqual({
        id: expect.any(String),
        day: chinaDateOf(new Date()),
        worker: { id: String(worker.id), displayName: worker.displayName },
        workplace: { id: String(tree.units.workplaceA1a.id), name: tree.units.workplaceA1a.name },
        enterprise: { id: String(tree.units.enterpriseA1.id), name: tree.units.enterpriseA1.name },
        clearance: ShiftClearance.LessonPending,
        checkedInAt: expect.any(String),
        clearedAt: null,
        todaysLesson: expect.objectContaining({ reason: LessonReason.Required, durationSeconds: 120 }),
        passedLesson: null,
        advice: null,
      });
      expect((await client.call('GET', '/check-ins/today', worker)).body).toEqual(checkedIn.body);

      // A wrong answer first: still waiting.
      const failed = await client.submit(worker, await client.studied(worker, lesson.id, checkedIn.body.id), {
        q1: ['a'],
        q2: ['a', 'c'],
        q3: ['false'],
      });
      expect(failed.body).toEqual(expect.objectContaining({ passed: false, clearance: ShiftClearance.LessonPending }));
      const passed = await client.submit(worker, await client.studied(worker, lesson.id, checkedIn.body.id), ALL_RIGHT);
      expect(passed.body).toEqual(expect.objectContaining({ passed: true, clearance: ShiftClearance.Cleared }));

      const card = await client.call('GET', '/check-ins/today', worker);
      expect(card.body).toEqual(
        expect.objectContaining({
          id: checkedIn.body.id,
          clearance: ShiftClearance.Cleared,
          clearedAt: expect.any(String),
          todaysLesson: null,
          passedLesson: { id: lesson.id, title: '高处作业安全', version: 1, score: 100 },
          advice: null,
        }),
      );
      const [stored] = await checkInsOf(worker.id);
      expect(stored.passedAttemptId).toBe(Number(passed.body.attemptId));
    });

    it('clears a fit worker at once when there is no lesson to take', async () => {
      const worker = await createWorker(app, tree.units.enterpriseB1);
      const checkedIn = await client.checkIn(worker, tree.units.workplaceB1a);
      expect(checkedIn.status).toBe(201);
      expect(checkedIn.body).toEqual(
        expect.objectContaining({
          clearance: ShiftClearance.Cleared,
          clearedAt: expect.any(String),
          todaysLesson: null,
          passedLesson: null,
          advice: null,
        }),
      );
    });

    it('clears a worker left waiting when no lesson is left to take', async () => {
      const own = await createTestTree(app.dataSource);
      const lesson = await client.publishedLesson(own.users.officerB1, lessonRequest(own.units.enterpriseB1.id));
      const checkedIn = await client.checkIn(own.users.workerB1, own.units.workplaceB1a);
      expect(checkedIn.body.todaysLesson.id).toBe(lesson.id);
      await client.call('POST', `/lessons/${lesson.id}/archive`, own.users.officerB1);
      const card = await client.call('GET', '/check-ins/today', own.users.workerB1);
      expect(card.body).toEqual(
        expect.objectContaining({
          clearance: ShiftClearance.Cleared,
          clearedAt: expect.any(String),
          todaysLesson: null,
        }),
      );
    });

    it('answers “not yet” before the first check-in of the day', async () => {
      const worker = await createWorker(app, tree.units.enterpriseA1);
      const none = await client.call('GET', '/check-ins/today', worker);
      expect(none.status).toBe(404);
      expectErrorShape(none.body, CommonErrorCode.NotFound);
    });

    it('does not take yesterday’s check-in for today’s lesson', async () => {
      const worker = await createWorker(app, tree.units.enterpriseA1, [WorkerGroup.HighRisk]);
      const checkedIn = await client.checkIn(worker, tree.units.workplaceA1a);
      await app.dataSource.getRepository(CheckIn).update({ id: Number(checkedIn.body.id) }, { day: '2020-01-01' });
      const refused = await client.open(worker, checkedIn.body.todaysLesson.id, checkedIn.body.id);
      expect(refused.status).toBe(409);
      expectErrorShape(refused.body, TrainingErrorCode.CheckInNotUsable);
    });
  });

  describe('an unfit declaration', () => {
    it.each([
      ['fever', { fever: true }],
      ['a cough', { cough: true }],
      ['feeling unwell', { feelingUnwell: true }],
      ['other symptoms', { otherSymptoms: '头晕乏力' }],
      ['a temperature at the fever line, nothing ticked', { temperature: 37.3 }],
    ])('with %s: not cleared, told to rest, and the enterprise’s officers told', async (_case, declaration) => {
      const own = await createTestTree(app.dataSource);
      const worker = await createWorker(app, own.units.enterpriseA1, [WorkerGroup.HighRisk]);
      const secondOfficer = await createUser(app.dataSource, { displayName: '甲一副安全员' });
      await grantRole(app.dataSource, secondOfficer, Role.Officer, own.units.enterpriseA1);

      const checkedIn = await client.checkIn(worker, own.units.workplaceA1b, declaration);
      expect(checkedIn.status).toBe(201);
      expect(checkedIn.body).toEqual(
        expect.objectContaining({
          clearance: ShiftClearance.NotCleared,
          clearedAt: null,
          todaysLesson: null,
          advice: expect.stringMatching(/休息.*就医.*班组长/),
        }),
      );

      const key = `check-in:${checkedIn.body.id}:not-cleared:`;
      const messages = (
        await app.dataSource.getRepository(InboxMessage).findBy({ kind: InboxMessageKind.CheckInNotCleared })
      ).filter((message) => message.dedupeKey?.startsWith(key));
      expect(new Set(messages.map((message) => message.userId))).toEqual(
        new Set([own.users.officerA1.id, secondOfficer.id]),
      );
      expect(messages).toHaveLength(2);
      for (const message of messages) {
        expect(message.body).toContain(worker.displayName);
        expect(message.body).toContain(own.units.workplaceA1b.name);
        // The symptoms stay out of the inbox, which outlives the declaration (PIPL).
        expect(message.body).not.toContain('头晕');
        expect(message.body).not.toContain('37.3');
      }
      for (const bystander of [worker, own.users.officerA2, own.users.staffCountyA, own.users.workerA1]) {
        expect(await inboxOf(bystander.id)).toEqual([]);
      }
    });

    it('tells no one again when the worker checks in again', async () => {
      const worker = await createWorker(app, tree.units.enterpriseA2);
      const clientKey = randomUUID();
      const first = await client.checkIn(worker, tree.units.workplaceA2a, { fever: true }, clientKey);
      await client.checkIn(worker, tree.units.workplaceA2a, { fever: true }, clientKey);
      await client.checkIn(worker, tree.units.workplaceA2a, { cough: true });
      const messages = await inboxOf(tree.users.officerA2.id);
      expect(messages.filter((message) => message.dedupeKey?.startsWith(`check-in:${first.body.id}:`))).toHaveLength(1);
      expect(messages.filter((message) => message.body.includes(worker.displayName))).toHaveLength(1);
    });
  });

  describe('refusals', () => {
    it.each([
      [
        'a temperature under 35.0',
        { declaration: { fever: false, cough: false, feelingUnwell: false, temperature: 34.9 } },
      ],
      [
        'a temperature over 42.0',
        { declaration: { fever: false, cough: false, feelingUnwell: false, temperature: 42.1 } },
      ],
      [
        'a temperature that is text',
        { declaration: { fever: false, cough: false, feelingUnwell: false, temperature: '37' } },
      ],
      [
        'symptoms over 200 characters',
        { declaration: { fever: false, cough: false, feelingUnwell: false, otherSymptoms: '咳'.repeat(201) } },
      ],
      ['a sign missing', { declaration: { fever: false, cough: false } }],
      ['no declaration', { declaration: undefined }],
      ['an unknown field', { declaration: { fever: false, cough: false, feelingUnwell: false, mood: 'ok' } }],
      ['a client key that is no UUID', { clientKey: 'again' }],
    ])('refuses %s and writes nothing', async (_case, changes) => {
      const worker = await createWorker(app, tree.units.enterpriseA1);
      const refused = await client.call('POST', '/check-ins', worker, {
        workplaceId: String(tree.units.workplaceA1a.id),
        clientKey: randomUUID(),
        ...changes,
      });
      expect(refused.status).toBe(400);
      expectErrorShape(refused.body, CommonErrorCode.ValidationFailed);
      expect(await checkInsOf(worker.id)).toEqual([]);
    });

    it('refuses workers not bound to the workplace’s enterprise', async () => {
      const refusedUnbound = await client.checkIn(tree.users.nobody, tree.units.workplaceA1a);
      expect(refusedUnbound.status).toBe(409);
      expectErrorShape(refusedUnbound.body, TrainingErrorCode.NotBoundToEnterprise);
      const otherEnterprise = await createWorker(app, tree.units.enterpriseB1);
      const refused = await client.checkIn(otherEnterprise, tree.units.workplaceA1a);
      expectErrorShape(refused.body, TrainingErrorCode.NotBoundToEnterprise);
      expect(await checkInsOf(otherEnterprise.id)).toEqual([]);
    });

    it('answers unknown and archived workplaces like the entrance code does', async () => {
      const worker = await createWorker(app, tree.units.enterpriseA1);
      for (const id of [999_999_999, tree.units.enterpriseA1.id]) {
        const unknown = await client.call('POST', '/check-ins', worker, {
          workplaceId: String(id),
          clientKey: randomUUID(),
          declaration: { fever: false, cough: false, feelingUnwell: false },
        });
        expect(unknown.status).toBe(404);
        expectErrorShape(unknown.body, OrgErrorCode.WorkplaceNotFound);
      }
      const ownTree = await createTestTree(app.dataSource);
      await app.dataSource
        .getRepository(OrgUnit)
        .update({ id: ownTree.units.workplaceA1b.id }, { archivedAt: new Date() });
      const archived = await client.checkIn(ownTree.users.workerA1, ownTree.units.workplaceA1b);
      expect(archived.status).toBe(409);
      expectErrorShape(archived.body, OrgErrorCode.WorkplaceArchived);
    });
  });

  describe('once a day', () => {
    it('answers a retry and a second check-in of the day with the first, whatever the new declaration says', async () => {
      const worker = await createWorker(app, tree.units.enterpriseA1);
      const clientKey = randomUUID();
      const first = await client.checkIn(worker, tree.units.workplaceA1a, {}, clientKey);
      expect(first.status).toBe(201);
      const retry = await client.checkIn(worker, tree.units.workplaceA1a, {}, clientKey.toUpperCase());
      expect(retry.status).toBe(200);
      expect(retry.body).toEqual(first.body);
      const second = await client.checkIn(worker, tree.units.workplaceA1b, { fever: true, temperature: 39 });
      expect(second.status).toBe(200);
      expect(second.body).toEqual(first.body);
      const stored = await checkInsOf(worker.id);
      expect(stored).toHaveLength(1);
      expect(stored[0]).toEqual(
        expect.objectContaining({ fever: false, temperature: null, workplaceId: tree.units.workplaceA1a.id }),
      );
      expect(await inboxOf(tree.users.officerA1.id)).not.toEqual(
        expect.arrayContaining([expect.objectContaining({ body: expect.stringContaining(worker.displayName) })]),
      );
    });

    it('keeps one check-in when retries with the same key race', async () => {
      const worker = await createWorker(app, tree.units.enterpriseA1);
      const clientKey = randomUUID();
      const results = await Promise.all(
        Array.from({ length: 6 }, () => client.checkIn(worker, tree.units.workplaceA1a, {}, clientKey)),
      );
      expect(results.map((result) => result.status).sort()).toEqual([200, 200, 200, 200, 200, 201]);
      for (const result of results) expect(result.body.id).toBe(results[0].body.id);
      expect(await checkInsOf(worker.id)).toHaveLength(1);
    });

    it('keeps one check-in when check-ins with different keys race', async () => {
      const worker = await createWorker(app, tree.units.enterpriseA1);
      const results = await Promise.all(
        Array.from({ length: 6 }, (_, index) =>
          client.checkIn(worker, tree.units.workplaceA1a, index % 2 === 0 ? {} : { cough: true }),
        ),
      );
      expect(results.map((result) => result.status).sort()).toEqual([200, 200, 200, 200, 200, 201]);
      const [stored] = await checkInsOf(worker.id);
      for (const result of results)
        expect(result.body).toEqual(expect.objectContaining({ id: String(stored.id), clearance: stored.clearance }));
      expect(await checkInsOf(worker.id)).toHaveLength(1);
    });

    it('reckons the day in China time: 23:30 UTC is already the next day', async () => {
      const worker = await createWorker(app, tree.units.enterpriseB1);
      const at = (iso: string) => jest.setSystemTime(new Date(iso));
      jest.useFakeTimers({
        now: new Date('2026-03-01T23:30:00Z'),
        // Only the clock: the server, its database driver and fetch keep their real timers.
        doNotFake: [
          'hrtime',
          'nextTick',
          'performance',
          'queueMicrotask',
          'requestAnimationFrame',
          'cancelAnimationFrame',
          'requestIdleCallback',
          'cancelIdleCallback',
          'setImmediate',
          'clearImmediate',
          'setInterval',
          'clearInterval',
          'setTimeout',
          'clearTimeout',
        ],
      });
      try {
        const morning = await client.checkIn(worker, tree.units.workplaceB1a);
        expect(morning.status).toBe(201);
        expect(morning.body.day).toBe('2026-03-02');

        at('2026-03-02T15:59:59Z'); // 23:59:59 in China: the same day
        const lateEvening = await client.checkIn(worker, tree.units.workplaceB1a, { fever: true });
        expect(lateEvening.status).toBe(200);
        expect(lateEvening.body.id).toBe(morning.body.id);

        at('2026-03-02T16:00:00Z'); // midnight in China: a new day
        const nextDay = await client.checkIn(worker, tree.units.workplaceB1a);
        expect(nextDay.status).toBe(201);
        expect(nextDay.body.day).toBe('2026-03-03');
        expect((await client.call('GET', '/check-ins/today', worker)).body.id).toBe(nextDay.body.id);
      } finally {
        jest.useRealTimers();
      }
    });
  });
});
