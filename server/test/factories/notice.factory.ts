import { randomUUID } from 'node:crypto';
import { type CreateNoticeRequest, NoticeKind, OrgKind, Role } from '@ankang/shared';
import type { DataSource } from 'typeorm';
import { NoticeReceipt } from '../../src/notices/notice-receipt.entity';
import type { OrgUnit } from '../../src/org/org-unit.entity';
import { WechatDeliveryStatus, WechatMessageDelivery } from '../../src/subscriptions/wechat-message-delivery.entity';
import type { User } from '../../src/users/user.entity';
import type { Backend } from '../support/backends';
import { type HttpResult, request } from '../support/http';
import { type AppReady, accessTokenFor, type TestApp, useTestApp } from '../support/test-app';
import { createOrgUnit, createUser, grantRole } from './org.factory';
import { createTestTree, type TestTree } from './tree.factory';

/** The notice template the notice suites configure, so reminders queue WeChat messages. */
export const NOTICE_TEMPLATE = 'tmpl-notice-01';

/** A notice to everyone under the scope, acknowledgement required, with a unique title and client key. */
export function noticeRequest(
  scope: Pick<OrgUnit, 'id'>,
  overrides: Partial<CreateNoticeRequest> = {},
): CreateNoticeRequest {
  return {
    clientKey: randomUUID(),
    scopeOrgUnitId: String(scope.id),
    title: `节前安全生产提醒-${randomUUID().slice(0, 6)}`,
    bodyHtml: '<p>节日期间务必落实<strong>值班值守</strong>制度。</p>',
    kind: NoticeKind.Warning,
    industries: [],
    workerGroups: [],
    roles: [],
    acknowledgementRequired: true,
    publishAt: null,
    ...overrides,
  };
}

/** Calls the API as a person. */
export class NoticesClient {
  constructor(private readonly app: TestApp) {}

  call<T = any>(method: string, path: string, as: User, body?: unknown): Promise<HttpResult<T>> {
    return request<T>(method, `${this.app.baseUrl}${path}`, { token: accessTokenFor(this.app, as), body });
  }

  /** Creates and publishes a notice; fails the test when either step does. */
  async published(author: User, body: CreateNoticeRequest): Promise<any> {
    const created = await this.call('POST', '/notices', author, body);
    expect(created.status).toBe(201);
    const published = await this.call('POST', `/notices/${created.body.id}/publish`, author);
    expect(published.status).toBe(200);
    return published.body;
  }
}

/** The app for a notice suite, with its client and a test tree: started before its tests, closed after them. */
export function useNoticesApp(
  backend: Backend,
  ready: AppReady<[TestApp, NoticesClient, TestTree]>,
  environment: Record<string, string> = {},
): void {
  useTestApp(
    backend,
    async (app) => ready(app, new NoticesClient(app), await createTestTree(app.dataSource)),
    environment,
  );
}

/** An enterprise of its own under `parent`, so a suite's counts are not shared with other tests. */
export function createEnterprise(app: TestApp, parent: OrgUnit, name = '测试企业'): Promise<OrgUnit> {
  return createOrgUnit(app.dataSource, {
    kind: OrgKind.Enterprise,
    name: `${name}-${randomUUID().slice(0, 6)}`,
    parent,
  });
}

export async function createUnion(app: TestApp, parent: OrgUnit, name = '测试工会'): Promise<OrgUnit> {
  return createOrgUnit(app.dataSource, { kind: OrgKind.Union, name: `${name}-${randomUUID().slice(0, 6)}`, parent });
}

/** A person holding `role` at `node` (officers also bound to their enterprise, as the tree factory makes them). */
export async function createStaff(app: TestApp, role: Role.UnionStaff | Role.Officer, node: OrgUnit): Promise<User> {
  const user = await createUser(app.dataSource, {
    displayName: `${role}-${randomUUID().slice(0, 6)}`,
    enterpriseId: role === Role.Officer ? node.id : null,
  });
  await grantRole(app.dataSource, user, role, node);
  return user;
}

/**
 * A receipt as the fan-out writes it: the person reached through `node` (their enterprise, or the
 * union where they hold a role), delivered now, read and acknowledged as given.
 */
export async function createReceipt(
  dataSource: DataSource,
  receipt: { noticeId: string | number; user: User; node: OrgUnit; readAt?: Date | null; acknowledgedAt?: Date | null },
): Promise<void> {
  await dataSource.getRepository(NoticeReceipt).insert({
    noticeId: Number(receipt.noticeId),
    userId: receipt.user.id,
    enterpriseId: receipt.node.id,
    deliveredAt: new Date(),
    readAt: receipt.readAt ?? null,
    acknowledgedAt: receipt.acknowledgedAt ?? null,
    remindedOn: null,
  });
}

/** The WeChat message of a notice to a person, in the state the send worker left it. */
export async function createNoticeDelivery(
  dataSource: DataSource,
  delivery: { noticeId: string | number; user: User; status: WechatDeliveryStatus },
): Promise<void> {
  const now = new Date();
  await dataSource.getRepository(WechatMessageDelivery).insert({
    dedupeKey: `notice:${delivery.noticeId}:${delivery.user.id}`,
    userId: delivery.user.id,
    purpose: 'notice',
    templateId: NOTICE_TEMPLATE,
    page: `pages/notice/detail?id=${delivery.noticeId}`,
    data: '{}',
    status: delivery.status,
    attempts: delivery.status === WechatDeliveryStatus.Pending ? 0 : 1,
    nextAttemptAt: now,
    claimedAt: null,
    grantSpentAt: null,
    lastError: null,
    createdAt: now,
    updatedAt: now,
    sentAt: delivery.status === WechatDeliveryStatus.Sent ? now : null,
  });
}
