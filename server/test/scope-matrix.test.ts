import { AuthErrorCode, CommonErrorCode } from '@ankang/shared';
import { createTestTree, type TestTree } from './factories/tree.factory';
import { testBackends } from './support/backends';
import { expectErrorShape, type HttpResult, request } from './support/http';
import { accessTokenFor, startTestApp, type TestApp } from './support/test-app';

/**
 * The acceptance's scope matrix: each person of the test tree (see tree.factory.ts) against the org
 * nodes, the workplaces and the people of the tree, for list, get and update. In scope is allowed;
 * out of scope is refused with exactly the body a nonexistent id gets, and lists never hold a record
 * from outside the scope.
 *
 *   province ─┬─ cityA ─┬─ countyA ── enterpriseA1 ─┬─ workplaceA1a
 *             │         │                            └─ workplaceA1b
 *             │         └─ enterpriseA2 ── workplaceA2a
 *             └─ cityB ─── enterpriseB1 ── workplaceB1a
 */

type Actor = keyof TestTree['users'];
type OrgNode = 'province' | 'cityA' | 'countyA' | 'enterpriseA1' | 'enterpriseA2' | 'cityB' | 'enterpriseB1';
type Workplace = 'workplaceA1a' | 'workplaceA1b' | 'workplaceA2a' | 'workplaceB1a';
type Resource = 'org nodes' | 'workplaces' | 'people';

const ORG_NODES: OrgNode[] = ['province', 'cityA', 'countyA', 'enterpriseA1', 'enterpriseA2', 'cityB', 'enterpriseB1'];
const WORKPLACES: Workplace[] = ['workplaceA1a', 'workplaceA1b', 'workplaceA2a', 'workplaceB1a'];
const PEOPLE: Actor[] = [
  'adminProvince',
  'staffProvince',
  'staffCityA',
  'staffCountyA',
  'staffCityB',
  'officerA1',
  'officerA2',
  'officerB1',
  'workerA1',
  'workerB1',
  'nobody',
];
const PLACED_PEOPLE = PEOPLE.filter((person) => person !== 'nobody');
const NONE: never[] = [];

// One row per person and kind of record: what they may list and get, and what they may update.
// biome-ignore format: the table reads best aligned
const SCOPE_MATRIX: [Actor, Resource, readonly string[], readonly string[]][] = [
  // actor            resource        may list and get                                                          may update
  ['adminProvince',  'org nodes',  ORG_NODES,                                                                ORG_NODES],
  ['adminProvince',  'workplaces', WORKPLACES,                                                               WORKPLACES],
  ['adminProvince',  'people',     PLACED_PEOPLE,                                                            PLACED_PEOPLE],
  ['staffProvince',  'org nodes',  ORG_NODES,                                                                ORG_NODES],
  ['staffProvince',  'workplaces', WORKPLACES,                                                               WORKPLACES],
  ['staffProvince',  'people',     PLACED_PEOPLE,                                                            NONE],
  ['staffCityA',     'org nodes',  ['cityA', 'countyA', 'enterpriseA1', 'enterpriseA2'],                     ['cityA', 'countyA', 'enterpriseA1', 'enterpriseA2']],
  ['staffCityA',     'workplaces', ['workplaceA1a', 'workplaceA1b', 'workplaceA2a'],                         ['workplaceA1a', 'workplaceA1b', 'workplaceA2a']],
  ['staffCityA',     'people',     ['staffCityA', 'staffCountyA', 'officerA1', 'officerA2', 'workerA1'],     NONE],
  ['staffCountyA',   'org nodes',  ['countyA', 'enterpriseA1'],                                              ['countyA', 'enterpriseA1']],
  ['staffCountyA',   'workplaces', ['workplaceA1a', 'workplaceA1b'],                                         ['workplaceA1a', 'workplaceA1b']],
  ['staffCountyA',   'people',     ['staffCountyA', 'officerA1', 'workerA1'],                                NONE],
  ['staffCityB',     'org nodes',  ['cityB', 'enterpriseB1'],                                                ['cityB', 'enterpriseB1']],
  ['staffCityB',     'workplaces', ['workplaceB1a'],                                                         ['workplaceB1a']],
  ['staffCityB',     'people',     ['staffCityB', 'officerB1', 'workerB1'],                                  NONE],
  ['officerA1',      'org nodes',  ['enterpriseA1'],                                                         ['enterpriseA1']],
  ['officerA1',      'workplaces', ['workplaceA1a', 'workplaceA1b'],                                         ['workplaceA1a', 'workplaceA1b']],
  ['officerA1',      'people',     ['officerA1', 'workerA1'],                                                ['officerA1', 'workerA1']],
  ['officerA2',      'org nodes',  ['enterpriseA2'],                                                         ['enterpriseA2']],
  ['officerA2',      'workplaces', ['workplaceA2a'],                                                         ['workplaceA2a']],
  ['officerA2',      'people',     ['officerA2'],                                                            ['officerA2']],
  ['officerB1',      'org nodes',  ['enterpriseB1'],                                                         ['enterpriseB1']],
  ['officerB1',      'workplaces', ['workplaceB1a'],                                                         ['workplaceB1a']],
  ['officerB1',      'people',     ['officerB1', 'workerB1'],                                                ['officerB1', 'workerB1']],
  ['workerA1',       'org nodes',  NONE,                                                                     NONE],
  ['workerA1',       'workplaces', NONE,                                                                     NONE],
  ['workerA1',       'people',     NONE,                                                                     NONE],
  ['nobody',         'org nodes',  NONE,                                                                     NONE],
  ['nobody',         'workplaces', NONE,                                                                     NONE],
  ['nobody',         'people',     NONE,                                                                     NONE],
];

