import { AuthErrorCode, CommonErrorCode, Role, WorkerGroup } from '@ankang/shared';
import { AuthSession } from '../src/auth/auth-session.entity';
import { User } from '../src/users/user.entity';
import { UserWorkerGroup } from '../src/users/user-worker-group.entity';
import { createUser, grantRole, wechatCodeFor } from './factories/org.factory';
import { createTestTree, type TestTree } from './factories/tree.factory';
import { testBackends } from './support/backends';
import { expectErrorShape, request } from './support/http';
import { callerOf, type TestApp, useTestApp } from './support/test-app';

const MISSING_ID = '2000000000';

describe.each(testBackends())('users on %s', (backend) => {
  let app: TestApp;
  useTestApp(backend, (started) => {
    app = started;
  });

  const call = callerOf(() => app);

  const ids = (items: { id: string }[]) => items.map((item) => item.id).sort();
  const idsOf = (...people: User[]) => people.map((person) => String(person.id)).sort();

  describe('listing', () => {
    it('lists the people bound to an enterprise or holding a role in scope, phones masked', async () => {
      const tree = await createTestTree(app.dataSource);
      const { users } = tree;
      const officer = await call('GET', '/users', users.officerA1);
      expect(officer.status).toBe(200);
      expect(ids(officer.body.items)).toEqual(idsOf(users.officerA1, users.workerA1));
      const worker = officer.body.items.find((item: any) => item.id === String(users.workerA1.id));
      const phone = users.workerA1.phone ?? '';
      expect(worker).toEqual({
        id: String(users.workerA1.id),
        displayName: users.workerA1.displayName,
        phone: `${phone.slice(0, 3)}****${phone.slice(-4)}`,
        employeeNumber: null,
        workerGroups: [],
        enterprise: { id: String(tree.units.enterpriseA1.id), name: tree.units.enterpriseA1.name },
        roles: [
          {
            role: Role.Worker,
            orgUnitId: String(tree.units.enterpriseA1.id),
            orgUnitName: tree.units.enterpriseA1.name,
            orgUnitKind: 'enterprise',
          },
        ],
        disabled: false,
      });

      const city = await call('GET', '/users', users.staffCityA);
      expect(ids(city.body.items)).toEqual(
        idsOf(users.staffCityA, users.staffCountyA, users.officerA1, users.officerA2, users.workerA1),
      );
    });

    it('shows only the roles and the enterprise the caller may see', async () => {
      const tree = await createTestTree(app.dataSource);
      const both = await createUser(app.dataSource, {
        displayName: `两地兼职-${tree.suffix}`,
        enterpriseId: tree.units.enterpriseB1.id,
      });
      await grantRole(app.dataSource, both, Role.Officer, tree.units.enterpriseA1);
      await grantRole(app.dataSource, both, Role.UnionStaff, tree.units.cityB);

      const fromA = await call('GET', `/users/${both.id}`, tree.users.staffCityA);
      expect(fromA.status).toBe(200);
      expect(fromA.body.roles.map((role: any) => role.role)).toEqual([Role.Officer]);
      expect(fromA.body.enterprise).toBeNull();

      const fromProvince = await call('GET', `/users/${both.id}`, tree.users.staffProvince);
      expect(fromProvince.body.roles.map((role: any) => role.role).sort()).toEqual([Role.Officer, Role.UnionStaff]);
      expect(fromProvince.body.enterprise).toEqual({
        id: String(tree.units.enterpriseB1.id),
        name: tree.units.enterpriseB1.name,
      });
    });

    it('finds people by part of the name, the employee number, or the last digits of the phone only', async () => {
      const tree = await createTestTree(app.dataSource);
      const person = await createUser(app.dataSource, {
        displayName: `李_四%-${tree.suffix}`,
        phone: '13912345678',
        enterpriseId: tree.units.enterpriseA2.id,
      });
      await app.dataSource.getRepository(User).update({ id: person.id }, { employeeNumber: `EMP-${tree.suffix}` });
      // The factory's random phone could end in the same digits.
      await app.dataSource.getRepository(User).update({ id: tree.users.officerA2.id }, { phone: '13800000000' });
      const search = async (q: string) =>
        ids((await call('GET', `/users?q=${encodeURIComponent(q)}`, tree.users.officerA2)).body.items);

      expect(await search(`_四%-${tree.suffix}`)).toEqual(idsOf(person));
      expect(await search('李 四')).toEqual([]);
      expect(await search(`EMP-${tree.suffix}`)).toEqual(idsOf(person));
      expect(await search('5678')).toEqual(idsOf(person));
      expect(await search('678')).toEqual(idsOf(person));
      // The middle digits are masked in every list: they must not be searchable either.
      expect(await search('45678')).toEqual([]);
      expect(await search('1234')).toEqual([]);
      expect(await search('13912345678')).toEqual([]);
    });

    it('narrows by subtree, role and worker group', async () => {
      const tree = await createTestTree(app.dataSource);
      const { users } = tree;
      await app.dataSource
        .getRepository(UserWorkerGroup)
        .insert({ userId: users.workerA1.id, workerGroup: WorkerGroup.HighRisk });

      const county = await call('GET', `/users?orgUnitId=${tree.units.countyA.id}`, users.staffCityA);
      expect(ids(county.body.items)).toEqual(idsOf(users.staffCountyA, users.officerA1, users.workerA1));
      const officers = await call('GET', `/users?role=${Role.Officer}`, users.staffCityA);
      expect(ids(officers.body.items)).toEqual(idsOf(users.officerA1, users.officerA2));
      const highRisk = await call('GET', `/users?workerGroup=${WorkerGroup.HighRisk}`, users.staffCityA);
      expect(ids(highRisk.body.items)).toEqual(idsOf(users.workerA1));
      expect(highRisk.body.items[0].workerGroups).toEqual([WorkerGroup.HighRisk]);

      const outside = await call('GET', `/users?orgUnitId=${tree.units.cityB.id}`, users.staffCityA);
      const missing = await call('GET', `/users?orgUnitId=${MISSING_ID}`, users.staffCityA);
      expect(outside.status).toBe(404);
      expectErrorShape(outside.body, CommonErrorCode.NotFound);
      expect({ ...outside.body, requestId: null }).toEqual({ ...missing.body, requestId: null });
    });

    it('walks the list page by page without repeating or losing anyone', async () => {
      const tree = await createTestTree(app.dataSource);
      const people = [tree.users.officerB1, tree.users.workerB1];
      for (let index = 0; index < 9; index += 1) {
        people.push(
          await createUser(app.dataSource, {
            displayName: `乙一职工${index}`,
            enterpriseId: tree.units.enterpriseB1.id,
          }),
        );
      }
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page: any = await call(
          'GET',
          `/users?limit=4${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
          tree.users.officerB1,
        );
        expect(page.status).toBe(200);
        expect(page.body.items.length).toBeLessThanOrEqual(4);
        seen.push(...page.body.items.map((item: any) => item.id));
        cursor = page.body.nextCursor;
      } while (cursor);
      expect(seen).toEqual(people.map((person) => String(person.id)).sort((a, b) => Number(a) - Number(b)));
    });

    it.each([
      ['an unknown role', 'role=chief'],
      ['an unknown worker group', 'workerGroup=night_shift'],
      ['a malformed org unit id', 'orgUnitId=-1'],
      ['a tampered cursor', 'cursor=WyJhIl0'],
      ['a zero limit', 'limit=0'],
      ['an unknown filter', 'phone=139'],
    ])('refuses %s with a coded 400', async (_case, query) => {
      const tree = await createTestTree(app.dataSource);
      const response = await call('GET', `/users?${query}`, tree.users.adminProvince);
      expect(response.status).toBe(400);
      expectErrorShape(response.body, CommonErrorCode.ValidationFailed);
    });
  });

  describe('reading one person', () => {
    it('answers a person outside the scope exactly like a missing one', async () => {
      const tree = await createTestTree(app.dataSource);
      const inScope = await call('GET', `/users/${tree.users.workerA1.id}`, tree.users.officerA1);
      expect(inScope.status).toBe(200);
      const outside = await call('GET', `/users/${tree.users.workerB1.id}`, tree.users.officerA1);
      const missing = await call('GET', `/users/${MISSING_ID}`, tree.users.officerA1);
      expect(outside.status).toBe(404);
      expectErrorShape(outside.body, CommonErrorCode.NotFound);
      expect({ ...outside.body, requestId: null }).toEqual({ ...missing.body, requestId: null });
      const worker = await call('GET', `/users/${tree.users.workerA1.id}`, tree.users.workerA1);
      expect(worker.status).toBe(403);
      expectErrorShape(worker.body, AuthErrorCode.Forbidden);
    });
  });

  describe('editing', () => {
    let tree: TestTree;

    beforeEach(async () => {
      tree = await createTestTree(app.dataSource);
    });

    it('lets an officer edit a worker of their enterprise, replacing the worker groups as a set', async () => {
      const worker = tree.users.workerA1;
      await app.dataSource
        .getRepository(UserWorkerGroup)
        .insert({ userId: worker.id, workerGroup: WorkerGroup.NewHire });
      const response = await call('PATCH', `/users/${worker.id}`, tree.users.officerA1, {
        displayName: ' 张建国 ',
        employeeNumber: 'A1-0007',
        workerGroups: [WorkerGroup.SpecialOperations, WorkerGroup.HighRisk, WorkerGroup.HighRisk],
      });
      expect(response.status).toBe(200);
      expect(response.body).toEqual(
        expect.objectContaining({
          displayName: '张建国',
          employeeNumber: 'A1-0007',
          workerGroups: [WorkerGroup.SpecialOperations, WorkerGroup.HighRisk],
        }),
      );
      const rows = await app.dataSource.getRepository(UserWorkerGroup).findBy({ userId: worker.id });
      expect(rows.map((row) => row.workerGroup).sort()).toEqual([WorkerGroup.HighRisk, WorkerGroup.SpecialOperations]);

      const cleared = await call('PATCH', `/users/${worker.id}`, tree.users.officerA1, {
        employeeNumber: null,
        workerGroups: [],
      });
      expect(cleared.body).toEqual(
        expect.objectContaining({ employeeNumber: null, workerGroups: [], displayName: '张建国' }),
      );
    });

    it('disables an account and ends every session it has; enabling it again does not revive them', async () => {
      const login = await request('POST', `${app.baseUrl}/auth/wechat-login`, {
        body: { code: wechatCodeFor(`disable-${tree.suffix}`) },
      });
      expect(login.status).toBe(200);
      const me = await request('GET', `${app.baseUrl}/me`, { token: login.body.accessToken });
      const personId = Number(me.body.id);
      await app.dataSource.getRepository(User).update({ id: personId }, { enterpriseId: tree.units.enterpriseA1.id });

      const disabled = await call('PATCH', `/users/${personId}`, tree.users.officerA1, { disabled: true });
      expect(disabled.status).toBe(200);
      expect(disabled.body.disabled).toBe(true);
      const sessions = await app.dataSource.getRepository(AuthSession).findBy({ userId: personId });
      expect(sessions.length).toBeGreaterThan(0);
      expect(sessions.every((session) => session.revokedAt !== null)).toBe(true);
      // The access token they still hold stops working at once, not when it expires.
      const shutOut = await request('GET', `${app.baseUrl}/me`, { token: login.body.accessToken });
      expect(shutOut.status).toBe(403);
      expectErrorShape(shutOut.body, AuthErrorCode.UserDisabled);

      const enabled = await call('PATCH', `/users/${personId}`, tree.users.officerA1, { disabled: false });
      expect(enabled.body.disabled).toBe(false);
      const refresh = await request('POST', `${app.baseUrl}/auth/refresh`, {
        body: { refreshToken: login.body.refreshToken },
      });
      expect(refresh.status).toBe(401);
      expectErrorShape(refresh.body, AuthErrorCode.RefreshTokenInvalid);
    });

    it('refuses to edit someone who holds a role beyond the editor’s subtree', async () => {
      const cadre = await createUser(app.dataSource, {
        displayName: `挂职干部-${tree.suffix}`,
        enterpriseId: tree.units.enterpriseA1.id,
      });
      await grantRole(app.dataSource, cadre, Role.UnionStaff, tree.units.cityA);
      const visible = await call('GET', `/users/${cadre.id}`, tree.users.officerA1);
      expect(visible.status).toBe(200);
      const response = await call('PATCH', `/users/${cadre.id}`, tree.users.officerA1, { disabled: true });
      expect(response.status).toBe(403);
      expectErrorShape(response.body, AuthErrorCode.Forbidden);
      expect((await app.dataSource.getRepository(User).findOneByOrFail({ id: cadre.id })).disabledAt).toBeNull();

      const admin = await call('PATCH', `/users/${cadre.id}`, tree.users.adminProvince, { disabled: true });
      expect(admin.status).toBe(200);
    });

    it('refuses union staff, who may read people but not edit them, and anyone disabling themselves', async () => {
      const staff = await call('PATCH', `/users/${tree.users.workerA1.id}`, tree.users.staffCityA, {
        employeeNumber: 'X',
      });
      expect(staff.status).toBe(403);
      expectErrorShape(staff.body, AuthErrorCode.Forbidden);
      const self = await call('PATCH', `/users/${tree.users.adminProvince.id}`, tree.users.adminProvince, {
        disabled: true,
      });
      expect(self.status).toBe(400);
      expectErrorShape(self.body, CommonErrorCode.ValidationFailed);
      expect(self.body.details).toEqual([{ field: 'disabled', message: '不能停用自己的账号' }]);
    });

    it('answers an edit outside the scope exactly like an edit of a missing person', async () => {
      const outside = await call('PATCH', `/users/${tree.users.workerB1.id}`, tree.users.officerA1, {
        employeeNumber: 'X',
      });
      const missing = await call('PATCH', `/users/${MISSING_ID}`, tree.users.officerA1, { employeeNumber: 'X' });
      expect(outside.status).toBe(404);
      expect({ ...outside.body, requestId: null }).toEqual({ ...missing.body, requestId: null });
      expect(
        (await app.dataSource.getRepository(User).findOneByOrFail({ id: tree.users.workerB1.id })).employeeNumber,
      ).toBeNull();
    });

    it.each([
      ['a blank name', { displayName: '  ' }, 'displayName'],
      ['a null name', { displayName: null }, 'displayName'],
      ['a name over 32 characters', { displayName: '名'.repeat(33) }, 'displayName'],
      ['an employee number with a line break', { employeeNumber: 'A1\n01' }, 'employeeNumber'],
      ['an employee number over 32 characters', { employeeNumber: '1'.repeat(33) }, 'employeeNumber'],
      ['an unknown worker group', { workerGroups: ['night_shift'] }, 'workerGroups'],
      ['worker groups that are not a list', { workerGroups: 'high_risk' }, 'workerGroups'],
      ['a disabled flag that is not a boolean', { disabled: 'yes' }, 'disabled'],
      ['an unknown field', { phone: '13900000000' }, 'phone'],
    ])('refuses %s with a coded 400 naming the field and changes nothing', async (_case, body, field) => {
      const response = await call('PATCH', `/users/${tree.users.workerA1.id}`, tree.users.officerA1, body);
      expect(response.status).toBe(400);
      expectErrorShape(response.body, CommonErrorCode.ValidationFailed);
      expect(response.body.details).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
      const stored = await app.dataSource.getRepository(User).findOneByOrFail({ id: tree.users.workerA1.id });
      expect(stored.displayName).toBe(tree.users.workerA1.displayName);
      expect(stored.employeeNumber).toBeNull();
    });
  });
});
