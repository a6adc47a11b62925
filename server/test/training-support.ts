import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  type CreateLessonRequest,
  type HealthDeclaration,
  type LessonContent,
  type LessonDetail,
  LessonTopic,
  QuestionType,
  Role,
  type WorkerGroup,
} from '@ankang/shared';
import type { OrgUnit } from '../src/org/org-unit.entity';
import { LessonAttempt } from '../src/training/lesson-attempt.entity';
import type { User } from '../src/users/user.entity';
import { UserWorkerGroup } from '../src/users/user-worker-group.entity';
import { createUser, grantRole } from './factories/org.factory';
import type { Backend } from './support/backends';
import { type HttpResult, request } from './support/http';
import { type AppReady, accessTokenFor, startTestApp, type TestApp, useApp } from './support/test-app';

/**
 * What the training and check-in suites share: an app with its own file storage, workers with
 * groups, lessons written and published through the API, and a client that studies, answers and
 * checks in as the mini program does.
 */

export interface TrainingTestApp extends TestApp {
  /** Closes the app and removes its file storage. */
  dispose(): Promise<void>;
}

export async function startTrainingApp(backend: Backend): Promise<TrainingTestApp> {
  const storage = mkdtempSync(path.join(tmpdir(), 'ankang-training-'));
  const app = await startTestApp(backend, { STORAGE_DIR: storage });
  return Object.assign(app, {
    async dispose() {
      await app.close();
      rmSync(storage, { recursive: true, force: true });
    },
  });
}

/** The training app and its client for the suite: started before its tests, disposed of after them. */
export function useTrainingApp(backend: Backend, ready: AppReady<[TrainingTestApp, TrainingClient]>): void {
  useApp(
    () => startTrainingApp(backend),
    (app) => app.dispose(),
    (app) => ready(app, new TrainingClient(app)),
  );
}

/** A worker bound to the enterprise (with the worker grant), in the groups. */
export async function createWorker(
  app: TestApp,
  enterprise: OrgUnit,
  groups: WorkerGroup[] = [],
  name = '职工',
): Promise<User> {
  const worker = await createUser(app.dataSource, {
    displayName: `${name}-${randomUUID().slice(0, 6)}`,
    enterpriseId: enterprise.id,
  });
  await grantRole(app.dataSource, worker, Role.Worker, enterprise);
  if (groups.length > 0) {
    await app.dataSource
      .getRepository(UserWorkerGroup)
      .insert(groups.map((workerGroup) => ({ userId: worker.id, workerGroup })));
  }
  return worker;
}

/**
 * A lesson of three questions — single choice (answer `b`), multiple choice (answers `a` and `c` of
 * four), true/false (answer `false`) — each explanation a unique string a test can search for.
 */
export function lessonRequest(
  ownerOrgUnitId: number,
  overrides: Partial<CreateLessonRequest> = {},
): CreateLessonRequest {
  const tag = randomUUID().slice(0, 8);
  return {
    ownerOrgUnitId: String(ownerOrgUnitId),
    title: `有限空间作业-${tag}`,
    topic: LessonTopic.OperatingProcedure,
    bodyHtml:
      '<h3>先通风、再检测、后作业</h3><p>进入有限空间前，必须先<strong>通风</strong>，再用检测仪检测氧气和有毒气体。</p>',
    imageIds: [],
    videoUrl: null,
    durationSeconds: 120,
    workerGroups: [],
    industries: [],
    passMark: 80,
    questions: [
      {
        id: 'q1',
        type: QuestionType.SingleChoice,
        prompt: '进入有限空间作业前，第一步应当做什么？',
        options: [
          { id: 'a', text: '直接进入查看' },
          { id: 'b', text: '通风' },
          { id: 'c', text: '点火照明' },
        ],
        correctOptionIds: ['b'],
        explanation: `解析一-${tag}：先通风，置换有害气体。`,
      },
      {
        id: 'q2',
        type: QuestionType.MultipleChoice,
        prompt: '有限空间作业必须检测哪些项目？',
        options: [
          { id: 'a', text: '氧气含量' },
          { id: 'b', text: '噪声' },
          { id: 'c', text: '有毒有害气体' },
          { id: 'd', text: '湿度' },
        ],
        correctOptionIds: ['a', 'c'],
        explanation: `解析二-${tag}：氧含量和有毒有害、可燃气体都要检测。`,
      },
      {
        id: 'q3',
        type: QuestionType.TrueFalse,
        prompt: '作业期间监护人可以暂时离开现场。',
        options: [
          { id: 'true', text: '正确' },
          { id: 'false', text: '错误' },
        ],
        correctOptionIds: ['false'],
        explanation: `解析三-${tag}：监护人必须全程在场，不得离开。`,
      },
    ],
    ...overrides,
  };
}