const MISSING_ID = '2000000000';

describe.each(testBackends())('scope matrix on %s', (backend) => {
  let app: TestApp;
  let tree: TestTree;

  beforeAll(async () => {
    app = await startTestApp(backend);
    // This file's database holds this one tree only, so a list item from anywhere else is a leak.
    tree = await createTestTree(app.dataSource);
  });

  afterAll(async () => {
    await app?.close();
  });

  const call = (method: string, path: string, actor: Actor, body?: unknown) =>
    request(method, `${app.baseUrl}${path}`, { token: accessTokenFor(app, tree.users[actor]), body });

  const idOf = (resource: Resource, name: string): string =>
    String(resource === 'people' ? tree.users[name as Actor].id : tree.units[name as OrgNode | Workplace].id);

  const universe = (resource: Resource): readonly string[] =>
    resource === 'org nodes' ? ORG_NODES : resource === 'workplaces' ? WORKPLACES : PEOPLE;

  const base = (resource: Resource) => (resource === 'people' ? '/users' : '/org-units');

  /** Every page of a listing, or the refusal of its first page. */
  async function walk(actor: Actor, path: string): Promise<{ refusal: HttpResult<any> | null; items: any[] }> {
    const items: any[] = [];
    let cursor: string | null = null;
    do {
      const separator = path.includes('?') ? '&' : '?';
      const page = await call(
        'GET',
        `${path}${separator}limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
        actor,
      );
      if (page.status !== 200) return { refusal: page, items };
      items.push(...page.body.items);
      cursor = page.body.nextCursor;
    } while (cursor);
    return { refusal: null, items };
  }

  /** What the actor can list of a kind of record: org lists start at their scope roots and go down. */
  async function listed(actor: Actor, resource: Resource): Promise<{ refusal: HttpResult<any> | null; ids: string[] }> {
    if (resource === 'people') {
      const people = await walk(actor, '/users');
      return { refusal: people.refusal, ids: people.items.map((item) => item.id) };
    }
    const roots = await walk(actor, '/org-units');
    if (roots.refusal) return { refusal: roots.refusal, ids: [] };
    const items = resource === 'org nodes' ? [...roots.items] : [];
    for (const root of roots.items) {
      const below = await walk(
        actor,
        `/org-units?withinId=${root.id}${resource === 'workplaces' ? '&kind=workplace' : ''}`,
      );
      expect(below.refusal).toBeNull();
      items.push(...below.items);
    }
    return {
      refusal: null,
      ids: items.filter((item) => (item.kind === 'workplace') === (resource === 'workplaces')).map((item) => item.id),
    };
  }

  /** A refusal must be indistinguishable from the answer for a record that does not exist. */
  function expectRefusedLikeMissing(refused: HttpResult<any>, missing: HttpResult<any>): void {
    expect([403, 404]).toContain(refused.status);
    expectErrorShape(refused.body, refused.status === 404 ? CommonErrorCode.NotFound : AuthErrorCode.Forbidden);
    expect(refused.status).toBe(missing.status);
    expect({ ...refused.body, requestId: null }).toEqual({ ...missing.body, requestId: null });
  }

  const harmlessChange = (resource: Resource) =>
    resource === 'people' ? { employeeNumber: 'SCOPE-MATRIX' } : { address: '范围矩阵测试地址' };

  describe.each(SCOPE_MATRIX)('%s × %s', (actor, resource, readable, updatable) => {
    it('lists exactly the records in scope', async () => {
      const result = await listed(actor, resource);
      if (readable.length === 0) {
        expect(result.refusal?.status).toBe(403);
        expectErrorShape(result.refusal?.body, AuthErrorCode.Forbidden);
        return;
      }
      expect(result.refusal).toBeNull();
      expect(new Set(result.ids).size).toBe(result.ids.length);
      expect([...result.ids].sort()).toEqual(readable.map((name) => idOf(resource, name)).sort());
    });

    it('gets each record in scope and is refused every other like a missing one', async () => {
      const missing = await call('GET', `${base(resource)}/${MISSING_ID}`, actor);
      for (const name of universe(resource)) {
        const response = await call('GET', `${base(resource)}/${idOf(resource, name)}`, actor);
        if (readable.includes(name)) {
          expect({ name, status: response.status }).toEqual({ name, status: 200 });
          expect(response.body.id).toBe(idOf(resource, name));
        } else {
          expectRefusedLikeMissing(response, missing);
        }
      }
    });

    it('updates each record in scope and is refused every other like a missing one', async () => {
      const change = harmlessChange(resource);
      const missing = await call('PATCH', `${base(resource)}/${MISSING_ID}`, actor, change);
      for (const name of universe(resource)) {
        const response = await call('PATCH', `${base(resource)}/${idOf(resource, name)}`, actor, change);
        if (updatable.includes(name)) {
          expect({ name, status: response.status }).toEqual({ name, status: 200 });
        } else if (readable.includes(name)) {
          // Seen but not theirs to change: refused, and no more revealed than they can already read.
          expect({ name, status: response.status }).toEqual({ name, status: 403 });
          expectErrorShape(response.body, AuthErrorCode.Forbidden);
        } else {
          expectRefusedLikeMissing(response, missing);
        }
      }
    });
  });
});
