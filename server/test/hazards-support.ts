import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  addChinaDays,
  chinaDateOf,
  HazardCategory,
  HazardGrade,
  HazardPhotoKind,
  ReporterVisibility,
  Role,
} from '@ankang/shared';
import sharp from 'sharp';
import type { User } from '../src/users/user.entity';
import { createUser, grantRole } from './factories/org.factory';
import { createTestTree, type TestTree } from './factories/tree.factory';
import type { Backend } from './support/backends';
import { type HttpResult, request } from './support/http';
import { type AppReady, accessTokenFor, startTestApp, type TestApp, useApp } from './support/test-app';

/**
 * What the hazard suites share: an app with its own file storage, a cast of people around one
 * enterprise, and a client that drives the API as the mini program does (photos uploaded first,
 * then the report or action that claims them).
 */

export interface HazardsTestApp extends TestApp {
  /** Closes the app and removes its file storage. */
  dispose(): Promise<void>;
}

export async function startHazardsApp(backend: Backend, environment: Record<string, string> = {}) {
  const storage = mkdtempSync(path.join(tmpdir(), 'ankang-hazards-'));
  const app = await startTestApp(backend, { STORAGE_DIR: storage, ...environment });
  const hazardsApp: HazardsTestApp = Object.assign(app, {
    async dispose() {
      await app.close();
      rmSync(storage, { recursive: true, force: true });
    },
  });
  return hazardsApp;
}

/** The hazards app and its client for the suite: started before its tests, disposed of after them. */
export function useHazardsApp(backend: Backend, ready: AppReady<[HazardsTestApp, HazardsClient]>): void {
  useApp(
    () => startHazardsApp(backend),
    (app) => app.dispose(),
    (app) => ready(app, new HazardsClient(app)),
  );
}

/**
 * The test tree plus the people a ticket of enterprise A1 has around it: its reporter (a worker of
 * A1), the worker who will be made responsible, and a colleague of both with no part in it.
 */
export interface HazardCast extends TestTree {
  reporter: User;
  assignee: User;
  colleague: User;
}

export async function createHazardCast(app: TestApp): Promise<HazardCast> {
  const tree = await createTestTree(app.dataSource);
  const workerOfA1 = async (name: string) => {
    const user = await createUser(app.dataSource, {
      displayName: `${name}-${tree.suffix}`,
      enterpriseId: tree.units.enterpriseA1.id,
    });
    await grantRole(app.dataSource, user, Role.Worker, tree.units.enterpriseA1);
    return user;
  };
  return {
    ...tree,
    reporter: tree.users.workerA1,
    assignee: await workerOfA1('甲一整改人'),
    colleague: await workerOfA1('甲一同事'),
  };
}

let photoBytes: Promise<Buffer> | null = null;

/** A small JPEG, made once. */
function samplePhoto(): Promise<Buffer> {
  photoBytes ??= sharp({ create: { width: 32, height: 24, channels: 3, background: { r: 200, g: 90, b: 30 } } })
    .jpeg()
    .toBuffer();
  return photoBytes;
}

/** An answer of the API; bodies are whatever JSON the route returns. */
export type Answer = HttpResult<any>;

/** China calendar days from today. */
export function chinaDay(offset: number): string {
  return addChinaDays(chinaDateOf(new Date()), offset);
}

export type ActionPath =
  | 'triage'
  | 'reject'
  | 'merge'
  | 'fix-on-the-spot'
  | 'start'
  | 'reassign'
  | 'extension-request'
  | 'extension-approve'
  | 'extension-deny'
  | 'submit-fix'
  | 'pass'
  | 'fail'
  | 'reopen'
  | 'authority-report';

/** The API as the mini program calls it. */
export class HazardsClient {
  constructor(private readonly app: TestApp) {}

  token(user: User): string {
    return accessTokenFor(this.app, user);
  }

  /** Uploads a photo through `POST /hazard-photos`; its id. */
  async uploadPhoto(user: User, kind: HazardPhotoKind = HazardPhotoKind.Report): Promise<string> {
    const form = new FormData();
    form.append('clientKey', randomUUID());
    form.append('kind', kind);
    form.append('file', new Blob([await samplePhoto()], { type: 'image/jpeg' }), 'photo.jpg');
    const response = await fetch(`${this.app.baseUrl}/hazard-photos`, {
      method: 'POST',
      headers: { authorization: `Bearer ${this.token(user)}` },
      body: form,
    });
    const body = (await response.json()) as { id: string };
    if (response.status !== 201) throw new Error(`Photo upload failed: ${response.status} ${JSON.stringify(body)}`);
    return body.id;
  }

