import { addChinaDays, chinaDateOf, type LessonContent, LessonStatus, OrgKind, startOfChinaDay } from '@ankang/shared';
import { type DataSource, type EntityManager, IsNull } from 'typeorm';
import { OrgUnit } from '../org/org-unit.entity';
import { lockedForWrite } from '../org/row-locks';
import { Lesson } from '../training/lesson.entity';
import { LessonAssignment } from '../training/lesson-assignment.entity';
import { LessonAttempt } from '../training/lesson-attempt.entity';
import { normalizedLessonContent } from '../training/lesson-content';
import { LessonVersion } from '../training/lesson-version.entity';
import { scoreQuiz } from '../training/quiz-scoring';
import { User } from '../users/user.entity';
import { DEMO_LESSONS, type DemoLesson } from './demo-lessons';
import { DEMO_ORG_UNITS } from './demo-province';

export interface LessonSeedResult {
  /** False when nothing was written: the database already had lessons, or has no demo province. */
  seeded: boolean;
  lessons: number;
  assignments: number;
  attempts: number;
  /** Why nothing was written, when it was not. */
  skipped?: string;
}

/** A union's push after an accident in the county: every worker of 河口煤业 takes the 三违 lesson within a week. */
export const DEMO_ASSIGNMENT = {
  lessonKey: 'three-violations',
  orgKey: 'coal',
  dueInDays: 7,
  assignedBy: 'demo-union-province',
};

/**
 * One completed lesson, so that the 培训 tab's done list and 复习 have something to show: a passed go
 * at the ammonia-leak lesson three days ago, with one multiple-choice answer only partly right (the
 * question spaced repetition brings back).
 */
export const DEMO_COMPLETION = {
  username: 'demo-worker-chemicals',
  lessonKey: 'chemical-leak-response',
  daysAgo: 3,
  /** China time of day the lesson was opened: before the morning shift. */
  openedAtChinaTime: { hours: 7, minutes: 42 },
  timeSpentSeconds: 196,
  /** Fixed, like any client key a phone would send once. */
  clientKey: '6f1d2c9e-4b7a-4e15-9c3d-8a2f5e7b1c04',
  answers: { q1: ['b'], q2: ['a', 'd'], q3: ['false'], q4: ['b'] } as Record<string, string[]>,
};

/** Lessons were published one a day, the last of them this many days ago: before the demo completion. */
const LAST_PUBLISHED_DAYS_AGO = 14;
/** China time of day the lessons were published: office hours. */
const PUBLISHED_AT_CHINA_HOUR = 9;
const HOUR_MILLISECONDS = 60 * 60 * 1000;

/**
 * Writes the demo lessons into the demo province in one transaction, once: every lesson published as
 * version 1 and owned by its union or enterprise (found by name down the demo tree), one assignment
 * with a due date and one completed attempt. A database that already has lessons is left alone, so a
 * second run writes nothing; so is one without the demo province. The province's root row is locked
 * first (on MariaDB), so two seeders starting together take turns and the second finds the lessons.
 */
export async function seedDemoLessons(dataSource: DataSource, now: Date = new Date()): Promise<LessonSeedResult> {
  return dataSource.transaction((manager) => seedUnlessPresent(manager, now));
}

async function seedUnlessPresent(manager: EntityManager, now: Date): Promise<LessonSeedResult> {
  const root = await lockDemoRoot(manager);
  if (!root) return { ...(await countExisting(manager)), seeded: false, skipped: 'the database has no demo province' };
  if ((await manager.count(Lesson)) > 0) {
    return { ...(await countExisting(manager)), seeded: false, skipped: 'the database already has lessons' };
  }
  const owners = await resolveDemoUnits(manager, root, [
    ...DEMO_LESSONS.map((lesson) => lesson.ownerKey),
    DEMO_ASSIGNMENT.orgKey,
  ]);
  if (typeof owners === 'string') {
    return { ...(await countExisting(manager)), seeded: false, skipped: `the demo province has no active ${owners}` };
  }

  const today = chinaDateOf(now);
  const lessons = new Map<string, { lessonId: number; versionId: number; lesson: DemoLesson }>();
  for (const [index, lesson] of DEMO_LESSONS.entries()) {
    const daysAgo = LAST_PUBLISHED_DAYS_AGO + DEMO_LESSONS.length - 1 - index;
    const publishedAt = chinaTimeOn(addChinaDays(today, -daysAgo), PUBLISHED_AT_CHINA_HOUR, 0);
    const ids = await insertPublishedLesson(manager, lesson, lookUp(owners, lesson.ownerKey, 'owner'), publishedAt);
    lessons.set(lesson.key, { ...ids, lesson });
  }

  const people = await findDemoUsers(manager, [DEMO_ASSIGNMENT.assignedBy, DEMO_COMPLETION.username]);
  await manager.insert(LessonAssignment, {
    lessonId: lookUp(lessons, DEMO_ASSIGNMENT.lessonKey, 'lesson').lessonId,
    orgUnitId: lookUp(owners, DEMO_ASSIGNMENT.orgKey, 'org unit').id,
    dueOn: addChinaDays(today, DEMO_ASSIGNMENT.dueInDays),
    assignedBy: people.get(DEMO_ASSIGNMENT.assignedBy) ?? null,
    createdAt: now,
  });

  const learner = people.get(DEMO_COMPLETION.username);
  if (learner !== undefined) {
    await insertCompletion(manager, learner, lookUp(lessons, DEMO_COMPLETION.lessonKey, 'lesson'), today);
  }
  return { seeded: true, lessons: lessons.size, assignments: 1, attempts: learner === undefined ? 0 : 1 };
}