/** The content of a lesson request, as PUT /lessons/:id takes it. */
export function lessonUpdate(request: CreateLessonRequest, overrides: Partial<LessonContent> = {}): LessonContent {
  const { ownerOrgUnitId: _owner, ...content } = request;
  return { ...content, ...overrides };
}

/** Every answer right for the lesson of lessonRequest. */
export const ALL_RIGHT = { q1: ['b'], q2: ['a', 'c'], q3: ['false'] };

export class TrainingClient {
  constructor(private readonly app: TestApp) {}

  token(user: User): string {
    return accessTokenFor(this.app, user);
  }

  call<T = any>(method: string, path: string, user: User | null, body?: unknown): Promise<HttpResult<T>> {
    return request<T>(method, `${this.app.baseUrl}${path}`, { token: user ? this.token(user) : undefined, body });
  }

  async createLesson(author: User, body: CreateLessonRequest): Promise<LessonDetail> {
    const created = await this.call<LessonDetail>('POST', '/lessons', author, body);
    if (created.status !== 201)
      throw new Error(`Lesson not created: ${created.status} ${JSON.stringify(created.body)}`);
    return created.body;
  }

  async publishedLesson(author: User, body: CreateLessonRequest): Promise<LessonDetail> {
    const created = await this.createLesson(author, body);
    const published = await this.call<LessonDetail>('POST', `/lessons/${created.id}/publish`, author);
    if (published.status !== 200) throw new Error(`Lesson not published: ${published.status}`);
    return published.body;
  }

  open(worker: User, lessonId: string, checkInId?: string) {
    return this.call('POST', `/lessons/${lessonId}/attempts`, worker, checkInId === undefined ? {} : { checkInId });
  }

  /** Opens the lesson and lets its half-duration pass (in the database: opened earlier), ready to submit. */
  async studied(worker: User, lessonId: string, checkInId?: string): Promise<string> {
    const opened = await this.open(worker, lessonId, checkInId);
    if (opened.status !== 201) throw new Error(`Lesson not opened: ${opened.status} ${JSON.stringify(opened.body)}`);
    await this.openedSecondsAgo(opened.body.id, opened.body.durationSeconds);
    return opened.body.id;
  }

  async openedSecondsAgo(attemptId: string, seconds: number): Promise<void> {
    await this.app.dataSource
      .getRepository(LessonAttempt)
      .update({ id: Number(attemptId) }, { openedAt: new Date(Date.now() - seconds * 1000) });
  }

  submit(worker: User, attemptId: string, answers: Record<string, string[]>, clientKey: string = randomUUID()) {
    return this.call('POST', `/lesson-attempts/${attemptId}/submit`, worker, { clientKey, answers });
  }

  /** Studies the lesson and passes it with every answer right. */
  async pass(worker: User, lessonId: string, checkInId?: string) {
    const result = await this.submit(worker, await this.studied(worker, lessonId, checkInId), ALL_RIGHT);
    if (result.status !== 200 || !result.body.passed) throw new Error(`Not passed: ${JSON.stringify(result.body)}`);
    return result.body;
  }

  checkIn(
    worker: User,
    workplace: OrgUnit,
    declaration: Partial<HealthDeclaration> = {},
    clientKey: string = randomUUID(),
  ) {
    return this.call('POST', '/check-ins', worker, {
      workplaceId: String(workplace.id),
      clientKey,
      declaration: { fever: false, cough: false, feelingUnwell: false, ...declaration },
    });
  }
}
