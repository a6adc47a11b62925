import { BindingMode, BindingStatus, enumValues, Industry, OrgKind, Role, workplaceCodeProblem } from '@ankang/shared';
import { EnterpriseBinding } from '../src/bindings/enterprise-binding.entity';
import { Grid } from '../src/grids/grid.entity';
import { OrgUnit } from '../src/org/org-unit.entity';
import { RoleGrant } from '../src/org/role-grant.entity';
import {
  DEMO_BINDING_REQUESTS,
  DEMO_COLLEAGUES,
  DEMO_GRIDS,
  DEMO_ORG_UNITS,
  DEMO_USERNAMES,
  DEMO_USERS,
} from '../src/seed/demo-province';
import { type SeedResult, seedDemoProvince } from '../src/seed/seed-demo-province';
import { User } from '../src/users/user.entity';
import { UserWorkerGroup } from '../src/users/user-worker-group.entity';
import { testBackends } from './support/backends';
import { request } from './support/http';
import { startTestApp, type TestApp } from './support/test-app';

const KEY_INDUSTRIES = enumValues(Industry).filter((industry) => industry !== Industry.Other);

/** How deep a node sits: the province is 1, a city 2, a county 3. */
const depthOf = (path: string) => path.split('/').filter(Boolean).length;

describe.each(testBackends())('demo province on %s', (backend) => {
  let app: TestApp;
  let first: SeedResult;
  let units: OrgUnit[];
  let users: User[];

  beforeAll(async () => {
    app = await startTestApp(backend);
    const started = performance.now();
    first = await seedDemoProvince(app.dataSource);
    // Seeding runs at every start on an empty database: the figure goes into the test log.
    process.stdout.write(`[seed] demo province on ${backend} in ${Math.round(performance.now() - started)} ms\n`);
    units = await app.dataSource.getRepository(OrgUnit).find({ order: { id: 'ASC' } });
    users = await app.dataSource.getRepository(User).find({ relations: { workerGroups: true } });
  });

  afterAll(async () => {
    await app?.close();
  });

  const unitNamed = (name: string) => {
    const found = units.find((unit) => unit.name === name);
    if (!found) throw new Error(`no org unit named ${name}`);
    return found;
  };
  const userNamed = (username: string) => {
    const found = users.find((user) => user.username === username);
    if (!found) throw new Error(`no user ${username}`);
    return found;
  };

  it('writes the whole province in one run and says so', async () => {
    expect(first).toEqual({
      seeded: true,
      orgUnits: DEMO_ORG_UNITS.length,
      users: DEMO_USERS.length + DEMO_COLLEAGUES.length,
      grids: DEMO_GRIDS.length,
      bindingRequests: DEMO_BINDING_REQUESTS.length,
    });
    expect(units).toHaveLength(DEMO_ORG_UNITS.length);
    expect(users).toHaveLength(DEMO_USERS.length + DEMO_COLLEAGUES.length);
    expect(await app.dataSource.getRepository(Grid).count()).toBe(DEMO_GRIDS.length);
  });

  it('has a province with cities, counties and industry unions', () => {
    const root = units.filter((unit) => unit.parentId === null);
    expect(root).toEqual([expect.objectContaining({ kind: OrgKind.Union, name: '示范省总工会' })]);
    const unions = units.filter((unit) => unit.kind === OrgKind.Union);
    const underProvince = unions.filter((unit) => unit.parentId === root[0].id);
    expect(underProvince.filter((unit) => unit.name.endsWith('市总工会')).length).toBeGreaterThanOrEqual(3);
    expect(underProvince.map((unit) => unit.name)).toEqual(
      expect.arrayContaining(['东川市总工会', '西岭市总工会', '省能源化学地质工会', '省建设工会']),
    );
    expect(unions.filter((unit) => depthOf(unit.path) === 3).length).toBeGreaterThanOrEqual(2);
    expect(unitNamed('河口县总工会').parentId).toBe(unitNamed('东川市总工会').id);
  });

  it('has enterprises in all twelve key industries, each with a binding mode and two or three workplaces', () => {
    const enterprises = units.filter((unit) => unit.kind === OrgKind.Enterprise);
    expect(new Set(enterprises.map((unit) => unit.industry))).toEqual(new Set(KEY_INDUSTRIES));
    expect(new Set(enterprises.map((unit) => unit.bindingMode))).toEqual(new Set(enumValues(BindingMode)));
    for (const enterprise of enterprises) {
      const workplaces = units.filter((unit) => unit.parentId === enterprise.id);
      expect(workplaces.every((unit) => unit.kind === OrgKind.Workplace)).toBe(true);
      expect([2, 3]).toContain(workplaces.length);
      // Workplaces carry their enterprise's industry so that filters by industry need no join.
      for (const workplace of workplaces) expect(workplace.industry).toBe(enterprise.industry);
    }
  });

  it('keeps every path equal to its parent path plus its own id', () => {
    const byId = new Map(units.map((unit) => [unit.id, unit]));
    for (const unit of units) {
      const parentPath = unit.parentId === null ? '/' : byId.get(unit.parentId)?.path;
      expect(unit.path).toBe(`${parentPath}${unit.id}/`);
    }
  });

  it('gives every workplace a valid unique code and an address, and some coordinates', () => {
    const workplaces = units.filter((unit) => unit.kind === OrgKind.Workplace);
    const codes = workplaces.map((unit) => unit.code ?? '');
    for (const code of codes) {
      expect(workplaceCodeProblem(code)).toBeNull();
      expect(code).toMatch(/^[A-Z0-9-]{1,30}$/);
    }
    expect(new Set(codes).size).toBe(workplaces.length);
    expect(workplaces.every((unit) => Boolean(unit.address))).toBe(true);
    expect(workplaces.some((unit) => unit.latitude !== null && unit.longitude !== null)).toBe(true);
    expect(units.filter((unit) => unit.kind !== OrgKind.Workplace && unit.code !== null)).toEqual([]);
    const shaft = units.find((unit) => unit.code === 'HK-COAL-01');
    expect(shaft).toEqual(expect.objectContaining({ name: '主井口', parentId: unitNamed('河口煤业有限公司').id }));
  });

  it("puts each grid's workplaces inside its union's subtree, with a demo user as grid officer", async () => {
    const grids = await app.dataSource.getRepository(Grid).find();
    const byId = new Map(units.map((unit) => [unit.id, unit]));
    const demoUserIds = new Set(users.filter((user) => user.username !== null).map((user) => user.id));
    for (const grid of grids) {
      const union = byId.get(grid.unionId);
      expect(union?.kind).toBe(OrgKind.Union);
      expect(demoUserIds).toContain(grid.officerUserId);
      const members = units.filter((unit) => unit.gridId === grid.id);
      expect(members.length).toBeGreaterThan(0);
      for (const member of members) {
        expect(member.kind).toBe(OrgKind.Workplace);
        expect(member.path.startsWith(union?.path ?? '-')).toBe(true);
      }
    }
    expect(units.filter((unit) => unit.gridId !== null && unit.kind !== OrgKind.Workplace)).toEqual([]);
  });

  it('has demo users for every role at several levels of the tree', async () => {
    const grants = await app.dataSource
      .getRepository(RoleGrant)
      .find({ relations: { user: true, orgUnit: true } })
      .then((rows) => rows.filter((grant) => DEMO_USERNAMES.includes(grant.user?.username ?? '')));
    for (const role of enumValues(Role)) {
      const depths = new Set(
        grants.filter((grant) => grant.role === role).map((grant) => depthOf(grant.orgUnit?.path ?? '')),
      );
      expect({ role, levels: depths.size >= 2 }).toEqual({ role, levels: true });
    }
    const staffUnits = grants.filter((grant) => grant.role === Role.UnionStaff).map((grant) => grant.orgUnit?.name);
    expect(staffUnits).toEqual(
      expect.arrayContaining(['示范省总工会', '东川市总工会', '西岭市总工会', '河口县总工会', '省能源化学地质工会']),
    );
    const adminUnits = grants.filter((grant) => grant.role === Role.Admin).map((grant) => grant.orgUnit?.name);
    expect(adminUnits).toContain('示范省总工会');
  });

  it('binds workers to the enterprise of their worker grant, with employee numbers and worker groups', async () => {
    const grants = await app.dataSource.getRepository(RoleGrant).find({ where: { role: Role.Worker } });
    const workers = users.filter((user) => grants.some((grant) => grant.userId === user.id));
    expect(new Set(workers.map((user) => user.enterpriseId)).size).toBeGreaterThanOrEqual(3);
    for (const worker of workers) {
      expect(grants.find((grant) => grant.userId === worker.id)?.orgUnitId).toBe(worker.enterpriseId);
      expect(worker.employeeNumber).toEqual(expect.any(String));
    }
    const demoWorker = userNamed('demo-worker');
    expect(demoWorker).toEqual(
      expect.objectContaining({ displayName: '张建国', enterpriseId: unitNamed('河口煤业有限公司').id }),
    );
    expect(await app.dataSource.getRepository(UserWorkerGroup).countBy({ userId: demoWorker.id })).toBeGreaterThan(0);
    expect(workers.filter((user) => (user.workerGroups ?? []).length > 1).length).toBeGreaterThan(0);
  });

  it('leaves pending 「我在这里工作」 requests at an approval-mode enterprise for its demo officer', async () => {
    const pending = await app.dataSource
      .getRepository(EnterpriseBinding)
      .find({ where: { status: BindingStatus.Pending }, relations: { enterprise: true, workplace: true, user: true } });
    expect(pending).toHaveLength(DEMO_BINDING_REQUESTS.length);
    const officer = userNamed('demo-officer');
    expect(officer).toEqual(expect.objectContaining({ displayName: '王强', phone: '13800000011' }));
    for (const binding of pending) {
      expect(binding.enterprise?.bindingMode).toBe(BindingMode.Approval);
      expect(binding.enterpriseId).toBe(officer.enterpriseId);
      expect(binding.workplace?.parentId).toBe(binding.enterpriseId);
      expect(binding.user?.enterpriseId).toBeNull();
      expect(binding.createdAt.getTime()).toBeLessThan(Date.now());
    }
  });

  it('lists the demo users on the dev login picker, in order, with descriptions and roles', async () => {
    const response = await request('GET', `${app.baseUrl}/auth/dev-users`);
    expect(response.status).toBe(200);
    expect(response.body.map((user: { username: string }) => user.username)).toEqual([...DEMO_USERNAMES]);
    for (const [index, demo] of DEMO_USERS.entries()) {
      expect(response.body[index]).toEqual(
        expect.objectContaining({ displayName: demo.displayName, description: demo.description }),
      );
      expect(response.body[index].roles).toHaveLength(demo.grants.length);
    }
    const roles = new Set(response.body.flatMap((user: any) => user.roles.map((grant: any) => grant.role)));
    expect(roles).toEqual(new Set(enumValues(Role)));
  });

  it('reuses the province on a second run and writes nothing', async () => {
    const snapshot = async () => ({
      units: await app.dataSource.getRepository(OrgUnit).find({ order: { id: 'ASC' } }),
      users: await app.dataSource.getRepository(User).count(),
      grants: await app.dataSource.getRepository(RoleGrant).count(),
      groups: await app.dataSource.getRepository(UserWorkerGroup).count(),
      grids: await app.dataSource.getRepository(Grid).count(),
      bindings: await app.dataSource.getRepository(EnterpriseBinding).count(),
    });
    const before = await snapshot();
    const second = await seedDemoProvince(app.dataSource);
    expect(second).toEqual({ ...first, seeded: false });
    expect(await snapshot()).toEqual(before);
  });
});
