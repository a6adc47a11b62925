import { AuthErrorCode, CommonErrorCode, NoticeState, Role } from '@ankang/shared';
import { Notice } from '../src/notices/notice.entity';
import type { OrgUnit } from '../src/org/org-unit.entity';
import type { User } from '../src/users/user.entity';
import { createStaff, createUnion, NoticesClient, noticeRequest, useNoticesApp } from './factories/notice.factory';
import type { TestTree } from './factories/tree.factory';
import { testBackends } from './support/backends';
import { expectErrorShape } from './support/http';
import type { TestApp } from './support/test-app';

describe.each(testBackends())('notice access on %s', (backend) => {
  let app: TestApp;
  let client: NoticesClient;
  let tree: TestTree;
  useNoticesApp(backend, (started, startedClient, startedTree) => {
    app = started;
    client = startedClient;
    tree = startedTree;
  });

  /** Every staff route on one notice, as `person`. */
  async function everyRoute(person: User, noticeId: string, scopeOrgUnitId: number) {
    const { clientKey: _clientKey, ...compose } = noticeRequest(tree.units.countyA);
    return {
      read: await client.call('GET', `/notices/${noticeId}`, person),
      update: await client.call('PUT', `/notices/${noticeId}`, person, {
        ...compose,
        scopeOrgUnitId: String(scopeOrgUnitId),
      }),
      publish: await client.call('POST', `/notices/${noticeId}/publish`, person),
      withdraw: await client.call('POST', `/notices/${noticeId}/withdraw`, person),
      receipts: await client.call('GET', `/notices/${noticeId}/receipts`, person),
      remind: await client.call('POST', `/notices/${noticeId}/remind`, person, {}),
    };
  }

  async function expectRefusedEverywhere(
    person: User,
    author: User,
    scopeOrgUnitId: number,
    status: number,
    code: string,
  ) {
    const draft = await client.call('POST', '/notices', author, noticeRequest({ id: scopeOrgUnitId }));
    const published = await client.published(author, noticeRequest({ id: scopeOrgUnitId }));
    for (const [noticeId, state] of [
      [draft.body.id, NoticeState.Draft],
      [published.id, NoticeState.Published],
    ] as const) {
      const answers = await everyRoute(person, noticeId, scopeOrgUnitId);
      for (const [route, answer] of Object.entries(answers)) {
        expect({ route, status: answer.status }).toEqual({ route, status });
        expectErrorShape(answer.body, code);
      }
      const stored = await app.dataSource.getRepository(Notice).findOneByOrFail({ id: Number(noticeId) });
      expect(stored.state).toBe(state);
      expect(stored.title).not.toBe(noticeRequest(tree.units.countyA).title);
    }
  }

  /** Who is refused whose notices, and how: a person with no relation to a notice learns nothing of it. */
  const refusals: [string, () => Promise<[person: User, author: User, scope: OrgUnit]>, number, string][] = [
    [
      'a neighbour county’s cadre',
      async () => {
        const neighbour = await createStaff(
          app,
          Role.UnionStaff,
          await createUnion(app, tree.units.cityA, '甲二县总工会'),
        );
        return [neighbour, tree.users.staffCountyA, tree.units.countyA];
      },
      404,
      CommonErrorCode.NotFound,
    ],
    [
      'another city’s cadre',
      async () => [tree.users.staffCityB, tree.users.staffCityA, tree.units.cityA],
      404,
      CommonErrorCode.NotFound,
    ],
    [
      'a county cadre, about its city’s notice',
      async () => [tree.users.staffCountyA, tree.users.staffCityA, tree.units.cityA],
      404,
      CommonErrorCode.NotFound,
    ],
    [
      'an officer of enterprise A1, about enterprise A2’s notice',
      async () => [tree.users.officerA1, tree.users.officerA2, tree.units.enterpriseA2],
      404,
      CommonErrorCode.NotFound,
    ],
    [
      'a worker, about their own enterprise’s notice',
      async () => [tree.users.workerA1, tree.users.officerA1, tree.units.enterpriseA1],
      403,
      AuthErrorCode.Forbidden,
    ],
  ];

  it.each(refusals)('refuses %s on every staff route, changing nothing', async (_who, people, status, code) => {
    const [person, author, scope] = await people();
    await expectRefusedEverywhere(person, author, scope.id, status, code);
  });

  it('keeps workers out of the staff list and the audience preview', async () => {
    for (const [method, path] of [
      ['GET', '/notices'],
      ['POST', '/notices/audience-count'],
    ] as const) {
      const refused = await client.call(method, path, tree.users.workerA1, method === 'POST' ? {} : undefined);
      expect(refused.status).toBe(403);
      expectErrorShape(refused.body, AuthErrorCode.Forbidden);
    }
  });

  it('lets the union above read the notices of its subtree, and lists them, but not the other way round', async () => {
    const enterpriseNotice = await client.published(tree.users.officerA1, noticeRequest(tree.units.enterpriseA1));
    const countyNotice = await client.call(
      'POST',
      '/notices',
      tree.users.staffCountyA,
      noticeRequest(tree.units.countyA),
    );
    for (const person of [tree.users.staffCountyA, tree.users.staffCityA, tree.users.staffProvince]) {
      expect((await client.call('GET', `/notices/${enterpriseNotice.id}`, person)).status).toBe(200);
      const list = await client.call('GET', '/notices?limit=100', person);
      expect(list.body.items.map((item: { id: string }) => item.id)).toEqual(
        expect.arrayContaining([enterpriseNotice.id, countyNotice.body.id]),
      );
    }
    const officerList = await client.call('GET', '/notices?limit=100', tree.users.officerA1);
    expect(officerList.body.items.map((item: { id: string }) => item.id)).not.toContain(countyNotice.body.id);
    expect((await client.call('GET', `/notices/${countyNotice.body.id}`, tree.users.officerA1)).status).toBe(404);
    const neighbourList = await client.call('GET', '/notices?limit=100', tree.users.staffCityB);
    expect(neighbourList.body.items.map((item: { id: string }) => item.id)).not.toContain(enterpriseNotice.id);
  });

  it('refuses signed-out callers', async () => {
    const answer = await fetch(`${app.baseUrl}/notices`);
    expect(answer.status).toBe(401);
    const mine = await fetch(`${app.baseUrl}/me/notices`);
    expect(mine.status).toBe(401);
  });
});
