import { AuthErrorCode, CommonErrorCode, OrgErrorCode, OrgKind, Role } from '@ankang/shared';
import { OrgUnit } from '../src/org/org-unit.entity';
import { RoleGrant } from '../src/org/role-grant.entity';
import type { User } from '../src/users/user.entity';
import { createOrgUnit, createUser, grantRole } from './factories/org.factory';
import { createTestTree, type TestTree } from './factories/tree.factory';
import { testBackends } from './support/backends';
import { expectErrorShape } from './support/http';
import { callerOf, type TestApp, useTestApp } from './support/test-app';

const MISSING_ID = '2000000000';

describe.each(testBackends())('role grants on %s', (backend) => {
  let app: TestApp;
  useTestApp(backend, (started) => {
    app = started;
  });

  const call = callerOf(() => app);

  const grant = (as: User, person: User, role: Role, unit: OrgUnit) =>
    call('POST', '/role-grants', as, { userId: String(person.id), role, orgUnitId: String(unit.id) });

  const grantsOf = (person: User) => app.dataSource.getRepository(RoleGrant).findBy({ userId: person.id });

  describe('granting', () => {
    it('grants a role inside the granter’s subtree, and the new holder’s scope follows at once', async () => {
      const tree = await createTestTree(app.dataSource);
      const before = await call('GET', '/org-units', tree.users.workerB1);
      expect(before.status).toBe(403);

      const response = await grant(tree.users.staffCityB, tree.users.workerB1, Role.Officer, tree.units.enterpriseB1);
      expect(response.status).toBe(201);
      expect(response.body).toEqual({
        id: expect.stringMatching(/^\d+$/),
        role: Role.Officer,
        orgUnit: {
          id: String(tree.units.enterpriseB1.id),
          name: tree.units.enterpriseB1.name,
          kind: OrgKind.Enterprise,
        },
        user: { id: String(tree.users.workerB1.id), displayName: tree.users.workerB1.displayName },
        grantedBy: { id: String(tree.users.staffCityB.id), displayName: tree.users.staffCityB.displayName },
        createdAt: expect.stringMatching(/Z$/),
      });

      const after = await call('GET', '/org-units', tree.users.workerB1);
      expect(after.status).toBe(200);
      expect(after.body.items.map((unit: any) => unit.id)).toEqual([String(tree.units.enterpriseB1.id)]);
    });

    it('lets officers make officers of their own enterprise, and admins make admins', async () => {
      const tree = await createTestTree(app.dataSource);
      const officer = await grant(tree.users.officerA1, tree.users.workerA1, Role.Officer, tree.units.enterpriseA1);
      expect(officer.status).toBe(201);
      const admin = await grant(tree.users.adminProvince, tree.users.staffCityA, Role.Admin, tree.units.cityA);
      expect(admin.status).toBe(201);
    });

    it.each([
      ['an officer granting union staff', 'officerA1', 'workerA1', Role.UnionStaff, 'enterpriseA1'],
      ['an officer granting at another enterprise', 'officerA1', 'workerA1', Role.Officer, 'enterpriseA2'],
      ['union staff granting admin', 'staffCityA', 'staffCountyA', Role.Admin, 'countyA'],
      ['union staff granting above their own node', 'staffCityA', 'staffCountyA', Role.UnionStaff, 'province'],
      ['union staff granting in another city', 'staffCityA', 'staffCountyA', Role.Officer, 'enterpriseB1'],
    ] as const)('refuses %s as a grant above one’s own scope', async (_case, granter, person, role, unit) => {
      const tree = await createTestTree(app.dataSource);
      const before = (await grantsOf(tree.users[person])).length;
      const response = await grant(tree.users[granter], tree.users[person], role, tree.units[unit]);
      expect(response.status).toBe(403);
      expectErrorShape(response.body, OrgErrorCode.GrantAboveScope);
      expect((await grantsOf(tree.users[person])).length).toBe(before);
    });

    it('answers a node that does not exist like a node outside the scope', async () => {
      const tree = await createTestTree(app.dataSource);
      const outside = await grant(tree.users.officerA1, tree.users.workerA1, Role.Officer, tree.units.enterpriseB1);
      const missing = await call('POST', '/role-grants', tree.users.officerA1, {
        userId: String(tree.users.workerA1.id),
        role: Role.Officer,
        orgUnitId: MISSING_ID,
      });
      expect(missing.status).toBe(403);
      expect({ ...missing.body, requestId: null }).toEqual({ ...outside.body, requestId: null });
    });

    it.each([
      ['an officer role at a union', Role.Officer, 'cityA'],
      ['a union role at an enterprise', Role.UnionStaff, 'enterpriseA1'],
      ['a union role at a workplace', Role.UnionStaff, 'workplaceA1a'],
    ] as const)('refuses %s as the wrong kind of node', async (_case, role, unit) => {
      const tree = await createTestTree(app.dataSource);
      const response = await grant(tree.users.staffCityA, tree.users.staffCountyA, role, tree.units[unit]);
      expect(response.status).toBe(400);
      expectErrorShape(response.body, OrgErrorCode.GrantRoleNodeKind);
    });

    it('refuses a grant that exists, also when two identical requests race', async () => {
      const tree = await createTestTree(app.dataSource);
      const [left, right] = await Promise.all([
        grant(tree.users.staffCityA, tree.users.staffCountyA, Role.UnionStaff, tree.units.cityA),
        grant(tree.users.staffCityA, tree.users.staffCountyA, Role.UnionStaff, tree.units.cityA),
      ]);
      expect([left.status, right.status].sort()).toEqual([201, 409]);
      expectErrorShape((left.status === 409 ? left : right).body, OrgErrorCode.GrantExists);
      const retry = await grant(tree.users.staffCityA, tree.users.staffCountyA, Role.UnionStaff, tree.units.cityA);
      expect(retry.status).toBe(409);
      const held = (await grantsOf(tree.users.staffCountyA)).filter((row) => row.orgUnitId === tree.units.cityA.id);
      expect(held).toHaveLength(1);
    });

    it('leaves worker roles to enterprise binding', async () => {
      const tree = await createTestTree(app.dataSource);
      const response = await grant(tree.users.adminProvince, tree.users.nobody, Role.Worker, tree.units.enterpriseA1);
      expect(response.status).toBe(400);
      expectErrorShape(response.body, CommonErrorCode.ValidationFailed);
      expect(response.body.details).toEqual([{ field: 'role', message: expect.stringContaining('我在这里工作') }]);
    });

    it('grants only to people of the granter’s subtrees, or to newcomers who belong nowhere yet', async () => {
      const tree = await createTestTree(app.dataSource);
      const elsewhere = await grant(tree.users.officerA1, tree.users.workerB1, Role.Officer, tree.units.enterpriseA1);
      expect(elsewhere.status).toBe(404);
      expectErrorShape(elsewhere.body, CommonErrorCode.NotFound);
      expect(elsewhere.body.details).toEqual([{ field: 'userId', message: expect.any(String) }]);
      const missing = await call('POST', '/role-grants', tree.users.officerA1, {
        userId: MISSING_ID,
        role: Role.Officer,
        orgUnitId: String(tree.units.enterpriseA1.id),
      });
      expect({ ...missing.body, requestId: null }).toEqual({ ...elsewhere.body, requestId: null });

      const newcomer = await grant(tree.users.adminProvince, tree.users.nobody, Role.UnionStaff, tree.units.cityB);
      expect(newcomer.status).toBe(201);

      const disabled = await createUser(app.dataSource, {
        enterpriseId: tree.units.enterpriseA1.id,
        disabledAt: new Date(),
      });
      const refused = await grant(tree.users.officerA1, disabled, Role.Officer, tree.units.enterpriseA1);
      expect(refused.status).toBe(400);
      expectErrorShape(refused.body, CommonErrorCode.ValidationFailed);
    });

    it('refuses a grant at an archived node', async () => {
      const tree = await createTestTree(app.dataSource);
      const closed = await createOrgUnit(app.dataSource, { kind: OrgKind.Enterprise, parent: tree.units.countyA });
      await app.dataSource.getRepository(OrgUnit).update({ id: closed.id }, { archivedAt: new Date() });
      const response = await grant(tree.users.staffCountyA, tree.users.workerA1, Role.Officer, closed);
      expect(response.status).toBe(409);
      expectErrorShape(response.body, OrgErrorCode.NodeArchived);
    });

    it.each([
      ['a missing user', { role: Role.Officer, orgUnitId: '1' }],
      ['an unknown role', { userId: '1', role: 'chief', orgUnitId: '1' }],
      ['a numeric id', { userId: 1, role: Role.Officer, orgUnitId: '1' }],
      ['an unknown field', { userId: '1', role: Role.Officer, orgUnitId: '1', expiresAt: '2030-01-01' }],
    ])('refuses %s with a coded 400', async (_case, body) => {
      const tree = await createTestTree(app.dataSource);
      const response = await call('POST', '/role-grants', tree.users.adminProvince, body);
      expect(response.status).toBe(400);
      expectErrorShape(response.body, CommonErrorCode.ValidationFailed);
    });
  });

  describe('listing', () => {
    it('lists the grants at nodes in scope, worker grants included, narrowed by node, person and role', async () => {
      const tree = await createTestTree(app.dataSource);
      const { users, units } = tree;
      const all = await call('GET', '/role-grants', users.staffCityA);
      expect(all.status).toBe(200);
      const holders = all.body.items.map((item: any) => `${item.user.id}:${item.role}`).sort();
      expect(holders).toEqual(
        [
          `${users.staffCityA.id}:${Role.UnionStaff}`,
          `${users.staffCountyA.id}:${Role.UnionStaff}`,
          `${users.officerA1.id}:${Role.Officer}`,
          `${users.officerA2.id}:${Role.Officer}`,
          `${users.workerA1.id}:${Role.Worker}`,
        ].sort(),
      );
      expect(all.body.items[0]).toEqual(expect.objectContaining({ grantedBy: null, orgUnit: expect.any(Object) }));

      const county = await call('GET', `/role-grants?orgUnitId=${units.countyA.id}`, users.staffCityA);
      expect(county.body.items).toHaveLength(3);
      const officers = await call('GET', `/role-grants?role=${Role.Officer}`, users.staffCityA);
      expect(officers.body.items.map((item: any) => item.user.id).sort()).toEqual(
        [String(users.officerA1.id), String(users.officerA2.id)].sort(),
      );
      const one = await call('GET', `/role-grants?userId=${users.workerA1.id}`, users.officerA1);
      expect(one.body.items).toEqual([expect.objectContaining({ role: Role.Worker })]);
      const notMine = await call('GET', `/role-grants?userId=${users.workerB1.id}`, users.officerA1);
      expect(notMine.body.items).toEqual([]);

      const outside = await call('GET', `/role-grants?orgUnitId=${units.cityB.id}`, users.staffCityA);
      const missing = await call('GET', `/role-grants?orgUnitId=${MISSING_ID}`, users.staffCityA);
      expect(outside.status).toBe(404);
      expect({ ...outside.body, requestId: null }).toEqual({ ...missing.body, requestId: null });

      const worker = await call('GET', '/role-grants', users.workerA1);
      expect(worker.status).toBe(403);
      expectErrorShape(worker.body, AuthErrorCode.Forbidden);
    });

    it('walks the grants page by page without repeating or losing one', async () => {
      const tree = await createTestTree(app.dataSource);
      for (let index = 0; index < 6; index += 1) {
        const person = await createUser(app.dataSource, { enterpriseId: tree.units.enterpriseB1.id });
        await grantRole(app.dataSource, person, Role.Officer, tree.units.enterpriseB1);
      }
      const expected = (await app.dataSource.getRepository(RoleGrant).findBy({ orgUnitId: tree.units.enterpriseB1.id }))
        .map((row) => String(row.id))
        .sort((a, b) => Number(a) - Number(b));
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page: any = await call(
          'GET',
          `/role-grants?limit=3${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
          tree.users.officerB1,
        );
        expect(page.body.items.length).toBeLessThanOrEqual(3);
        seen.push(...page.body.items.map((item: any) => item.id));
        cursor = page.body.nextCursor;
      } while (cursor);
      expect(seen).toEqual(expected);
    });
  });

  describe('revoking', () => {
    let tree: TestTree;

    beforeEach(async () => {
      tree = await createTestTree(app.dataSource);
    });

    const grantIdOf = async (person: User, role: Role) => {
      const row = (await grantsOf(person)).find((held) => held.role === role);
      if (!row) throw new Error(`${person.displayName} holds no ${role} grant`);
      return row.id;
    };

    it('revokes a grant in scope, and the former holder loses its reach at once', async () => {
      const id = await grantIdOf(tree.users.officerA2, Role.Officer);
      const response = await call('DELETE', `/role-grants/${id}`, tree.users.staffCityA);
      expect(response.status).toBe(204);
      expect(await grantsOf(tree.users.officerA2)).toEqual([]);
      const after = await call('GET', `/org-units/${tree.units.enterpriseA2.id}`, tree.users.officerA2);
      expect(after.status).toBe(403);
    });

    it('refuses to revoke a role the revoker could not grant', async () => {
      const cityAdmin = await createUser(app.dataSource, { displayName: `县管理员-${tree.suffix}` });
      await grantRole(app.dataSource, cityAdmin, Role.Admin, tree.units.countyA);
      const response = await call(
        'DELETE',
        `/role-grants/${await grantIdOf(cityAdmin, Role.Admin)}`,
        tree.users.staffCityA,
      );
      expect(response.status).toBe(403);
      expectErrorShape(response.body, OrgErrorCode.GrantAboveScope);
      expect(await grantsOf(cityAdmin)).toHaveLength(1);
    });

    it('answers a grant outside the scope exactly like a missing one', async () => {
      const id = await grantIdOf(tree.users.officerB1, Role.Officer);
      const outside = await call('DELETE', `/role-grants/${id}`, tree.users.staffCityA);
      const missing = await call('DELETE', `/role-grants/${MISSING_ID}`, tree.users.staffCityA);
      expect(outside.status).toBe(404);
      expectErrorShape(outside.body, CommonErrorCode.NotFound);
      expect({ ...outside.body, requestId: null }).toEqual({ ...missing.body, requestId: null });
      expect(await grantsOf(tree.users.officerB1)).toHaveLength(1);
    });

    it('leaves worker grants to enterprise binding', async () => {
      const response = await call(
        'DELETE',
        `/role-grants/${await grantIdOf(tree.users.workerA1, Role.Worker)}`,
        tree.users.officerA1,
      );
      expect(response.status).toBe(400);
      expectErrorShape(response.body, CommonErrorCode.ValidationFailed);
      expect(await grantsOf(tree.users.workerA1)).toHaveLength(1);
    });

    it('never lets an admin revoke their own last admin grant', async () => {
      const admin = tree.users.adminProvince;
      const only = await call('DELETE', `/role-grants/${await grantIdOf(admin, Role.Admin)}`, admin);
      expect(only.status).toBe(400);
      expectErrorShape(only.body, CommonErrorCode.ValidationFailed);
      expect(only.body.message).toContain('唯一的系统管理员角色');

      await grantRole(app.dataSource, admin, Role.Admin, tree.units.cityA);
      const cityGrant = (await grantsOf(admin)).find((held) => held.orgUnitId === tree.units.cityA.id);
      const second = await call('DELETE', `/role-grants/${cityGrant?.id}`, admin);
      expect(second.status).toBe(204);
      expect(await grantsOf(admin)).toHaveLength(1);
    });
  });
});
