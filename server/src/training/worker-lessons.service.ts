import { chinaDateOf, type Industry, type WorkerGroup } from '@ankang/shared';
import { Injectable } from '@nestjs/common';
import type { OrgUnit } from '../org/org-unit.entity';
import { OrgUnitsRepository } from '../org/org-units.repository';
import { UsersRepository } from '../users/users.repository';
import type { LessonAttempt } from './lesson-attempt.entity';
import { LessonAttemptsRepository } from './lesson-attempts.repository';
import type { CurrentLesson } from './lessons.repository';
import { LessonsRepository } from './lessons.repository';
import type { QuestionScore } from './quiz-scoring';
import {
  type CompletedLesson,
  chooseTodaysLesson,
  orderRefreshers,
  orderRequired,
  type RequiredLesson,
} from './todays-lesson';
import type {
  MyLessonsResponseDto,
  PassedLessonDto,
  TodaysLessonDto,
  WorkerLessonSummaryDto,
} from './worker-lessons.dto';

/** How many refreshers the 培训 tab suggests. */
const REFRESHERS_SHOWN = 5;

/** A worker as far as lessons go: bound to an enterprise (in use). */
export interface LessonWorker {
  userId: number;
  enterprise: OrgUnit;
}

/** Everything the worker's lessons are worked out from. */
interface WorkerCatalog {
  lessons: Map<number, CurrentLesson>;
  /** Required of the worker, with the earliest due date of the assignments that reach them. */
  required: Map<number, string | null>;
  /** Per lesson, the latest pass. */
  passed: Map<number, LessonAttempt>;
  /** Per lesson, the latest submission. */
  latest: Map<number, LessonAttempt>;
  firstPublishedAt: Map<number, Date>;
}

/**
 * Which lessons a worker gets. A bound worker sees the published lessons owned by their enterprise
 * and the unions above it — never another enterprise's, never another city's. Of those, required are
 * the lessons whose current version targets their groups (none: everyone) and their enterprise's
 * industry (none: all), and every lesson assigned to their enterprise or a union above it, until
 * passed on any version. Today's lesson is the first required one, else a refresher.
 */
@Injectable()
export class WorkerLessonsService {
  constructor(
    private readonly lessons: LessonsRepository,
    private readonly attempts: LessonAttemptsRepository,
    private readonly users: UsersRepository,
    private readonly orgUnits: OrgUnitsRepository,
  ) {}

  /** The worker's enterprise when they are bound to one in use; null otherwise. */
  async workerOf(userId: number): Promise<LessonWorker | null> {
    const user = await this.users.findById(userId);
    if (!user?.enterpriseId) return null;
    const enterprise = await this.orgUnits.findById(user.enterpriseId);
    return enterprise && !enterprise.archivedAt ? { userId, enterprise } : null;
  }

  /** True when the lesson's owner is the worker's enterprise or a union above it. */
  reaches(worker: LessonWorker, owner: OrgUnit): boolean {
    return worker.enterprise.path.startsWith(owner.path);
  }

  async myLessons(userId: number, now: Date = new Date()): Promise<MyLessonsResponseDto> {
    const worker = await this.workerOf(userId);
    if (!worker) return { required: [], done: [], refreshers: [] };
    const catalog = await this.catalogOf(worker);
    const summary = (lessonId: number): WorkerLessonSummaryDto => toSummary(catalog, lessonId);

    const required = orderRequired(requiredNotPassed(catalog)).map((lesson) => summary(lesson.lessonId));
    const done = [...catalog.passed.values()]
      .filter((attempt) => catalog.lessons.has(attempt.lessonId))
      .sort((left, right) => time(right.submittedAt) - time(left.submittedAt) || right.lessonId - left.lessonId)
      .map((attempt) => summary(attempt.lessonId));
    const refreshers = orderRefreshers(completed(catalog), chinaDateOf(now))
      .slice(0, REFRESHERS_SHOWN)
      .map((lesson) => summary(lesson.lessonId));
    return { required, done, refreshers };
  }

  /** Today's lesson for a worker at check-in: a required one not yet passed, else a refresher, else none. */
  async todaysLesson(worker: LessonWorker, now: Date = new Date()): Promise<TodaysLessonDto | null> {
    const catalog = await this.catalogOf(worker);
    const choice = chooseTodaysLesson(requiredNotPassed(catalog), completed(catalog), chinaDateOf(now));
    const chosen = choice ? catalog.lessons.get(choice.lessonId) : undefined;
    if (!choice || !chosen) return null;
    return {
      id: String(chosen.lesson.id),
      title: chosen.version.title,
      reason: choice.reason,
      durationSeconds: chosen.version.durationSeconds,
    };
  }

