import { randomUUID } from 'node:crypto';
import {
  AuthErrorCode,
  CommonErrorCode,
  Industry,
  NOTICE_BODY_MAX_LENGTH,
  NoticeErrorCode,
  NoticeFanOutState,
  NoticeKind,
  NoticeState,
  Role,
  WorkerGroup,
} from '@ankang/shared';
import { Notice } from '../src/notices/notice.entity';
import { NoticeFanOutService } from '../src/notices/notice-fan-out.service';
import { User } from '../src/users/user.entity';
import {
  createEnterprise,
  createStaff,
  NOTICE_TEMPLATE,
  NoticesClient,
  noticeRequest,
  useNoticesApp,
} from './factories/notice.factory';
import type { TestTree } from './factories/tree.factory';
import { testBackends } from './support/backends';
import { expectErrorShape } from './support/http';
import type { TestApp } from './support/test-app';
import { createWorker } from './training-support';

describe.each(testBackends())('notice composing and publishing on %s', (backend) => {
  let app: TestApp;
  let client: NoticesClient;
  let tree: TestTree;
  useNoticesApp(
    backend,
    (started, startedClient, startedTree) => {
      app = started;
      client = startedClient;
      tree = startedTree;
    },
    { WECHAT_TEMPLATE_NOTICE: NOTICE_TEMPLATE },
  );

  const noticeCount = () => app.dataSource.getRepository(Notice).count();

  describe('drafts', () => {
    it('creates a draft with the body sanitised, and reads it back', async () => {
      const body = noticeRequest(tree.units.cityA, {
        title: '  关于做好节前安全生产工作的通知  ',
        bodyHtml:
          '<p style="color:red" onclick="steal()">落实值班</p><script>alert(1)</script><a href="javascript:x()">看</a>',
        industries: [Industry.CoalMine],
        workerGroups: [WorkerGroup.SpecialOperations],
        roles: [Role.Worker],
        kind: NoticeKind.Policy,
      });
      const created = await client.call('POST', '/notices', tree.users.staffCityA, body);
      expect(created.status).toBe(201);
      expect(created.body).toEqual(
        expect.objectContaining({
          title: '关于做好节前安全生产工作的通知',
          bodyHtml: '<p>落实值班</p>看',
          kind: NoticeKind.Policy,
          state: NoticeState.Draft,
          scope: expect.objectContaining({ id: String(tree.units.cityA.id) }),
          scopeOrgUnitId: String(tree.units.cityA.id),
          industries: [Industry.CoalMine],
          workerGroups: [WorkerGroup.SpecialOperations],
          roles: [Role.Worker],
          acknowledgementRequired: true,
          author: { id: String(tree.users.staffCityA.id), displayName: tree.users.staffCityA.displayName },
          publishAt: null,
          publishedAt: null,
          withdrawnAt: null,
        }),
      );
      const fetched = await client.call('GET', `/notices/${created.body.id}`, tree.users.staffCityA);
      expect(fetched.status).toBe(200);
      expect(fetched.body).toEqual(created.body);
    });

    it('answers a retried create with the same draft, and writes one', async () => {
      const body = noticeRequest(tree.units.countyA);
      const before = await noticeCount();
      const first = await client.call('POST', '/notices', tree.users.staffCountyA, body);
      const again = await client.call('POST', '/notices', tree.users.staffCountyA, {
        ...body,
        clientKey: body.clientKey.toUpperCase(),
      });
      expect(first.status).toBe(201);
      expect(again.status).toBe(200);
      expect(again.body.id).toBe(first.body.id);
      expect(await noticeCount()).toBe(before + 1);
    });

    it('makes one draft when the same create races itself', async () => {
      const body = noticeRequest(tree.units.countyA);
      const before = await noticeCount();
      const answers = await Promise.all(
        [0, 1, 2].map(() => client.call('POST', '/notices', tree.users.staffCountyA, body)),
      );
      expect(new Set(answers.map((answer) => answer.body.id)).size).toBe(1);
      expect(answers.map((answer) => answer.status).sort()).toEqual([200, 200, 201]);
      expect(await noticeCount()).toBe(before + 1);
    });

    it('refuses a client key someone else used, without showing their draft', async () => {
      const body = noticeRequest(tree.units.cityA);
      expect((await client.call('POST', '/notices', tree.users.staffCityA, body)).status).toBe(201);
      const other = await client.call('POST', '/notices', tree.users.staffProvince, body);
      expect(other.status).toBe(400);
      expectErrorShape(other.body, CommonErrorCode.ValidationFailed);
      expect(other.body.details).toEqual([expect.objectContaining({ field: 'clientKey' })]);
    });

    it('refuses each bad input with its code and writes nothing', async () => {
      const scope = tree.units.cityA;
      const cases: [string, Record<string, unknown>, number, string, string?][] = [
        ['blank title', { title: '   ' }, 400, CommonErrorCode.ValidationFailed, 'title'],
        ['title too long', { title: '安'.repeat(61) }, 400, CommonErrorCode.ValidationFailed, 'title'],
        ['title with a line break', { title: '通知\n第二行' }, 400, CommonErrorCode.ValidationFailed, 'title'],
        ['empty body', { bodyHtml: '<p> </p><script>x()</script>' }, 400, CommonErrorCode.ValidationFailed, 'bodyHtml'],
        [
          'body too long',
          { bodyHtml: '安'.repeat(NOTICE_BODY_MAX_LENGTH + 1) },
          400,
          CommonErrorCode.ValidationFailed,
          'bodyHtml',
        ],
        ['body not text', { bodyHtml: 12 }, 400, CommonErrorCode.ValidationFailed, 'bodyHtml'],
        ['unknown kind', { kind: 'gossip' }, 400, CommonErrorCode.ValidationFailed, 'kind'],
        ['unknown industry', { industries: ['mining'] }, 400, CommonErrorCode.ValidationFailed, 'industries'],
        [
          'repeated group',
          { workerGroups: ['new_hire', 'new_hire'] },
          400,
          CommonErrorCode.ValidationFailed,
          'workerGroups',
        ],
        ['admin audience', { roles: [Role.Admin] }, 400, CommonErrorCode.ValidationFailed, 'roles'],
        ['acknowledgement not boolean', { acknowledgementRequired: 'yes' }, 400, CommonErrorCode.ValidationFailed],
        ['publish time not ISO', { publishAt: '明天早上' }, 400, CommonErrorCode.ValidationFailed, 'publishAt'],
        ['bad client key', { clientKey: 'key-1' }, 400, CommonErrorCode.ValidationFailed, 'clientKey'],
        ['bad scope id', { scopeOrgUnitId: 'abc' }, 400, CommonErrorCode.ValidationFailed, 'scopeOrgUnitId'],
        ['unknown field', { pinned: true }, 400, CommonErrorCode.ValidationFailed],
        [
          'publish time past',
          { publishAt: new Date(Date.now() - 60_000).toISOString() },
          400,
          NoticeErrorCode.PublishAtInPast,
        ],
        [
          'scope above the caller',
          { scopeOrgUnitId: String(tree.units.province.id) },
          403,
          NoticeErrorCode.ScopeNotAllowed,
        ],
        ['neighbour city', { scopeOrgUnitId: String(tree.units.cityB.id) }, 403, NoticeErrorCode.ScopeNotAllowed],
        ['a workplace', { scopeOrgUnitId: String(tree.units.workplaceA1a.id) }, 403, NoticeErrorCode.ScopeNotAllowed],
        ['no such node', { scopeOrgUnitId: '999999' }, 403, NoticeErrorCode.ScopeNotAllowed],
      ];
      const before = await noticeCount();
      for (const [name, change, status, code, field] of cases) {
        const answer = await client.call('POST', '/notices', tree.users.staffCityA, {
          ...noticeRequest(scope),
          ...change,
        });
        expect({ name, status: answer.status }).toEqual({ name, status });
        expectErrorShape(answer.body, code);
        if (field) expect(answer.body.details).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
      }
      expect(await noticeCount()).toBe(before);
    });

    it('lets an officer write for their own enterprise only', async () => {
      const own = await client.call('POST', '/notices', tree.users.officerA1, noticeRequest(tree.units.enterpriseA1));
      expect(own.status).toBe(201);
      for (const scope of [
        tree.units.enterpriseA2,
        tree.units.enterpriseB1,
        tree.units.countyA,
        tree.units.workplaceA1a,
      ]) {
        const refused = await client.call('POST', '/notices', tree.users.officerA1, noticeRequest(scope));
        expect(refused.status).toBe(403);
        expectErrorShape(refused.body, NoticeErrorCode.ScopeNotAllowed);
      }
    });

    it('keeps workers and the operator out of authoring', async () => {
      for (const person of [tree.users.workerA1, tree.users.adminProvince, tree.users.nobody]) {
        const refused = await client.call('POST', '/notices', person, noticeRequest(tree.units.enterpriseA1));
        expect(refused.status).toBe(403);
        expectErrorShape(refused.body, AuthErrorCode.Forbidden);
      }
    });

    it('edits a draft in place, with the same checks', async () => {
      const created = await client.call('POST', '/notices', tree.users.staffCityA, noticeRequest(tree.units.cityA));
      const { clientKey: _clientKey, ...compose } = noticeRequest(tree.units.countyA, {
        title: '改过的标题',
        acknowledgementRequired: false,
      });
      const edited = await client.call('PUT', `/notices/${created.body.id}`, tree.users.staffCityA, compose);
      expect(edited.status).toBe(200);
      expect(edited.body).toEqual(
        expect.objectContaining({
          title: '改过的标题',
          scope: expect.objectContaining({ id: String(tree.units.countyA.id) }),
          acknowledgementRequired: false,
          state: NoticeState.Draft,
        }),
      );
      const refused = await client.call('PUT', `/notices/${created.body.id}`, tree.users.staffCityA, {
        ...compose,
        scopeOrgUnitId: String(tree.units.cityB.id),
      });
      expect(refused.status).toBe(403);
      expectErrorShape(refused.body, NoticeErrorCode.ScopeNotAllowed);
      const unchanged = await client.call('GET', `/notices/${created.body.id}`, tree.users.staffCityA);
      expect(unchanged.body).toEqual(edited.body);
    });
  });

  describe('audience', () => {
    it('counts the people an audience reaches now, each once, leaving out disabled accounts', async () => {
      const enterprise = await createEnterprise(app, tree.units.countyA);
      const special = await createWorker(app, enterprise, [WorkerGroup.SpecialOperations]);
      await createWorker(app, enterprise, [WorkerGroup.SpecialOperations, WorkerGroup.HighRisk]);
      await createWorker(app, enterprise, [WorkerGroup.NewHire]);
      const disabled = await createWorker(app, enterprise, [WorkerGroup.SpecialOperations]);
      await app.dataSource.getRepository(User).update({ id: disabled.id }, { disabledAt: new Date() });
      await createStaff(app, Role.Officer, enterprise);
      expect(special.enterpriseId).toBe(enterprise.id);

      const count = async (audience: Record<string, unknown>) => {
        const answer = await client.call('POST', '/notices/audience-count', tree.users.staffCountyA, {
          scopeOrgUnitId: String(enterprise.id),
          industries: [],
          workerGroups: [],
          roles: [],
          ...audience,
        });
        expect(answer.status).toBe(200);
        return answer.body.recipients;
      };
      expect(await count({})).toBe(4);
      expect(await count({ workerGroups: [WorkerGroup.SpecialOperations] })).toBe(2);
      expect(await count({ roles: [Role.Officer] })).toBe(1);
      expect(await count({ industries: [Industry.Other] })).toBe(4);
      expect(await count({ industries: [Industry.CoalMine] })).toBe(0);

      const outside = await client.call('POST', '/notices/audience-count', tree.users.staffCountyA, {
        scopeOrgUnitId: String(tree.units.cityB.id),
        industries: [],
        workerGroups: [],
        roles: [],
      });
      expect(outside.status).toBe(403);
      expectErrorShape(outside.body, NoticeErrorCode.ScopeNotAllowed);
    });

    it('reaches union staff of the subtree, but not when industries narrow it', async () => {
      const county = await client.call('POST', '/notices/audience-count', tree.users.staffCityB, {
        scopeOrgUnitId: String(tree.units.cityB.id),
        industries: [],
        workerGroups: [],
        roles: [Role.UnionStaff],
      });
      expect(county.body.recipients).toBe(1);
      const narrowed = await client.call('POST', '/notices/audience-count', tree.users.staffCityB, {
        scopeOrgUnitId: String(tree.units.cityB.id),
        industries: [Industry.Construction],
        workerGroups: [],
        roles: [Role.UnionStaff],
      });
      expect(narrowed.body.recipients).toBe(0);
    });
  });

  describe('states', () => {
    it('publishes once: fan-out pending, audience counted; a second publish changes nothing', async () => {
      const enterprise = await createEnterprise(app, tree.units.countyA);
      await createWorker(app, enterprise);
      await createWorker(app, enterprise);
      const created = await client.call('POST', '/notices', tree.users.staffCountyA, noticeRequest(enterprise));
      const published = await client.call('POST', `/notices/${created.body.id}/publish`, tree.users.staffCountyA);
      expect(published.status).toBe(200);
      expect(published.body).toEqual(
        expect.objectContaining({
          state: NoticeState.Published,
          publishedAt: expect.any(String),
          fanOut: { state: NoticeFanOutState.Pending, recipients: 2 },
        }),
      );
      const stored = await app.dataSource.getRepository(Notice).findOneByOrFail({ id: Number(created.body.id) });
      expect(stored.fanOutCursor).toBe(0);

      const again = await client.call('POST', `/notices/${created.body.id}/publish`, tree.users.staffCountyA);
      expect(again.status).toBe(200);
      expect(again.body).toEqual(published.body);

      const { clientKey: _clientKey, ...compose } = noticeRequest(enterprise);
      const edit = await client.call('PUT', `/notices/${created.body.id}`, tree.users.staffCountyA, compose);
      expect(edit.status).toBe(409);
      expectErrorShape(edit.body, NoticeErrorCode.NotEditable);
    });

    it('withdraws a published notice once, and never publishes or edits it again', async () => {
      const enterprise = await createEnterprise(app, tree.units.countyA);
      await createWorker(app, enterprise);
      const notice = await client.published(tree.users.staffCountyA, noticeRequest(enterprise));
      const withdrawn = await client.call('POST', `/notices/${notice.id}/withdraw`, tree.users.staffCountyA);
      expect(withdrawn.status).toBe(200);
      expect(withdrawn.body).toEqual(
        expect.objectContaining({ state: NoticeState.Withdrawn, withdrawnAt: expect.any(String) }),
      );
      const again = await client.call('POST', `/notices/${notice.id}/withdraw`, tree.users.staffCountyA);
      expect(again.body).toEqual(withdrawn.body);
      const republish = await client.call('POST', `/notices/${notice.id}/publish`, tree.users.staffCountyA);
      expect(republish.status).toBe(409);
      expectErrorShape(republish.body, NoticeErrorCode.NotEditable);
    });

    it('does not withdraw a draft, which was never sent', async () => {
      const created = await client.call('POST', '/notices', tree.users.staffCountyA, noticeRequest(tree.units.countyA));
      const refused = await client.call('POST', `/notices/${created.body.id}/withdraw`, tree.users.staffCountyA);
      expect(refused.status).toBe(409);
      expectErrorShape(refused.body, NoticeErrorCode.NotPublished);
    });

    it('refuses to publish to nobody', async () => {
      const empty = await createEnterprise(app, tree.units.countyA);
      const created = await client.call(
        'POST',
        '/notices',
        tree.users.staffCountyA,
        noticeRequest(empty, { roles: [Role.Worker] }),
      );
      const refused = await client.call('POST', `/notices/${created.body.id}/publish`, tree.users.staffCountyA);
      expect(refused.status).toBe(422);
      expectErrorShape(refused.body, NoticeErrorCode.AudienceEmpty);
      const still = await client.call('GET', `/notices/${created.body.id}`, tree.users.staffCountyA);
      expect(still.body.state).toBe(NoticeState.Draft);
    });

    it('schedules a notice with a publish time to come, keeps it scheduled through edits, and publishes it when due', async () => {
      const enterprise = await createEnterprise(app, tree.units.countyA);
      await createWorker(app, enterprise);
      const publishAt = new Date(Date.now() + 3_600_000).toISOString();
      const body = noticeRequest(enterprise, { publishAt });
      const created = await client.call('POST', '/notices', tree.users.staffCountyA, body);
      expect(created.body.publishAt).toBe(publishAt);
      const scheduled = await client.call('POST', `/notices/${created.body.id}/publish`, tree.users.staffCountyA);
      expect(scheduled.body).toEqual(
        expect.objectContaining({
          state: NoticeState.Scheduled,
          publishedAt: null,
          fanOut: expect.objectContaining({ recipients: 1 }),
        }),
      );
      const { clientKey: _clientKey, ...compose } = body;
      const edited = await client.call('PUT', `/notices/${created.body.id}`, tree.users.staffCountyA, {
        ...compose,
        title: '定时通知（已修改）',
      });
      expect(edited.status).toBe(200);
      expect(edited.body).toEqual(
        expect.objectContaining({ state: NoticeState.Scheduled, title: '定时通知（已修改）' }),
      );

      const due = await app.app.get(NoticeFanOutService).publishDue(new Date(Date.now() + 2 * 3_600_000));
      expect(due).toBeGreaterThanOrEqual(1);
      const published = await client.call('GET', `/notices/${created.body.id}`, tree.users.staffCountyA);
      expect(published.body).toEqual(
        expect.objectContaining({ state: NoticeState.Published, publishedAt: expect.any(String) }),
      );
      expect(published.body.fanOut.state).toBe(NoticeFanOutState.Pending);
    });

    it('turns a scheduled notice back into a draft when its publish time is removed', async () => {
      const enterprise = await createEnterprise(app, tree.units.countyA);
      await createWorker(app, enterprise);
      const body = noticeRequest(enterprise, { publishAt: new Date(Date.now() + 3_600_000).toISOString() });
      const created = await client.call('POST', '/notices', tree.users.staffCountyA, body);
      await client.call('POST', `/notices/${created.body.id}/publish`, tree.users.staffCountyA);
      const { clientKey: _clientKey, ...compose } = body;
      const edited = await client.call('PUT', `/notices/${created.body.id}`, tree.users.staffCountyA, {
        ...compose,
        publishAt: null,
      });
      expect(edited.body).toEqual(expect.objectContaining({ state: NoticeState.Draft, publishAt: null }));
      await client.call('PUT', `/notices/${created.body.id}`, tree.users.staffCountyA, compose);
      const rescheduled = await client.call('POST', `/notices/${created.body.id}/publish`, tree.users.staffCountyA);
      expect(rescheduled.body.state).toBe(NoticeState.Scheduled);
      const emptied = await client.call('PUT', `/notices/${created.body.id}`, tree.users.staffCountyA, {
        ...compose,
        roles: [Role.UnionStaff],
      });
      expect(emptied.status).toBe(422);
      expectErrorShape(emptied.body, NoticeErrorCode.AudienceEmpty);
      expect((await client.call('GET', `/notices/${created.body.id}`, tree.users.staffCountyA)).body.roles).toEqual([]);
      const past = await client.call('PUT', `/notices/${created.body.id}`, tree.users.staffCountyA, {
        ...compose,
        publishAt: new Date(Date.now() - 1000).toISOString(),
      });
      expect(past.status).toBe(400);
      expectErrorShape(past.body, NoticeErrorCode.PublishAtInPast);
    });
  });

  describe('list', () => {
    it('lists the notices scoped within the caller’s subtree, newest first, by state, page by page', async () => {
      const enterprise = await createEnterprise(app, tree.units.countyA);
      const officer = await createStaff(app, Role.Officer, enterprise);
      await createWorker(app, enterprise);
      const first = await client.call('POST', '/notices', officer, noticeRequest(enterprise));
      const second = await client.call('POST', '/notices', officer, noticeRequest(enterprise));
      const third = await client.published(officer, noticeRequest(enterprise));
      const page = await client.call('GET', '/notices?limit=2', officer);
      expect(page.status).toBe(200);
      expect(page.body.items.map((item: { id: string }) => item.id)).toEqual([third.id, second.body.id]);
      const next = await client.call('GET', `/notices?limit=2&cursor=${page.body.nextCursor}`, officer);
      expect(next.body).toEqual({ items: [expect.objectContaining({ id: first.body.id })], nextCursor: null });
      const drafts = await client.call('GET', `/notices?state=${NoticeState.Draft}`, officer);
      expect(drafts.body.items.map((item: { id: string }) => item.id)).toEqual([second.body.id, first.body.id]);

      const county = await client.call('GET', '/notices?limit=100', tree.users.staffCountyA);
      expect(county.body.items.map((item: { id: string }) => item.id)).toEqual(
        expect.arrayContaining([first.body.id, third.id]),
      );
      const neighbour = await client.call('GET', '/notices?limit=100', tree.users.staffCityB);
      expect(neighbour.body.items.map((item: { id: string }) => item.id)).not.toContain(first.body.id);
      const bad = await client.call('GET', '/notices?state=sent', officer);
      expect(bad.status).toBe(400);
      const badCursor = await client.call('GET', `/notices?cursor=${randomUUID()}`, officer);
      expect(badCursor.status).toBe(400);
    });
  });
});
