import {
  allowedChildKinds,
  BindingMode,
  enumValues,
  Industry,
  OrgKind,
  ROLE_NODE_KINDS,
  Role,
  workplaceCodeProblem,
} from '@ankang/shared';
import {
  DEMO_BINDING_REQUESTS,
  DEMO_COLLEAGUES,
  DEMO_GRIDS,
  DEMO_ORG_UNITS,
  DEMO_USERNAMES,
  DEMO_USERS,
  type DemoOrgUnit,
} from './demo-province';

/** The demo data checked before it ever reaches a database: a mistake here fails fast and by name. */
const unitsByKey = new Map(DEMO_ORG_UNITS.map((unit) => [unit.key, unit]));
const people = [...DEMO_USERS.map((user) => ({ key: user.username, ...user })), ...DEMO_COLLEAGUES];

function unit(key: string): DemoOrgUnit {
  const found = unitsByKey.get(key);
  if (!found) throw new Error(`unknown org unit ${key}`);
  return found;
}

/** The keys from the root down to `key`, itself included. */
function lineage(key: string): string[] {
  const chain: string[] = [];
  for (let current: string | null = key; current !== null; current = unit(current).parentKey) chain.unshift(current);
  return chain;
}

describe('demo province data', () => {
  it('has unique keys, one root union, and every parent listed before its children with an allowed kind', () => {
    expect(unitsByKey.size).toBe(DEMO_ORG_UNITS.length);
    expect(DEMO_ORG_UNITS.filter((demo) => demo.parentKey === null)).toEqual([
      expect.objectContaining({ kind: OrgKind.Union, name: '示范省总工会' }),
    ]);
    const seen = new Set<string>();
    for (const demo of DEMO_ORG_UNITS) {
      const parentKind = demo.parentKey === null ? null : unit(demo.parentKey).kind;
      if (demo.parentKey !== null) expect(seen).toContain(demo.parentKey);
      expect(allowedChildKinds(parentKind)).toContain(demo.kind);
      expect(demo.name.length).toBeLessThanOrEqual(100);
      seen.add(demo.key);
    }
  });

  it('has cities, counties under them and industry unions under the province', () => {
    const unions = DEMO_ORG_UNITS.filter((demo) => demo.kind === OrgKind.Union);
    const depthOf = (key: string) => lineage(key).length;
    const cities = unions.filter((demo) => depthOf(demo.key) === 2 && demo.name.endsWith('市总工会'));
    const industryUnions = unions.filter((demo) => depthOf(demo.key) === 2 && !demo.name.endsWith('市总工会'));
    const counties = unions.filter((demo) => depthOf(demo.key) === 3);
    expect(cities.map((city) => city.name)).toEqual(expect.arrayContaining(['东川市总工会', '西岭市总工会']));
    expect(cities.length).toBeGreaterThanOrEqual(3);
    expect(industryUnions.length).toBeGreaterThanOrEqual(2);
    expect(counties.length).toBeGreaterThanOrEqual(2);
    expect(unit('hekou')).toEqual(expect.objectContaining({ name: '河口县总工会', parentKey: 'dongchuan' }));
  });

  it('has enterprises in all twelve key industries, both binding modes, each with two or three workplaces', () => {
    const enterprises = DEMO_ORG_UNITS.filter((demo) => demo.kind === OrgKind.Enterprise);
    const keyIndustries = enumValues(Industry).filter((industry) => industry !== Industry.Other);
    expect(keyIndustries).toHaveLength(12);
    expect(new Set(enterprises.map((demo) => demo.industry))).toEqual(new Set(keyIndustries));
    expect(new Set(enterprises.map((demo) => demo.bindingMode))).toEqual(new Set(enumValues(BindingMode)));
    for (const enterprise of enterprises) {
      const workplaces = DEMO_ORG_UNITS.filter((demo) => demo.parentKey === enterprise.key);
      expect([2, 3]).toContain(workplaces.length);
    }
  });

  it('gives every workplace a unique code of capitals, digits and dashes that WeChat accepts, and an address', () => {
    const workplaces = DEMO_ORG_UNITS.filter((demo) => demo.kind === OrgKind.Workplace);
    const codes = workplaces.map((demo) => demo.code ?? '');
    for (const code of codes) {
      expect(code).toMatch(/^[A-Z0-9-]{1,30}$/);
      expect(workplaceCodeProblem(code)).toBeNull();
    }
    expect(new Set(codes).size).toBe(codes.length);
    for (const demo of workplaces) expect(demo.address).toEqual(expect.any(String));
    expect(
      workplaces.filter((demo) => demo.latitude !== undefined && demo.longitude !== undefined).length,
    ).toBeGreaterThan(3);
    expect(DEMO_ORG_UNITS.filter((demo) => demo.kind !== OrgKind.Workplace && demo.code !== undefined)).toEqual([]);
  });

  it("keeps the demo worker's workplace and enterprise that other tests and the e2e test open", () => {
    expect(DEMO_USERS[0]).toEqual(
      expect.objectContaining({ username: 'demo-worker', displayName: '张建国', enterpriseKey: 'coal' }),
    );
    expect(unit('coal')).toEqual(expect.objectContaining({ name: '河口煤业有限公司', industry: Industry.CoalMine }));
    expect(DEMO_ORG_UNITS.find((demo) => demo.code === 'HK-COAL-01')).toEqual(
      expect.objectContaining({ name: '主井口', parentKey: 'coal' }),
    );
  });

  it('names the demo users other tests log in as, uniquely, each with a description, phone and every role', () => {
    expect(DEMO_USERNAMES).toEqual(
      expect.arrayContaining([
        'demo-worker',
        'demo-officer',
        'demo-worker-chemicals',
        'demo-worker-construction',
        'demo-officer-chemicals',
        'demo-union-county',
        'demo-union-city',
        'demo-union-xiling',
        'demo-union-province',
        'demo-admin',
      ]),
    );
    expect(new Set(DEMO_USERNAMES).size).toBe(DEMO_USERNAMES.length);
    expect(new Set(people.map((person) => person.phone)).size).toBe(people.length);
    for (const user of DEMO_USERS) expect(user.description).toMatch(/[\u4e00-\u9fff]/);
    const roles = new Set(DEMO_USERS.flatMap((user) => user.grants.map((grant) => grant.role)));
    expect(roles).toEqual(new Set(enumValues(Role)));
    expect(DEMO_USERS.find((user) => user.username === 'demo-officer')).toEqual(
      expect.objectContaining({ displayName: '王强', phone: '13800000011', enterpriseKey: 'coal' }),
    );
  });

  it('grants each role at the kind of node it is held at, and binds workers to the enterprise of their grant', () => {
    for (const person of people) {
      for (const grant of person.grants) {
        expect(ROLE_NODE_KINDS[grant.role]).toContain(unit(grant.orgKey).kind);
        if (grant.role === Role.Worker || grant.role === Role.Officer) expect(person.enterpriseKey).toBe(grant.orgKey);
      }
      if (person.workerGroups) expect(person.employeeNumber).toEqual(expect.any(String));
    }
  });

  it('puts grids under unions, each with a demo user as grid officer and only workplaces of that union', () => {
    const gridKeys = new Set(DEMO_GRIDS.map((grid) => grid.key));
    expect(gridKeys.size).toBe(DEMO_GRIDS.length);
    for (const grid of DEMO_GRIDS) {
      expect(unit(grid.unionKey).kind).toBe(OrgKind.Union);
      expect(DEMO_USERNAMES).toContain(grid.officerUsername);
      const members = DEMO_ORG_UNITS.filter((demo) => demo.gridKey === grid.key);
      expect(members.length).toBeGreaterThan(0);
      for (const member of members) {
        expect(member.kind).toBe(OrgKind.Workplace);
        expect(lineage(member.key)).toContain(grid.unionKey);
      }
    }
    for (const demo of DEMO_ORG_UNITS) if (demo.gridKey) expect(gridKeys).toContain(demo.gridKey);
  });

  it('leaves pending requests only by unbound people at workplaces of enterprises that approve', () => {
    expect(DEMO_BINDING_REQUESTS.length).toBeGreaterThan(0);
    const keys = new Set(DEMO_BINDING_REQUESTS.map((request) => request.clientKey));
    expect(keys.size).toBe(DEMO_BINDING_REQUESTS.length);
    for (const request of DEMO_BINDING_REQUESTS) {
      expect(request.clientKey).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      const applicant = people.find((person) => person.key === request.applicant);
      expect(applicant).toEqual(expect.objectContaining({ grants: [] }));
      expect(applicant?.enterpriseKey).toBeUndefined();
      const workplace = unit(request.workplaceKey);
      expect(workplace.kind).toBe(OrgKind.Workplace);
      expect(unit(workplace.parentKey ?? '').bindingMode).toBe(BindingMode.Approval);
    }
  });
});