  /** The lesson a passed attempt of the worker's was on, at the version it was taken on. */
  async passedLesson(userId: number, attemptId: number): Promise<PassedLessonDto | null> {
    const attempt = await this.attempts.findOwned(userId, attemptId);
    if (!attempt?.passed) return null;
    const [version] = await this.lessons.findVersionsByIds([attempt.lessonVersionId]);
    if (!version) return null;
    return { id: String(attempt.lessonId), title: version.title, version: version.version, score: attempt.score ?? 0 };
  }

  private async catalogOf(worker: LessonWorker): Promise<WorkerCatalog> {
    const placeIds = idsOnPath(worker.enterprise.path);
    const [visible, assignments, groups, passed, latest] = await Promise.all([
      this.lessons.findPublishedOwnedBy(placeIds),
      this.lessons.findAssignmentsAt(placeIds),
      this.users.findWorkerGroupsOf([worker.userId]),
      this.attempts.findLatestPassedPerLesson(worker.userId),
      this.attempts.findLatestSubmittedPerLesson(worker.userId),
    ]);
    const lessons = new Map(visible.map((current) => [current.lesson.id, current]));
    const workerGroups = groups.get(worker.userId) ?? [];

    const required = new Map<number, string | null>();
    for (const { lesson, version } of visible) {
      if (targets(version.workerGroups, version.industries, workerGroups, worker.enterprise.industry)) {
        required.set(lesson.id, null);
      }
    }
    for (const assignment of assignments) {
      if (!lessons.has(assignment.lessonId)) continue;
      const due = required.get(assignment.lessonId) ?? null;
      required.set(assignment.lessonId, due === null || assignment.dueOn < due ? assignment.dueOn : due);
    }
    return {
      lessons,
      required,
      passed: new Map(passed.map((attempt) => [attempt.lessonId, attempt])),
      latest: new Map(latest.map((attempt) => [attempt.lessonId, attempt])),
      firstPublishedAt: await this.lessons.findFirstPublishedAt([...required.keys()]),
    };
  }
}

/** The ids on a materialised path, root first: `/1/7/42/` → [1, 7, 42]. */
function idsOnPath(path: string): number[] {
  return path
    .split('/')
    .filter((segment) => segment !== '')
    .map(Number);
}

/** Whether a version's audience takes in the worker: groups and industries, each empty for "all". */
function targets(
  groupsJson: string,
  industriesJson: string,
  workerGroups: readonly WorkerGroup[],
  industry: Industry | null,
): boolean {
  const groups = JSON.parse(groupsJson) as WorkerGroup[];
  const industries = JSON.parse(industriesJson) as Industry[];
  const groupMatches = groups.length === 0 || groups.some((group) => workerGroups.includes(group));
  const industryMatches = industries.length === 0 || (industry !== null && industries.includes(industry));
  return groupMatches && industryMatches;
}

function requiredNotPassed(catalog: WorkerCatalog): RequiredLesson[] {
  return [...catalog.required.entries()]
    .filter(([lessonId]) => !catalog.passed.has(lessonId))
    .map(([lessonId, dueOn]) => ({
      lessonId,
      dueOn,
      firstPublishedAt: catalog.firstPublishedAt.get(lessonId) ?? new Date(0),
    }));
}

/** The lessons passed (and still given), with how the latest go at each went. */
function completed(catalog: WorkerCatalog): CompletedLesson[] {
  return [...catalog.passed.keys()].flatMap((lessonId) => {
    const latest = catalog.latest.get(lessonId);
    if (!catalog.lessons.has(lessonId) || !latest?.submittedAt) return [];
    return [{ lessonId, latestSubmittedAt: latest.submittedAt, latestHadMistakes: hadMistakes(latest) }];
  });
}

function hadMistakes(attempt: LessonAttempt): boolean {
  const results = attempt.results === null ? [] : (JSON.parse(attempt.results) as QuestionScore[]);
  return results.some((result) => !result.correct);
}

function toSummary(catalog: WorkerCatalog, lessonId: number): WorkerLessonSummaryDto {
  const current = catalog.lessons.get(lessonId);
  if (!current) throw new Error(`Lesson ${lessonId} is not among the worker's lessons`);
  const pass = catalog.passed.get(lessonId);
  return {
    id: String(lessonId),
    title: current.version.title,
    topic: current.version.topic,
    durationSeconds: current.version.durationSeconds,
    required: catalog.required.has(lessonId),
    dueOn: catalog.required.get(lessonId) ?? null,
    passed: pass !== undefined,
    lastCompletedAt: pass?.submittedAt?.toISOString() ?? null,
  };
}

function time(date: Date | null): number {
  return date?.getTime() ?? 0;
}
