import {
  type AuthoredQuestion,
  addChinaDays,
  chinaDateOf,
  enumValues,
  type Industry,
  type LessonContent,
  LessonStatus,
  QuestionType,
  type WorkerGroup,
} from '@ankang/shared';
import type { DataSource } from 'typeorm';
import { OrgUnit } from '../src/org/org-unit.entity';
import { DEMO_LESSONS, type DemoLesson } from '../src/seed/demo-lessons';
import { DEMO_ORG_UNITS, DEMO_USERS } from '../src/seed/demo-province';
import {
  DEMO_ASSIGNMENT,
  DEMO_COMPLETION,
  type LessonSeedResult,
  seedDemoLessons,
} from '../src/seed/seed-demo-lessons';
import { seedDemoProvince } from '../src/seed/seed-demo-province';
import { Lesson } from '../src/training/lesson.entity';
import { LessonAssignment } from '../src/training/lesson-assignment.entity';
import { LessonAttempt } from '../src/training/lesson-attempt.entity';
import { lessonContentProblems, normalizedLessonContent } from '../src/training/lesson-content';
import { LessonVersion } from '../src/training/lesson-version.entity';
import { User } from '../src/users/user.entity';
import { testBackends } from './support/backends';
import { request } from './support/http';
import { accessTokenFor, startTestApp, type TestApp } from './support/test-app';

const demoUnitsByKey = new Map(DEMO_ORG_UNITS.map((unit) => [unit.key, unit]));
const lessonByKey = (key: string): DemoLesson => {
  const found = DEMO_LESSONS.find((lesson) => lesson.key === key);
  if (!found) throw new Error(`no demo lesson ${key}`);
  return found;
};

/** The content of a stored version, as the lesson API reads it back. */
function storedContent(version: LessonVersion): LessonContent {
  return {
    title: version.title,
    topic: version.topic,
    bodyHtml: version.bodyHtml,
    imageIds: JSON.parse(version.imageIds),
    videoUrl: version.videoUrl,
    durationSeconds: version.durationSeconds,
    workerGroups: JSON.parse(version.workerGroups),
    industries: JSON.parse(version.industries),
    passMark: version.passMark,
    questions: JSON.parse(version.questions),
  };
}

/** The demo keys from the root down to `key`, itself included. */
function lineage(key: string): string[] {
  const chain: string[] = [];
  for (let current: string | null = key; current !== null; current = demoUnitsByKey.get(current)?.parentKey ?? null) {
    chain.unshift(current);
  }
  return chain;
}

/**
 * The seed lessons that target a demo worker, worked out from the demo data alone: owned on the path
 * from the root to their enterprise, for one of their groups (or everyone), for their enterprise's
 * industry (or every industry). Assigned lessons reach them too.
 */
function lessonsTargeting(username: string): string[] {
  const worker = DEMO_USERS.find((user) => user.username === username);
  const enterpriseKey = worker?.enterpriseKey ?? '';
  const path = lineage(enterpriseKey);
  const industry = demoUnitsByKey.get(enterpriseKey)?.industry as Industry;
  const groups = new Set<WorkerGroup>(worker?.workerGroups ?? []);
  return DEMO_LESSONS.filter(
    (lesson) =>
      (path.includes(lesson.ownerKey) &&
        (lesson.workerGroups.length === 0 || lesson.workerGroups.some((group) => groups.has(group))) &&
        (lesson.industries.length === 0 || lesson.industries.includes(industry))) ||
      (lesson.key === DEMO_ASSIGNMENT.lessonKey && path.includes(DEMO_ASSIGNMENT.orgKey)),
  ).map((lesson) => lesson.title);
}

async function snapshot(dataSource: DataSource) {
  return {
    lessons: await dataSource.getRepository(Lesson).find({ order: { id: 'ASC' } }),
    versions: await dataSource.getRepository(LessonVersion).find({ order: { id: 'ASC' } }),
    assignments: await dataSource.getRepository(LessonAssignment).find({ order: { id: 'ASC' } }),
    attempts: await dataSource.getRepository(LessonAttempt).find({ order: { id: 'ASC' } }),
  };
}