  /** A report body with a fresh client key and a photo uploaded by `user`; `overrides` win. */
  async reportBody(user: User, workplaceId: number, overrides: Record<string, unknown> = {}) {
    return {
      clientKey: randomUUID(),
      workplaceId: String(workplaceId),
      category: HazardCategory.UnsafeCondition,
      description: '主井口东侧护栏松动，有坠落风险',
      locationNote: '东侧 3 号护栏',
      reporterVisibility: ReporterVisibility.Named,
      photoIds: [await this.uploadPhoto(user)],
      ...overrides,
    };
  }

  sendReport(user: User, body: unknown): Promise<Answer> {
    return request('POST', `${this.app.baseUrl}/hazards`, { token: this.token(user), body });
  }

  /** Reports a hazard at the workplace and expects it filed; the response body. */
  async report(user: User, workplaceId: number, overrides: Record<string, unknown> = {}) {
    const response = await this.sendReport(user, await this.reportBody(user, workplaceId, overrides));
    if (response.status !== 201) throw new Error(`Report failed: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body;
  }

  get(user: User, ticketId: string): Promise<Answer> {
    return request('GET', `${this.app.baseUrl}/hazards/${ticketId}`, { token: this.token(user) });
  }

  list(user: User, query = ''): Promise<Answer> {
    return request('GET', `${this.app.baseUrl}/hazards${query}`, { token: this.token(user) });
  }

  mine(user: User, query = ''): Promise<Answer> {
    return request('GET', `${this.app.baseUrl}/hazards/mine${query}`, { token: this.token(user) });
  }

  follow(token: string): Promise<Answer> {
    return request('GET', `${this.app.baseUrl}/hazards/follow/${encodeURIComponent(token)}`);
  }

  photo(user: User, url: string) {
    return fetch(`${this.app.baseUrl.replace(/\/api\/v1$/, '')}${url}`, {
      headers: { authorization: `Bearer ${this.token(user)}` },
    });
  }

  act(user: User, ticketId: string, action: ActionPath, body?: unknown): Promise<Answer> {
    return request('POST', `${this.app.baseUrl}/hazards/${ticketId}/${action}`, { token: this.token(user), body });
  }

  /** Acts and expects success; the ticket as it now is. */
  async acted(user: User, ticketId: string, action: ActionPath, body?: unknown) {
    const response = await this.act(user, ticketId, action, body);
    if (response.status !== 200) {
      throw new Error(`${action} failed: ${response.status} ${JSON.stringify(response.body)}`);
    }
    return response.body;
  }

  /** A valid triage body making `responsible` responsible, due in a week. */
  triageBody(responsible: User, overrides: Record<string, unknown> = {}) {
    return {
      grade: HazardGrade.General,
      category: HazardCategory.UnsafeCondition,
      responsibleUserId: String(responsible.id),
      measures: '更换护栏并加装警示标识',
      funding: '2000 元',
      deadline: chinaDay(7),
      ...overrides,
    };
  }

  /** A valid 重大 triage body (with its contingency plan). */
  majorTriageBody(responsible: User, overrides: Record<string, unknown> = {}) {
    return this.triageBody(responsible, {
      grade: HazardGrade.Major,
      contingencyPlan: '整改期间设置警戒区，禁止人员进入',
      ...overrides,
    });
  }

  /** A fix with an after-photo uploaded by the one who submits it. */
  async fixBody(user: User, overrides: Record<string, unknown> = {}) {
    return {
      note: '已更换护栏并加装警示标识',
      photoIds: [await this.uploadPhoto(user, HazardPhotoKind.Fix)],
      ...overrides,
    };
  }
}

/** Every string in a JSON value (keys and values), for searching responses for a person. */
export function stringsIn(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (typeof value === 'number') return [String(value)];
  if (Array.isArray(value)) return value.flatMap(stringsIn);
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, inner]) => [key, ...stringsIn(inner)]);
  }
  return [];
}

/** The body without its request id, to compare two answers. */
export function withoutRequestId(body: Record<string, unknown>): Record<string, unknown> {
  const { requestId: _requestId, ...rest } = body;
  return rest;
}