async function countExisting(manager: EntityManager): Promise<Omit<LessonSeedResult, 'seeded'>> {
  return {
    lessons: await manager.count(Lesson),
    assignments: await manager.count(LessonAssignment),
    attempts: await manager.count(LessonAttempt),
  };
}

/** The demo province's root union, its row locked for the rest of the transaction on MariaDB. */
function lockDemoRoot(manager: EntityManager): Promise<OrgUnit | null> {
  const rootName = DEMO_ORG_UNITS.find((unit) => unit.parentKey === null)?.name ?? '';
  return lockedForWrite(
    manager
      .getRepository(OrgUnit)
      .createQueryBuilder('unit')
      .where('unit.parentId IS NULL')
      .andWhere('unit.kind = :kind', { kind: OrgKind.Union })
      .andWhere('unit.name = :name', { name: rootName }),
  ).getOne();
}

/**
 * The org units of the demo keys, found by name from the root down their demo lineage (names are
 * unique among siblings in the demo tree, not across it). Answers the name of the first one missing.
 */
async function resolveDemoUnits(
  manager: EntityManager,
  root: OrgUnit,
  keys: string[],
): Promise<Map<string, OrgUnit> | string> {
  const demoUnits = new Map(DEMO_ORG_UNITS.map((unit) => [unit.key, unit]));
  const rootKey = DEMO_ORG_UNITS.find((unit) => unit.parentKey === null)?.key ?? '';
  const resolved = new Map<string, OrgUnit>([[rootKey, root]]);
  const resolve = async (key: string): Promise<OrgUnit | string> => {
    const known = resolved.get(key);
    if (known) return known;
    const demo = lookUp(demoUnits, key, 'org unit');
    const parent = await resolve(demo.parentKey ?? rootKey);
    if (typeof parent === 'string') return parent;
    const unit = await manager.findOne(OrgUnit, {
      where: { parentId: parent.id, kind: demo.kind, name: demo.name, archivedAt: IsNull() },
    });
    if (!unit) return demo.name;
    resolved.set(key, unit);
    return unit;
  };
  for (const key of keys) {
    const unit = await resolve(key);
    if (typeof unit === 'string') return unit;
  }
  return resolved;
}

async function insertPublishedLesson(
  manager: EntityManager,
  lesson: DemoLesson,
  owner: OrgUnit,
  publishedAt: Date,
): Promise<{ lessonId: number; versionId: number }> {
  // Stored exactly as the lesson API stores what an author saves.
  const { key: _key, ownerKey: _ownerKey, ...authored } = lesson;
  const content: LessonContent = normalizedLessonContent(authored);
  const inserted = await manager.insert(Lesson, {
    ownerOrgUnitId: owner.id,
    status: LessonStatus.Published,
    currentVersion: 1,
    createdBy: null,
    archivedAt: null,
    createdAt: publishedAt,
    updatedAt: publishedAt,
  });
  const lessonId = Number(inserted.identifiers[0].id);
  const version = await manager.insert(LessonVersion, {
    lessonId,
    version: 1,
    title: content.title,
    topic: content.topic,
    bodyHtml: content.bodyHtml,
    imageIds: JSON.stringify(content.imageIds),
    videoUrl: content.videoUrl,
    durationSeconds: content.durationSeconds,
    workerGroups: JSON.stringify(content.workerGroups),
    industries: JSON.stringify(content.industries),
    passMark: content.passMark,
    questions: JSON.stringify(content.questions),
    publishedAt,
    createdBy: null,
    createdAt: publishedAt,
  });
  return { lessonId, versionId: Number(version.identifiers[0].id) };
}

async function insertCompletion(
  manager: EntityManager,
  userId: number,
  target: { lessonId: number; versionId: number; lesson: DemoLesson },
  today: string,
): Promise<void> {
  const { hours, minutes } = DEMO_COMPLETION.openedAtChinaTime;
  const openedAt = chinaTimeOn(addChinaDays(today, -DEMO_COMPLETION.daysAgo), hours, minutes);
  const submittedAt = new Date(openedAt.getTime() + DEMO_COMPLETION.timeSpentSeconds * 1000);
  const result = scoreQuiz(target.lesson.questions, DEMO_COMPLETION.answers, target.lesson.passMark);
  await manager.insert(LessonAttempt, {
    userId,
    lessonId: target.lessonId,
    lessonVersionId: target.versionId,
    checkInId: null,
    openedAt,
    submittedAt,
    clientKey: DEMO_COMPLETION.clientKey,
    answers: JSON.stringify(DEMO_COMPLETION.answers),
    results: JSON.stringify(result.questions),
    score: result.score,
    passed: result.passed,
    timeSpentSeconds: DEMO_COMPLETION.timeSpentSeconds,
  });
}

/** Ids of the demo users by username; a missing one is simply absent. */
async function findDemoUsers(manager: EntityManager, usernames: string[]): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  for (const username of usernames) {
    const user = await manager.findOne(User, { where: { username }, select: { id: true } });
    if (user) ids.set(username, user.id);
  }
  return ids;
}

/** An instant at a China wall-clock time on a China date. */
function chinaTimeOn(date: string, hours: number, minutes: number): Date {
  return new Date(startOfChinaDay(date).getTime() + hours * HOUR_MILLISECONDS + minutes * 60_000);
}

function lookUp<T>(values: Map<string, T>, key: string, what: string): T {
  const value = values.get(key);
  if (value === undefined) throw new Error(`Demo lessons refer to an unknown ${what} "${key}"`);
  return value;
}
