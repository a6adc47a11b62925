import { randomUUID } from 'node:crypto';
import {
  AuthErrorCode,
  BindingMode,
  BindingStatus,
  CommonErrorCode,
  Industry,
  OrgErrorCode,
  OrgKind,
  Role,
} from '@ankang/shared';
import { EnterpriseBinding } from '../src/bindings/enterprise-binding.entity';
import { OrgUnit } from '../src/org/org-unit.entity';
import { RoleGrant } from '../src/org/role-grant.entity';
import { User } from '../src/users/user.entity';
import { createOrgUnit, createUser } from './factories/org.factory';
import { createTestTree, type TestTree } from './factories/tree.factory';
import { testBackends } from './support/backends';
import { expectErrorShape, request } from './support/http';
import { accessTokenFor, startTestApp, type TestApp } from './support/test-app';

/** An error body without its request id, to compare two refusals. */
const withoutRequestId = ({ requestId: _requestId, ...rest }: Record<string, unknown>) => rest;

describe.each(testBackends())('enterprise binding on %s', (backend) => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp(backend);
  });

  afterAll(async () => {
    await app?.close();
  });

  const bind = (user: User, workplaceCode: string, clientKey: string = randomUUID()) =>
    request('POST', `${app.baseUrl}/me/enterprise-binding`, {
      token: accessTokenFor(app, user),
      body: { workplaceCode, clientKey },
    });
  const me = (user: User) => request('GET', `${app.baseUrl}/me`, { token: accessTokenFor(app, user) });
  const withdraw = (user: User) =>
    request('DELETE', `${app.baseUrl}/me/enterprise-binding/pending`, { token: accessTokenFor(app, user) });
  const list = (user: User, query = '') =>
    request('GET', `${app.baseUrl}/enterprise-bindings${query}`, { token: accessTokenFor(app, user) });
  const approve = (user: User, id: string) =>
    request('POST', `${app.baseUrl}/enterprise-bindings/${id}/approve`, { token: accessTokenFor(app, user) });
  const reject = (user: User, id: string, body: unknown = { reason: '经核实非本企业职工' }) =>
    request('POST', `${app.baseUrl}/enterprise-bindings/${id}/reject`, { token: accessTokenFor(app, user), body });

  const workerGrantsOf = async (user: User) =>
    (await app.dataSource.getRepository(RoleGrant).findBy({ userId: user.id, role: Role.Worker })).map(
      (grant) => grant.orgUnitId,
    );
  const enterpriseOf = async (user: User) =>
    (await app.dataSource.getRepository(User).findOneByOrFail({ id: user.id })).enterpriseId;
  const bindingRows = (user: User) =>
    app.dataSource.getRepository(EnterpriseBinding).find({ where: { userId: user.id }, order: { id: 'ASC' } });
  const archive = (unit: OrgUnit) =>
    app.dataSource.getRepository(OrgUnit).update({ id: unit.id }, { archivedAt: new Date() });

  /** A second enterprise under city A whose officer approves, with one workplace. */
  const approvalEnterprise = async (tree: TestTree) => {
    const enterprise = await createOrgUnit(app.dataSource, {
      kind: OrgKind.Enterprise,
      parent: tree.units.cityA,
      industry: Industry.Power,
      bindingMode: BindingMode.Approval,
    });
    const workplace = await createOrgUnit(app.dataSource, { kind: OrgKind.Workplace, parent: enterprise });
    return { enterprise, workplace };
  };

  describe('「我在这里工作」', () => {
    it('binds at once where the enterprise binds automatically, giving the worker role there', async () => {
      const tree = await createTestTree(app.dataSource);
      const person = tree.users.nobody;
      const response = await bind(person, tree.units.workplaceA1a.code as string);

      expect(response.status).toBe(201);
      expect(response.body).toEqual({
        id: expect.any(String),
        status: BindingStatus.Approved,
        enterprise: { id: String(tree.units.enterpriseA1.id), name: tree.units.enterpriseA1.name },
        workplace: {
          id: String(tree.units.workplaceA1a.id),
          name: tree.units.workplaceA1a.name,
          code: tree.units.workplaceA1a.code,
        },
        reason: null,
        createdAt: expect.any(String),
        decidedAt: expect.any(String),
      });
      expect(await enterpriseOf(person)).toBe(tree.units.enterpriseA1.id);
      expect(await workerGrantsOf(person)).toEqual([tree.units.enterpriseA1.id]);
      const profile = (await me(person)).body;
      expect(profile.enterprise).toEqual({
        id: String(tree.units.enterpriseA1.id),
        name: tree.units.enterpriseA1.name,
      });
      expect(profile.pendingBinding).toBeNull();
      expect(profile.roles).toEqual([expect.objectContaining({ role: Role.Worker, orgUnitKind: OrgKind.Enterprise })]);
    });

    it('moves a bound worker and their worker role to the new enterprise, keeping their other roles', async () => {
      const tree = await createTestTree(app.dataSource);
      const worker = tree.users.workerB1;
      const officer = tree.users.officerA2;
      expect(await workerGrantsOf(worker)).toEqual([tree.units.enterpriseB1.id]);

      expect((await bind(worker, tree.units.workplaceA1b.code as string)).body.status).toBe(BindingStatus.Approved);
      expect(await enterpriseOf(worker)).toBe(tree.units.enterpriseA1.id);
      expect(await workerGrantsOf(worker)).toEqual([tree.units.enterpriseA1.id]);

      // An officer who scans in elsewhere stays an officer of their own enterprise.
      expect((await bind(officer, tree.units.workplaceA1a.code as string)).status).toBe(201);
      const grants = await app.dataSource.getRepository(RoleGrant).findBy({ userId: officer.id });
      expect(grants.map((grant) => [grant.role, grant.orgUnitId]).sort()).toEqual(
        [
          [Role.Officer, tree.units.enterpriseA2.id],
          [Role.Worker, tree.units.enterpriseA1.id],
        ].sort(),
      );
    });

    it('answers a retry with the same client key with the same request, making no second row', async () => {
      const tree = await createTestTree(app.dataSource);
      const person = tree.users.nobody;
      const clientKey = randomUUID();
      const code = tree.units.workplaceA2a.code as string;

      const first = await bind(person, code, clientKey);
      const retry = await bind(person, code, clientKey);
      expect(first.status).toBe(201);
      expect(retry.status).toBe(200);
      expect(retry.body).toEqual(first.body);
      expect(await bindingRows(person)).toHaveLength(1);
    });

    it('answers a retry of an automatic binding with the first result, not "already bound"', async () => {
      const tree = await createTestTree(app.dataSource);
      const clientKey = randomUUID();
      const first = await bind(tree.users.nobody, tree.units.workplaceA1a.code as string, clientKey);
      const retry = await bind(tree.users.nobody, tree.units.workplaceA1a.code as string, clientKey);

      expect(retry.status).toBe(200);
      expect(retry.body).toEqual(first.body);
      expect(await workerGrantsOf(tree.users.nobody)).toEqual([tree.units.enterpriseA1.id]);
    });

    it('makes one request when retries with the same client key race each other', async () => {
      const tree = await createTestTree(app.dataSource);
      const person = tree.users.nobody;
      const clientKey = randomUUID();
      const code = tree.units.workplaceA1a.code as string;

      const responses = await Promise.all([
        bind(person, code, clientKey),
        bind(person, code, clientKey),
        bind(person, code, clientKey),
      ]);
      expect(responses.map((response) => response.status).sort()).toEqual([200, 200, 201]);
      expect(new Set(responses.map((response) => response.body.id)).size).toBe(1);
      expect(await bindingRows(person)).toHaveLength(1);
      expect(await workerGrantsOf(person)).toEqual([tree.units.enterpriseA1.id]);
    });

    it('refuses a client key reused for another workplace', async () => {
      const tree = await createTestTree(app.dataSource);
      const clientKey = randomUUID();
      await bind(tree.users.nobody, tree.units.workplaceA2a.code as string, clientKey);
      const response = await bind(tree.users.nobody, tree.units.workplaceB1a.code as string, clientKey);

      expect(response.status).toBe(400);
      expectErrorShape(response.body, CommonErrorCode.ValidationFailed);
      expect(response.body.details).toEqual([expect.objectContaining({ field: 'clientKey' })]);
    });

    it('leaves a request pending where an officer approves, and shows it on the profile', async () => {
      const tree = await createTestTree(app.dataSource);
      const person = tree.users.nobody;
      const response = await bind(person, tree.units.workplaceA2a.code as string);

      expect(response.status).toBe(201);
      expect(response.body).toEqual(expect.objectContaining({ status: BindingStatus.Pending, decidedAt: null }));
      expect(await enterpriseOf(person)).toBeNull();
      expect(await workerGrantsOf(person)).toEqual([]);
      expect((await me(person)).body.pendingBinding).toEqual(response.body);
    });

    it('treats an enterprise without a binding mode as one whose officer approves', async () => {
      const tree = await createTestTree(app.dataSource);
      const enterprise = await createOrgUnit(app.dataSource, {
        kind: OrgKind.Enterprise,
        parent: tree.units.cityB,
        bindingMode: null,
      });
      const workplace = await createOrgUnit(app.dataSource, { kind: OrgKind.Workplace, parent: enterprise });
      expect((await bind(tree.users.nobody, workplace.code as string)).body.status).toBe(BindingStatus.Pending);
    });

    it('cancels an earlier pending request when the person asks elsewhere', async () => {
      const tree = await createTestTree(app.dataSource);
      const other = await approvalEnterprise(tree);
      const person = tree.users.nobody;
      const first = await bind(person, tree.units.workplaceA2a.code as string);
      const second = await bind(person, other.workplace.code as string);

      expect(second.body.status).toBe(BindingStatus.Pending);
      const rows = await bindingRows(person);
      expect(rows.map((row) => [String(row.id), row.status])).toEqual([
        [first.body.id, BindingStatus.Cancelled],
        [second.body.id, BindingStatus.Pending],
      ]);
      expect((await me(person)).body.pendingBinding.id).toBe(second.body.id);
    });

    it('withdraws a pending request, and says so when nothing is pending', async () => {
      const tree = await createTestTree(app.dataSource);
      const person = tree.users.nobody;
      await bind(person, tree.units.workplaceA2a.code as string);

      const withdrawn = await withdraw(person);
      expect(withdrawn.status).toBe(204);
      expect((await bindingRows(person)).map((row) => row.status)).toEqual([BindingStatus.Cancelled]);
      expect((await me(person)).body.pendingBinding).toBeNull();

      const again = await withdraw(person);
      expect(again.status).toBe(409);
      expectErrorShape(again.body, OrgErrorCode.BindingNotPending);
    });

    it('refuses a worker already bound to that enterprise', async () => {
      const tree = await createTestTree(app.dataSource);
      const response = await bind(tree.users.workerA1, tree.units.workplaceA1b.code as string);

      expect(response.status).toBe(409);
      expectErrorShape(response.body, OrgErrorCode.BindingAlreadyBound);
      expect(await bindingRows(tree.users.workerA1)).toEqual([]);
    });

    it.each([
      ['an unknown code', 'NO-SUCH-PLACE'],
      ['a code with characters WeChat forbids', 'A1A 空格'],
      ['a code over 30 characters', 'X'.repeat(31)],
    ])('answers %s with 404 ORG_WORKPLACE_NOT_FOUND', async (_case, code) => {
      const person = await createUser(app.dataSource);
      const response = await bind(person, code);

      expect(response.status).toBe(404);
      expectErrorShape(response.body, OrgErrorCode.WorkplaceNotFound);
      expect(await bindingRows(person)).toEqual([]);
    });

    it('refuses an archived workplace, and a workplace of an archived enterprise, with ORG_WORKPLACE_ARCHIVED', async () => {
      const tree = await createTestTree(app.dataSource);
      await archive(tree.units.workplaceA1b);
      const archivedWorkplace = await bind(tree.users.nobody, tree.units.workplaceA1b.code as string);
      expect(archivedWorkplace.status).toBe(409);
      expectErrorShape(archivedWorkplace.body, OrgErrorCode.WorkplaceArchived);

      await archive(tree.units.enterpriseB1);
      const archivedEnterprise = await bind(tree.users.nobody, tree.units.workplaceB1a.code as string);
      expect(archivedEnterprise.status).toBe(409);
      expectErrorShape(archivedEnterprise.body, OrgErrorCode.WorkplaceArchived);
      expect(await bindingRows(tree.users.nobody)).toEqual([]);
    });

    it.each([
      ['a client key that is not a UUID', { workplaceCode: 'HK-COAL-01', clientKey: 'retry-1' }, 'clientKey'],
      ['a missing client key', { workplaceCode: 'HK-COAL-01' }, 'clientKey'],
      ['a missing code', { clientKey: randomUUID() }, 'workplaceCode'],
      ['a code that is not text', { workplaceCode: 7, clientKey: randomUUID() }, 'workplaceCode'],
    ])('refuses %s with a coded 400', async (_case, body, field) => {
      const person = await createUser(app.dataSource);
      const response = await request('POST', `${app.baseUrl}/me/enterprise-binding`, {
        token: accessTokenFor(app, person),
        body,
      });

      expect(response.status).toBe(400);
      expectErrorShape(response.body, CommonErrorCode.ValidationFailed);
      expect(response.body.details).toEqual([expect.objectContaining({ field })]);
    });
  });

  describe('officers deciding', () => {
    it('lists pending requests of the enterprise with the phone masked, and approves one', async () => {
      const tree = await createTestTree(app.dataSource);
      const person = await createUser(app.dataSource, { displayName: '申请人', phone: '13812345678' });
      const requested = await bind(person, tree.units.workplaceA2a.code as string);

      const listed = await list(tree.users.officerA2);
      expect(listed.status).toBe(200);
      expect(listed.body).toEqual({
        items: [
          {
            ...requested.body,
            user: { id: String(person.id), displayName: '申请人', phone: '138****5678', employeeNumber: null },
          },
        ],
        nextCursor: null,
      });

      const approved = await approve(tree.users.officerA2, requested.body.id);
      expect(approved.status).toBe(200);
      expect(approved.body).toEqual(
        expect.objectContaining({
          id: requested.body.id,
          status: BindingStatus.Approved,
          decidedAt: expect.any(String),
        }),
      );
      expect(await enterpriseOf(person)).toBe(tree.units.enterpriseA2.id);
      expect(await workerGrantsOf(person)).toEqual([tree.units.enterpriseA2.id]);
      const grant = await app.dataSource
        .getRepository(RoleGrant)
        .findOneByOrFail({ userId: person.id, role: Role.Worker });
      expect(grant.grantedBy).toBe(tree.users.officerA2.id);
      const profile = (await me(person)).body;
      expect(profile.enterprise).toEqual({
        id: String(tree.units.enterpriseA2.id),
        name: tree.units.enterpriseA2.name,
      });
      expect(profile.pendingBinding).toBeNull();
      expect((await list(tree.users.officerA2)).body.items).toEqual([]);

      const again = await approve(tree.users.officerA2, requested.body.id);
      expect(again.status).toBe(409);
      expectErrorShape(again.body, OrgErrorCode.BindingNotPending);
    });

    it('approving moves a worker bound elsewhere, worker role and all', async () => {
      const tree = await createTestTree(app.dataSource);
      const worker = tree.users.workerB1;
      const requested = await bind(worker, tree.units.workplaceA2a.code as string);
      expect(await enterpriseOf(worker)).toBe(tree.units.enterpriseB1.id);

      expect((await approve(tree.users.officerA2, requested.body.id)).status).toBe(200);
      expect(await enterpriseOf(worker)).toBe(tree.units.enterpriseA2.id);
      expect(await workerGrantsOf(worker)).toEqual([tree.units.enterpriseA2.id]);
    });

    it('rejects with a reason the worker then sees', async () => {
      const tree = await createTestTree(app.dataSource);
      const person = tree.users.nobody;
      const requested = await bind(person, tree.units.workplaceA2a.code as string);

      const rejected = await reject(tree.users.officerA2, requested.body.id, { reason: '  经核实非本企业职工  ' });
      expect(rejected.status).toBe(200);
      expect(rejected.body).toEqual(
        expect.objectContaining({
          status: BindingStatus.Rejected,
          reason: '经核实非本企业职工',
          decidedAt: expect.any(String),
        }),
      );
      expect(await enterpriseOf(person)).toBeNull();
      expect(await workerGrantsOf(person)).toEqual([]);
      expect((await me(person)).body.pendingBinding).toEqual(
        expect.objectContaining({
          id: requested.body.id,
          status: BindingStatus.Rejected,
          reason: '经核实非本企业职工',
        }),
      );

      expect((await list(tree.users.officerA2, '?status=rejected')).body.items.map((item: any) => item.id)).toEqual([
        requested.body.id,
      ]);
      const again = await approve(tree.users.officerA2, requested.body.id);
      expect(again.status).toBe(409);
      expectErrorShape(again.body, OrgErrorCode.BindingNotPending);
    });

    it('refuses to decide a request the worker withdrew', async () => {
      const tree = await createTestTree(app.dataSource);
      const requested = await bind(tree.users.nobody, tree.units.workplaceA2a.code as string);
      await withdraw(tree.users.nobody);

      const response = await reject(tree.users.officerA2, requested.body.id);
      expect(response.status).toBe(409);
      expectErrorShape(response.body, OrgErrorCode.BindingNotPending);
    });

    it('lets only one of two officers deciding at once win', async () => {
      const tree = await createTestTree(app.dataSource);
      const requested = await bind(tree.users.nobody, tree.units.workplaceA2a.code as string);

      const [approval, rejection] = await Promise.all([
        approve(tree.users.officerA2, requested.body.id),
        reject(tree.users.adminProvince, requested.body.id),
      ]);
      expect([approval.status, rejection.status].sort()).toEqual([200, 409]);
      const stored = await app.dataSource
        .getRepository(EnterpriseBinding)
        .findOneByOrFail({ id: Number(requested.body.id) });
      expect(stored.status).toBe(approval.status === 200 ? BindingStatus.Approved : BindingStatus.Rejected);
      expect(await enterpriseOf(tree.users.nobody)).toBe(approval.status === 200 ? tree.units.enterpriseA2.id : null);
    });

    it.each([
      ['an empty reason', { reason: '' }],
      ['a blank reason', { reason: '   ' }],
      ['a reason of 201 characters', { reason: '因'.repeat(201) }],
      ['no reason', {}],
    ])('refuses to reject with %s', async (_case, body) => {
      const tree = await createTestTree(app.dataSource);
      const requested = await bind(tree.users.nobody, tree.units.workplaceA2a.code as string);

      const response = await reject(tree.users.officerA2, requested.body.id, body);
      expect(response.status).toBe(400);
      expectErrorShape(response.body, CommonErrorCode.ValidationFailed);
      expect(response.body.details).toEqual([expect.objectContaining({ field: 'reason' })]);
      expect((await me(tree.users.nobody)).body.pendingBinding.status).toBe(BindingStatus.Pending);
    });

    it('accepts a reason of exactly 200 characters', async () => {
      const tree = await createTestTree(app.dataSource);
      const requested = await bind(tree.users.nobody, tree.units.workplaceA2a.code as string);
      const response = await reject(tree.users.officerA2, requested.body.id, { reason: '因'.repeat(200) });
      expect(response.status).toBe(200);
    });

    it('refuses a neighbouring officer exactly as if the request did not exist', async () => {
      const tree = await createTestTree(app.dataSource);
      const requested = await bind(tree.users.nobody, tree.units.workplaceA2a.code as string);
      const neighbour = tree.users.officerB1;
      // An officer of A1 is also a neighbour of A2, though both sit in city A.
      const sameCityNeighbour = tree.users.officerA1;

      for (const officer of [neighbour, sameCityNeighbour]) {
        const missingApproval = await approve(officer, '999999999');
        const approval = await approve(officer, requested.body.id);
        expect(approval.status).toBe(404);
        expectErrorShape(approval.body, CommonErrorCode.NotFound);
        expect(withoutRequestId(approval.body)).toEqual(withoutRequestId(missingApproval.body));

        const missingRejection = await reject(officer, '999999999');
        const rejection = await reject(officer, requested.body.id);
        expect(rejection.status).toBe(404);
        expect(withoutRequestId(rejection.body)).toEqual(withoutRequestId(missingRejection.body));

        const missingList = await list(officer, '?enterpriseId=999999999');
        const filtered = await list(officer, `?enterpriseId=${tree.units.enterpriseA2.id}`);
        expect(filtered.status).toBe(404);
        expect(withoutRequestId(filtered.body)).toEqual(withoutRequestId(missingList.body));

        const unfiltered = await list(officer);
        expect(unfiltered.status).toBe(200);
        expect(unfiltered.body.items.map((item: any) => item.id)).not.toContain(requested.body.id);
      }
      expect((await me(tree.users.nobody)).body.pendingBinding.status).toBe(BindingStatus.Pending);
    });

    it('lets an admin above the enterprise decide, and refuses roles that may not decide at all', async () => {
      const tree = await createTestTree(app.dataSource);
      const requested = await bind(tree.users.nobody, tree.units.workplaceA2a.code as string);

      for (const user of [tree.users.staffCityA, tree.users.workerA1, tree.users.nobody]) {
        const response = await list(user);
        expect(response.status).toBe(403);
        expectErrorShape(response.body, AuthErrorCode.Forbidden);
      }
      const listed = await list(tree.users.adminProvince, `?enterpriseId=${tree.units.enterpriseA2.id}`);
      expect(listed.body.items.map((item: any) => item.id)).toEqual([requested.body.id]);
      expect((await approve(tree.users.adminProvince, requested.body.id)).status).toBe(200);
    });

    it('refuses to approve into an enterprise archived since the request', async () => {
      const tree = await createTestTree(app.dataSource);
      const requested = await bind(tree.users.nobody, tree.units.workplaceA2a.code as string);
      await archive(tree.units.workplaceA2a);
      await archive(tree.units.enterpriseA2);

      const response = await approve(tree.users.adminProvince, requested.body.id);
      expect(response.status).toBe(409);
      expectErrorShape(response.body, OrgErrorCode.WorkplaceArchived);
      expect(await enterpriseOf(tree.users.nobody)).toBeNull();
    });

    it('pages through the queue oldest first without repeating or losing a request', async () => {
      const tree = await createTestTree(app.dataSource);
      const ids: string[] = [];
      for (let index = 0; index < 5; index += 1) {
        const person = await createUser(app.dataSource, { displayName: `排队${index}` });
        ids.push((await bind(person, tree.units.workplaceA2a.code as string)).body.id);
      }

      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const query: string = `?enterpriseId=${tree.units.enterpriseA2.id}&limit=2${cursor ? `&cursor=${cursor}` : ''}`;
        const page = await list(tree.users.officerA2, query);
        expect(page.status).toBe(200);
        expect(page.body.items.length).toBeLessThanOrEqual(2);
        seen.push(...page.body.items.map((item: any) => item.id));
        cursor = page.body.nextCursor;
        pages += 1;
      } while (cursor);
      expect(pages).toBe(3);
      expect(seen).toEqual(ids);

      for (const id of ids.slice(0, 3)) await approve(tree.users.officerA2, id);
      const history = await list(tree.users.officerA2, `?status=approved&enterpriseId=${tree.units.enterpriseA2.id}`);
      expect(history.body.items.map((item: any) => item.id)).toEqual(ids.slice(0, 3).reverse());
    });

    it.each([
      ['an unknown status', '?status=done', 'status'],
      ['a tampered cursor', '?cursor=not-a-cursor', 'cursor'],
      ['a limit over the maximum', '?limit=101', 'limit'],
    ])('refuses %s with a coded 400', async (_case, query, field) => {
      const tree = await createTestTree(app.dataSource);
      const response = await list(tree.users.officerA2, query);
      expect(response.status).toBe(400);
      expectErrorShape(response.body, CommonErrorCode.ValidationFailed);
      expect(response.body.details).toEqual([expect.objectContaining({ field })]);
    });

    it('refuses an id that is not an id with a coded 400 naming it, like every route', async () => {
      const tree = await createTestTree(app.dataSource);
      const malformed = await approve(tree.users.officerA2, 'abc');
      expect(malformed.status).toBe(400);
      expectErrorShape(malformed.body, CommonErrorCode.ValidationFailed);
      expect(malformed.body.details).toEqual([expect.objectContaining({ field: 'id' })]);
    });
  });
});
