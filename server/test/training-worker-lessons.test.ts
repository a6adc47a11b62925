import { addChinaDays, chinaDateOf, Industry, LessonReason, ShiftClearance, WorkerGroup } from '@ankang/shared';
import { LessonAttempt } from '../src/training/lesson-attempt.entity';
import type { User } from '../src/users/user.entity';
import { createTestTree } from './factories/tree.factory';
import { testBackends } from './support/backends';
import {
  createWorker,
  lessonRequest,
  lessonUpdate,
  TrainingClient,
  type TrainingTestApp,
  useTrainingApp,
} from './training-support';

const DAY = 24 * 60 * 60 * 1000;

describe.each(testBackends())('the lessons a worker gets on %s', (backend) => {
  let app: TrainingTestApp;
  let client: TrainingClient;

  useTrainingApp(backend, (started, startedClient) => {
    app = started;
    client = startedClient;
  });

  const myLessons = async (worker: User) => (await client.call('GET', '/me/lessons', worker)).body;
  const idsOf = (items: { id: string }[]) => items.map((item) => item.id);

  /** Moves the worker's submissions of the lesson back in time. */
  async function submittedDaysAgo(worker: User, lessonId: string, days: number) {
    await app.dataSource
      .getRepository(LessonAttempt)
      .update({ userId: worker.id, lessonId: Number(lessonId) }, { submittedAt: new Date(Date.now() - days * DAY) });
  }

  it('gives a worker the lessons of their enterprise and the unions above it, never another enterprise’s or city’s', async () => {
    const tree = await createTestTree(app.dataSource);
    const province = await client.publishedLesson(tree.users.staffProvince, lessonRequest(tree.units.province.id));
    const city = await client.publishedLesson(tree.users.staffCityA, lessonRequest(tree.units.cityA.id));
    const county = await client.publishedLesson(tree.users.staffCountyA, lessonRequest(tree.units.countyA.id));
    const own = await client.publishedLesson(tree.users.officerA1, lessonRequest(tree.units.enterpriseA1.id));
    const neighbour = await client.publishedLesson(tree.users.officerA2, lessonRequest(tree.units.enterpriseA2.id));
    const otherCity = await client.publishedLesson(tree.users.staffCityB, lessonRequest(tree.units.cityB.id));
    const otherEnterprise = await client.publishedLesson(
      tree.users.officerB1,
      lessonRequest(tree.units.enterpriseB1.id),
    );
    await client.createLesson(tree.users.officerA1, lessonRequest(tree.units.enterpriseA1.id));
    const archived = await client.publishedLesson(tree.users.staffCityA, lessonRequest(tree.units.cityA.id));
    await client.call('POST', `/lessons/${archived.id}/archive`, tree.users.staffCityA);

    const lessons = await myLessons(tree.users.workerA1);
    expect(new Set(idsOf(lessons.required))).toEqual(new Set([province.id, city.id, county.id, own.id]));
    expect(lessons.done).toEqual([]);
    expect(lessons.refreshers).toEqual([]);
    for (const hidden of [neighbour, otherCity, otherEnterprise, archived]) {
      expect((await client.open(tree.users.workerA1, hidden.id)).status).toBe(404);
    }

    const workerB1 = await myLessons(tree.users.workerB1);
    expect(new Set(idsOf(workerB1.required))).toEqual(new Set([province.id, otherCity.id, otherEnterprise.id]));
    expect(await myLessons(tree.users.nobody)).toEqual({ required: [], done: [], refreshers: [] });
  });

  it('makes a lesson required by the worker’s groups and the enterprise’s industry', async () => {
    const tree = await createTestTree(app.dataSource);
    const welder = await createWorker(app, tree.units.enterpriseA1, [WorkerGroup.SpecialOperations]);
    const newHire = await createWorker(app, tree.units.enterpriseA1, [WorkerGroup.NewHire]);
    const author = tree.users.staffCityA;
    const forSpecialOperations = await client.publishedLesson(
      author,
      lessonRequest(tree.units.cityA.id, { workerGroups: [WorkerGroup.SpecialOperations, WorkerGroup.HighRisk] }),
    );
    const forCoal = await client.publishedLesson(
      author,
      lessonRequest(tree.units.cityA.id, { industries: [Industry.CoalMine] }),
    );
    const forChemicals = await client.publishedLesson(
      author,
      lessonRequest(tree.units.cityA.id, { industries: [Industry.HazardousChemicals] }),
    );

    const welderLessons = await myLessons(welder);
    expect(new Set(idsOf(welderLessons.required))).toEqual(new Set([forSpecialOperations.id, forCoal.id]));
    expect(new Set(idsOf((await myLessons(newHire)).required))).toEqual(new Set([forCoal.id]));
    // Not required is still given: the worker may study it.
    expect((await client.open(newHire, forSpecialOperations.id)).status).toBe(201);
    expect((await client.open(newHire, forChemicals.id)).status).toBe(201);
    // A2 is a chemicals enterprise.
    expect(idsOf((await myLessons(await createWorker(app, tree.units.enterpriseA2))).required)).toContain(
      forChemicals.id,
    );
  });

  it('makes an assigned lesson required whatever its audience, earliest due date first', async () => {
    const tree = await createTestTree(app.dataSource);
    const worker = await createWorker(app, tree.units.enterpriseA1);
    const today = chinaDateOf(new Date());
    const undated = await client.publishedLesson(tree.users.staffCityA, lessonRequest(tree.units.cityA.id));
    const forHighRisk = await client.publishedLesson(
      tree.users.staffCityA,
      lessonRequest(tree.units.cityA.id, { workerGroups: [WorkerGroup.HighRisk] }),
    );
    const soon = await client.publishedLesson(
      tree.users.staffCityA,
      lessonRequest(tree.units.cityA.id, { workerGroups: [WorkerGroup.Outsourced] }),
    );
    const assign = (lessonId: string, author: User, orgUnitId: number, dueOn: string) =>
      client.call('POST', `/lessons/${lessonId}/assignments`, author, { orgUnitId: String(orgUnitId), dueOn });
    await assign(forHighRisk.id, tree.users.staffCityA, tree.units.countyA.id, addChinaDays(today, 20));
    // The enterprise's own, earlier date counts.
    await assign(forHighRisk.id, tree.users.officerA1, tree.units.enterpriseA1.id, addChinaDays(today, 10));
    await assign(soon.id, tree.users.staffCityA, tree.units.cityA.id, addChinaDays(today, 2));
    // An assignment elsewhere in the city is not the worker's.
    const elsewhere = await client.publishedLesson(
      tree.users.staffCityA,
      lessonRequest(tree.units.cityA.id, { workerGroups: [WorkerGroup.NonRoutine] }),
    );
    await assign(elsewhere.id, tree.users.staffCityA, tree.units.enterpriseA2.id, today);

    const lessons = await myLessons(worker);
    expect(lessons.required.map((lesson: { id: string; dueOn: string | null }) => [lesson.id, lesson.dueOn])).toEqual([
      [soon.id, addChinaDays(today, 2)],
      [forHighRisk.id, addChinaDays(today, 10)],
      [undated.id, null],
    ]);

    const checkIn = await client.checkIn(worker, tree.units.workplaceA1a);
    expect(checkIn.body.todaysLesson).toEqual({
      id: soon.id,
      title: soon.title,
      reason: LessonReason.Required,
      durationSeconds: 120,
    });
  });

  it('moves a passed lesson to done, on any version, and keeps a failed one required', async () => {
    const tree = await createTestTree(app.dataSource);
    const worker = await createWorker(app, tree.units.enterpriseA1);
    const request = lessonRequest(tree.units.cityA.id);
    const passed = await client.publishedLesson(tree.users.staffCityA, request);
    const failed = await client.publishedLesson(tree.users.staffCityA, lessonRequest(tree.units.cityA.id));
    await client.pass(worker, passed.id);
    await client.submit(worker, await client.studied(worker, failed.id), { q1: ['a'], q2: ['b'], q3: ['true'] });
    await client.call(
      'PUT',
      `/lessons/${passed.id}`,
      tree.users.staffCityA,
      lessonUpdate(request, { title: '第二版' }),
    );

    const lessons = await myLessons(worker);
    expect(idsOf(lessons.required)).toEqual([failed.id]);
    expect(lessons.done).toEqual([
      {
        id: passed.id,
        title: '第二版',
        topic: request.topic,
        durationSeconds: 120,
        required: true,
        dueOn: null,
        passed: true,
        lastCompletedAt: expect.any(String),
      },
    ]);
  });

  it('chooses refreshers from past mistakes first, then the oldest, resting those of the last three days', async () => {
    const tree = await createTestTree(app.dataSource);
    const worker = await createWorker(app, tree.units.enterpriseA1);
    const lesson = () => client.publishedLesson(tree.users.staffCityA, lessonRequest(tree.units.cityA.id));
    const [oldest, old, withMistake, recent] = [await lesson(), await lesson(), await lesson(), await lesson()];
    for (const each of [oldest, old, recent]) await client.pass(worker, each.id);
    // Passed with one multiple-choice option missing: 83, a pass with a mistake.
    const partial = await client.submit(worker, await client.studied(worker, withMistake.id), {
      q1: ['b'],
      q2: ['a'],
      q3: ['false'],
    });
    expect(partial.body).toEqual(expect.objectContaining({ passed: true, score: 83 }));
    await submittedDaysAgo(worker, oldest.id, 40);
    await submittedDaysAgo(worker, old.id, 20);
    await submittedDaysAgo(worker, withMistake.id, 5);
    await submittedDaysAgo(worker, recent.id, 1);

    const lessons = await myLessons(worker);
    expect(lessons.required).toEqual([]);
    expect(idsOf(lessons.refreshers)).toEqual([withMistake.id, oldest.id, old.id]);

    const checkIn = await client.checkIn(worker, tree.units.workplaceA1a);
    expect(checkIn.body).toEqual(
      expect.objectContaining({
        clearance: ShiftClearance.LessonPending,
        todaysLesson: expect.objectContaining({ id: withMistake.id, reason: LessonReason.Refresher }),
      }),
    );
  });

  it('offers a lesson of the last three days as a refresher when it is the only one', async () => {
    const tree = await createTestTree(app.dataSource);
    const worker = await createWorker(app, tree.units.enterpriseB1);
    const only = await client.publishedLesson(tree.users.officerB1, lessonRequest(tree.units.enterpriseB1.id));
    await client.pass(worker, only.id);
    expect(idsOf((await myLessons(worker)).refreshers)).toEqual([only.id]);
  });
});