describe.each(testBackends())('demo lessons on %s', (backend) => {
  let app: TestApp;
  let withoutProvince: LessonSeedResult;
  let concurrent: LessonSeedResult[];
  let seededAt: Date;

  beforeAll(async () => {
    app = await startTestApp(backend);
    withoutProvince = await seedDemoLessons(app.dataSource);
    await seedDemoProvince(app.dataSource);
    seededAt = new Date();
    const started = performance.now();
    // Two starting servers at once: the second must wait for the first and then find its lessons.
    concurrent = await Promise.all([seedDemoLessons(app.dataSource), seedDemoLessons(app.dataSource)]);
    process.stdout.write(`[seed] demo lessons on ${backend} in ${Math.round(performance.now() - started)} ms\n`);
  });

  afterAll(async () => {
    await app?.close();
  });

  const userNamed = async (username: string) => app.dataSource.getRepository(User).findOneByOrFail({ username });

  const versionsByTitle = async () => {
    const versions = await app.dataSource.getRepository(LessonVersion).find();
    return new Map(versions.map((version) => [version.title, version]));
  };

  it('writes nothing into a database without the demo province', () => {
    expect(withoutProvince).toEqual(
      expect.objectContaining({ seeded: false, lessons: 0, assignments: 0, attempts: 0, skipped: expect.any(String) }),
    );
  });

  it('seeds every lesson once, even when two seeders start together', async () => {
    const winners = concurrent.filter((result) => result.seeded);
    expect(winners).toEqual([{ seeded: true, lessons: DEMO_LESSONS.length, assignments: 1, attempts: 1 }]);
    expect(concurrent.filter((result) => !result.seeded)).toEqual([
      expect.objectContaining({ lessons: DEMO_LESSONS.length, assignments: 1, attempts: 1 }),
    ]);
    const lessons = await app.dataSource.getRepository(Lesson).find();
    expect(lessons).toHaveLength(DEMO_LESSONS.length);
    const versions = await app.dataSource.getRepository(LessonVersion).find();
    expect(versions).toHaveLength(DEMO_LESSONS.length);
    expect(new Set(versions.map((version) => version.title))).toEqual(
      new Set(DEMO_LESSONS.map((lesson) => lesson.title)),
    );
  });

  it('publishes each lesson as version 1 in the past, owned by its union or enterprise', async () => {
    const lessons = await app.dataSource.getRepository(Lesson).find({ relations: { owner: true } });
    const versions = await versionsByTitle();
    for (const demo of DEMO_LESSONS) {
      const version = versions.get(demo.title);
      const lesson = lessons.find((candidate) => candidate.id === version?.lessonId);
      expect(lesson).toEqual(
        expect.objectContaining({ status: LessonStatus.Published, currentVersion: 1, archivedAt: null }),
      );
      expect(lesson?.owner?.name).toBe(demoUnitsByKey.get(demo.ownerKey)?.name);
      expect(lesson?.owner?.kind).toBe(demoUnitsByKey.get(demo.ownerKey)?.kind);
      expect(version?.version).toBe(1);
      expect(version?.publishedAt?.getTime()).toBeLessThan(seededAt.getTime());
    }
    // Published one after another in the order of DEMO_LESSONS: the order a worker meets them.
    const publishedAt = DEMO_LESSONS.map((demo) => versions.get(demo.title)?.publishedAt?.getTime() ?? 0);
    expect([...publishedAt].sort((left, right) => left - right)).toEqual(publishedAt);
    expect(new Set(publishedAt).size).toBe(publishedAt.length);
  });

  it('stores content that passes the lesson rules, as the API would store it, within the columns', async () => {
    const versions = await versionsByTitle();
    const columns = app.dataSource.getMetadata(LessonVersion).columns;
    for (const demo of DEMO_LESSONS) {
      const version = versions.get(demo.title) as LessonVersion;
      const { key: _key, ownerKey: _ownerKey, ...authored } = demo;
      expect(lessonContentProblems(storedContent(version))).toEqual([]);
      expect(storedContent(version)).toEqual(normalizedLessonContent(authored));
      // The answers are kept with the questions, to score on the server.
      const questions: AuthoredQuestion[] = JSON.parse(version.questions);
      expect(questions.every((question) => question.correctOptionIds.length > 0)).toBe(true);
      for (const column of columns.filter((candidate) => candidate.type === 'varchar')) {
        const value = column.getEntityValue(version) as string | null;
        expect({ column: column.propertyName, fits: [...(value ?? '')].length <= Number(column.length) }).toEqual({
          column: column.propertyName,
          fits: true,
        });
      }
      expect(Buffer.byteLength(version.bodyHtml, 'utf8')).toBeLessThan(65_535);
      expect(Buffer.byteLength(version.questions, 'utf8')).toBeLessThan(65_535);
    }
    const types = new Set(
      [...versions.values()].flatMap((version) =>
        (JSON.parse(version.questions) as AuthoredQuestion[]).map((question) => question.type),
      ),
    );
    expect(types).toEqual(new Set(enumValues(QuestionType)));
  });

  it('assigns the 三违 lesson to 河口煤业 due in seven China days', async () => {
    const assignments = await app.dataSource
      .getRepository(LessonAssignment)
      .find({ relations: { orgUnit: true, lesson: true } });
    expect(assignments).toHaveLength(1);
    const [assignment] = assignments;
    expect(assignment.orgUnit?.name).toBe('河口煤业有限公司');
    expect(assignment.dueOn).toBe(addChinaDays(chinaDateOf(seededAt), DEMO_ASSIGNMENT.dueInDays));
    const versions = await versionsByTitle();
    expect(assignment.lessonId).toBe(versions.get(lessonByKey(DEMO_ASSIGNMENT.lessonKey).title)?.lessonId);
    expect(assignment.assignedBy).toBe((await userNamed(DEMO_ASSIGNMENT.assignedBy)).id);
  });

  it('leaves one passed attempt for demo-worker-chemicals with a partly right answer to review', async () => {
    const learner = await userNamed(DEMO_COMPLETION.username);
    const attempts = await app.dataSource.getRepository(LessonAttempt).find({ where: { userId: learner.id } });
    expect(attempts).toHaveLength(1);
    const [attempt] = attempts;
    const lesson = lessonByKey(DEMO_COMPLETION.lessonKey);
    const version = (await versionsByTitle()).get(lesson.title);
    expect(attempt).toEqual(
      expect.objectContaining({
        lessonId: version?.lessonId,
        lessonVersionId: version?.id,
        passed: true,
        // Three right and a multiple-choice answer with two of its three right options: 3⅔ of 4.
        score: 92,
        timeSpentSeconds: DEMO_COMPLETION.timeSpentSeconds,
        checkInId: null,
      }),
    );
    expect(attempt.score).toBeGreaterThanOrEqual(lesson.passMark);
    expect(JSON.parse(attempt.answers ?? '{}')).toEqual(DEMO_COMPLETION.answers);
    const results: { questionId: string; correct: boolean }[] = JSON.parse(attempt.results ?? '[]');
    expect(results.filter((result) => !result.correct).map((result) => result.questionId)).toEqual(['q2']);
    // Submitted after half the lesson's duration (anti-skim), days ago, after the lesson was published.
    const openedAt = attempt.openedAt.getTime();
    expect((attempt.submittedAt?.getTime() ?? 0) - openedAt).toBeGreaterThanOrEqual(
      (lesson.durationSeconds / 2) * 1000,
    );
    expect(chinaDateOf(attempt.openedAt)).toBe(addChinaDays(chinaDateOf(seededAt), -DEMO_COMPLETION.daysAgo));
    expect(openedAt).toBeGreaterThan(version?.publishedAt?.getTime() ?? Number.POSITIVE_INFINITY);
  });

  it('writes nothing on a second run', async () => {
    const before = await snapshot(app.dataSource);
    const again = await seedDemoLessons(app.dataSource);
    expect(again).toEqual(
      expect.objectContaining({ seeded: false, lessons: DEMO_LESSONS.length, assignments: 1, attempts: 1 }),
    );
    expect(await snapshot(app.dataSource)).toEqual(before);
    expect(await app.dataSource.getRepository(OrgUnit).count()).toBe(DEMO_ORG_UNITS.length);
  });

  it.each(['demo-worker', 'demo-worker-chemicals', 'demo-worker-construction', 'demo-worker-power'])(
    "gives %s the lessons that target their groups, their enterprise's industry and its place in the tree",
    async (username) => {
      const worker = await userNamed(username);
      const response = await request('GET', `${app.baseUrl}/me/lessons`, { token: accessTokenFor(app, worker) });
      expect(response.status).toBe(200);
      const titles = (list: { title: string }[]) => list.map((lesson) => lesson.title);
      const expected = lessonsTargeting(username);
      expect(new Set([...titles(response.body.required), ...titles(response.body.done)])).toEqual(new Set(expected));
      const passed = username === DEMO_COMPLETION.username ? [lessonByKey(DEMO_COMPLETION.lessonKey).title] : [];
      expect(titles(response.body.done)).toEqual(passed);
      expect(new Set(titles(response.body.required))).toEqual(
        new Set(expected.filter((title) => !passed.includes(title))),
      );
    },
  );

  it('shows demo-worker the assigned 三违 lesson first, with its due date', async () => {
    const worker = await userNamed('demo-worker');
    const response = await request('GET', `${app.baseUrl}/me/lessons`, { token: accessTokenFor(app, worker) });
    expect(response.status).toBe(200);
    expect(response.body.required[0]).toEqual(
      expect.objectContaining({
        title: lessonByKey(DEMO_ASSIGNMENT.lessonKey).title,
        required: true,
        passed: false,
        dueOn: addChinaDays(chinaDateOf(seededAt), DEMO_ASSIGNMENT.dueInDays),
      }),
    );
  });
});
