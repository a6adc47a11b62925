import { randomUUID } from 'node:crypto';
import { type Industry, NoticeFanOutState, NoticeKind, NoticeState, type Role, type WorkerGroup } from '@ankang/shared';
import type { DataSource } from 'typeorm';
import { Notice } from '../src/notices/notice.entity';
import type { OrgUnit } from '../src/org/org-unit.entity';
import { WechatSubscription } from '../src/subscriptions/wechat-subscription.entity';
import { User } from '../src/users/user.entity';
import { UserWorkerGroup } from '../src/users/user-worker-group.entity';

/** What the fan-out tests share: notices as the notices API stores them, and many people quickly. */

export const NOTICE_TEMPLATE = 'tmpl-notice-01';

export interface NoticeFields {
  scope: OrgUnit;
  title?: string;
  industries?: Industry[];
  workerGroups?: WorkerGroup[];
  roles?: Role[];
  acknowledgementRequired?: boolean;
  state?: NoticeState;
  publishAt?: Date | null;
}

/** A notice row, published now (fan-out pending) unless told otherwise. */
export async function insertNotice(dataSource: DataSource, fields: NoticeFields): Promise<Notice> {
  const now = new Date();
  const state = fields.state ?? NoticeState.Published;
  const repository = dataSource.getRepository(Notice);
  const inserted = await repository.insert({
    authorUserId: null,
    scopeOrgUnitId: fields.scope.id,
    title: fields.title ?? `安全通知-${randomUUID().slice(0, 8)}`,
    bodyHtml: '<p>请注意安全。</p>',
    kind: NoticeKind.Warning,
    industries: JSON.stringify(fields.industries ?? []),
    workerGroups: JSON.stringify(fields.workerGroups ?? []),
    roles: JSON.stringify(fields.roles ?? []),
    acknowledgementRequired: fields.acknowledgementRequired ?? true,
    state,
    publishAt: fields.publishAt ?? null,
    publishedAt: state === NoticeState.Published ? now : null,
    withdrawnAt: null,
    fanOutState: NoticeFanOutState.Pending,
    fanOutCursor: 0,
    recipientCount: 0,
    createdAt: now,
    updatedAt: now,
  });
  return repository.findOneByOrFail({ id: Number(inserted.identifiers[0].id) });
}

export async function addWorkerGroups(dataSource: DataSource, user: User, groups: WorkerGroup[]): Promise<void> {
  await dataSource
    .getRepository(UserWorkerGroup)
    .insert(groups.map((workerGroup) => ({ userId: user.id, workerGroup })));
}

/** `count` grants of the notice template for each person. */
export async function grantNoticeTemplate(dataSource: DataSource, userIds: readonly number[], count = 1) {
  const now = new Date();
  const repository = dataSource.getRepository(WechatSubscription);
  for (let start = 0; start < userIds.length; start += 500) {
    await repository.insert(
      userIds.slice(start, start + 500).map((userId) => ({
        userId,
        templateId: NOTICE_TEMPLATE,
        remaining: count,
        createdAt: now,
        updatedAt: now,
      })),
    );
  }
}

/**
 * `count` workers bound to the enterprise, inserted in bulk, each with an openid (`openIdOf(name)`,
 * e.g. the fake WeChat's, so its sends can be told apart) and the worker grant. Returns their ids in order.
 */
export async function createWorkers(
  dataSource: DataSource,
  enterprise: OrgUnit,
  count: number,
  openIdOf: (name: string) => string,
): Promise<number[]> {
  const prefix = randomUUID().slice(0, 8);
  const now = new Date();
  const ids: number[] = [];
  for (let start = 0; start < count; start += 200) {
    const rows = Array.from({ length: Math.min(200, count - start) }, (_unused, offset) => {
      const name = `worker-${prefix}-${start + offset}`;
      return {
        openId: openIdOf(name),
        unionId: null,
        username: null,
        displayName: name,
        phone: null,
        enterpriseId: enterprise.id,
        disabledAt: null,
        createdAt: now,
        updatedAt: now,
      };
    });
    const result = await dataSource.getRepository(User).insert(rows);
    ids.push(...result.identifiers.map((identifier) => Number(identifier.id)));
  }
  return ids;
}
