import { AuthErrorCode, CommonErrorCode, OrgErrorCode, OrgKind } from '@ankang/shared';
import { Grid } from '../src/grids/grid.entity';
import { OrgUnit } from '../src/org/org-unit.entity';
import { createOrgUnit, createUser } from './factories/org.factory';
import { createTestTree, type TestTree } from './factories/tree.factory';
import { testBackends } from './support/backends';
import { expectErrorShape } from './support/http';
import { callerOf, type TestApp, useTestApp } from './support/test-app';

const MISSING_ID = '2000000000';

describe.each(testBackends())('grids on %s', (backend) => {
  let app: TestApp;
  useTestApp(backend, (started) => {
    app = started;
  });

  const call = callerOf(() => app);

  const createGrid = async (tree: TestTree, union: OrgUnit, name: string, officer?: { id: number }) => {
    const response = await call('POST', '/grids', tree.users.adminProvince, {
      unionId: String(union.id),
      name,
      ...(officer ? { officerUserId: String(officer.id) } : {}),
    });
    expect(response.status).toBe(201);
    return response.body;
  };

  const placeIn = (tree: TestTree, workplace: OrgUnit, gridId: string) =>
    call('PATCH', `/org-units/${workplace.id}`, tree.users.adminProvince, { gridId });

  describe('creating', () => {
    it('creates a grid under a union with an officer of its subtree, the phone masked', async () => {
      const tree = await createTestTree(app.dataSource);
      const response = await call('POST', '/grids', tree.users.staffCityA, {
        unionId: String(tree.units.countyA.id),
        name: '  甲县城关网格 ',
        officerUserId: String(tree.users.staffCountyA.id),
      });
      expect(response.status).toBe(201);
      const phone = tree.users.staffCountyA.phone ?? '';
      expect(response.body).toEqual({
        id: expect.stringMatching(/^\d+$/),
        unionId: String(tree.units.countyA.id),
        unionName: tree.units.countyA.name,
        name: '甲县城关网格',
        officer: {
          id: String(tree.users.staffCountyA.id),
          displayName: tree.users.staffCountyA.displayName,
          phone: `${phone.slice(0, 3)}****${phone.slice(-4)}`,
        },
        workplaceCount: 0,
        archived: false,
      });
    });

    it('takes as officer only someone bound to an enterprise or holding a role under the union', async () => {
      const tree = await createTestTree(app.dataSource);
      for (const person of [tree.users.officerB1, tree.users.nobody]) {
        const response = await call('POST', '/grids', tree.users.staffCityA, {
          unionId: String(tree.units.countyA.id),
          name: `网格-${person.id}`,
          officerUserId: String(person.id),
        });
        expect(response.status).toBe(404);
        expectErrorShape(response.body, CommonErrorCode.NotFound);
        expect(response.body.details).toEqual([{ field: 'officerUserId', message: expect.any(String) }]);
      }
      const disabled = await createUser(app.dataSource, {
        displayName: '已停用',
        enterpriseId: tree.units.enterpriseA1.id,
        disabledAt: new Date(),
      });
      const response = await call('POST', '/grids', tree.users.staffCityA, {
        unionId: String(tree.units.countyA.id),
        name: '停用网格员网格',
        officerUserId: String(disabled.id),
      });
      expect(response.status).toBe(400);
      expectErrorShape(response.body, CommonErrorCode.ValidationFailed);
      expect(await app.dataSource.getRepository(Grid).countBy({ unionId: tree.units.countyA.id })).toBe(0);
    });

    it('refuses places and people without the right: officers, other cities, enterprises, archived unions', async () => {
      const tree = await createTestTree(app.dataSource);
      const officer = await call('POST', '/grids', tree.users.officerA1, {
        unionId: String(tree.units.countyA.id),
        name: '安全员网格',
      });
      expect(officer.status).toBe(403);
      expectErrorShape(officer.body, AuthErrorCode.Forbidden);

      const otherCity = await call('POST', '/grids', tree.users.staffCityA, {
        unionId: String(tree.units.cityB.id),
        name: '乙市网格',
      });
      expect(otherCity.status).toBe(404);
      expect(otherCity.body.details).toEqual([{ field: 'unionId', message: expect.any(String) }]);

      const enterprise = await call('POST', '/grids', tree.users.staffCityA, {
        unionId: String(tree.units.enterpriseA1.id),
        name: '企业网格',
      });
      expect(enterprise.status).toBe(400);
      expectErrorShape(enterprise.body, CommonErrorCode.ValidationFailed);
      expect(enterprise.body.details).toEqual([{ field: 'unionId', message: '网格只能设在工会之下' }]);

      const archivedUnion = await createOrgUnit(app.dataSource, { kind: OrgKind.Union, parent: tree.units.cityA });
      await app.dataSource.getRepository(OrgUnit).update({ id: archivedUnion.id }, { archivedAt: new Date() });
      const archived = await call('POST', '/grids', tree.users.staffCityA, {
        unionId: String(archivedUnion.id),
        name: '归档工会网格',
      });
      expect(archived.status).toBe(409);
      expectErrorShape(archived.body, OrgErrorCode.NodeArchived);
    });

    it('keeps names unique within a union, also for two requests racing', async () => {
      const tree = await createTestTree(app.dataSource);
      const body = { unionId: String(tree.units.countyA.id), name: '城关网格' };
      const [left, right] = await Promise.all([
        call('POST', '/grids', tree.users.staffCountyA, body),
        call('POST', '/grids', tree.users.staffCountyA, body),
      ]);
      expect([left.status, right.status].sort()).toEqual([201, 400]);
      const refused = left.status === 400 ? left : right;
      expectErrorShape(refused.body, CommonErrorCode.ValidationFailed);
      expect(refused.body.details).toEqual([{ field: 'name', message: '该工会下已有同名网格' }]);
      const elsewhere = await call('POST', '/grids', tree.users.staffCityA, {
        ...body,
        unionId: String(tree.units.cityA.id),
      });
      expect(elsewhere.status).toBe(201);
    });

    it.each([
      ['a blank name', { name: ' ' }],
      ['a name over 100 characters', { name: '网'.repeat(101) }],
      ['a malformed union id', { unionId: 'city-a', name: '网格' }],
      ['a malformed officer id', { name: '网格', officerUserId: 12 }],
      ['a null officer', { name: '网格', officerUserId: null }],
      ['an unknown field', { name: '网格', color: 'red' }],
    ])('refuses %s with a coded 400', async (_case, fields) => {
      const tree = await createTestTree(app.dataSource);
      const response = await call('POST', '/grids', tree.users.adminProvince, {
        unionId: String(tree.units.countyA.id),
        ...fields,
      });
      expect(response.status).toBe(400);
      expectErrorShape(response.body, CommonErrorCode.ValidationFailed);
      expect(response.body.details[0]).toEqual({
        field: expect.any(String),
        message: expect.stringMatching(/[\u4e00-\u9fff]/),
      });
    });
  });

  describe('reading', () => {
    it('lists the grids of the unions in scope, by union subtree and by name, counting active workplaces', async () => {
      const tree = await createTestTree(app.dataSource);
      const county = await createGrid(tree, tree.units.countyA, '甲县网格');
      const city = await createGrid(tree, tree.units.cityA, '甲市网格');
      const cityB = await createGrid(tree, tree.units.cityB, '乙市网格');
      expect((await placeIn(tree, tree.units.workplaceA1a, county.id)).status).toBe(200);
      expect((await placeIn(tree, tree.units.workplaceA1b, county.id)).status).toBe(200);
      await app.dataSource
        .getRepository(OrgUnit)
        .update({ id: tree.units.workplaceA1b.id }, { archivedAt: new Date() });

      const all = await call('GET', '/grids', tree.users.staffCityA);
      expect(all.status).toBe(200);
      expect(all.body.items.map((grid: any) => grid.id)).toEqual([county.id, city.id]);
      expect(all.body.items[0]).toEqual(
        expect.objectContaining({ workplaceCount: 1, unionName: tree.units.countyA.name }),
      );

      const underCounty = await call('GET', `/grids?unionId=${tree.units.countyA.id}`, tree.users.staffCityA);
      expect(underCounty.body.items.map((grid: any) => grid.id)).toEqual([county.id]);
      const byName = await call('GET', `/grids?q=${encodeURIComponent('市网')}`, tree.users.staffProvince);
      expect(byName.body.items.map((grid: any) => grid.id)).toEqual(expect.arrayContaining([city.id, cityB.id]));
      expect(byName.body.items.map((grid: any) => grid.id)).not.toContain(county.id);

      const outside = await call('GET', `/grids?unionId=${tree.units.cityB.id}`, tree.users.staffCityA);
      expect(outside.status).toBe(404);
      expectErrorShape(outside.body, CommonErrorCode.NotFound);

      const officer = await call('GET', '/grids', tree.users.officerA1);
      expect(officer.body).toEqual({ items: [], nextCursor: null });
    });

    it('walks the grid list page by page without repeating or losing one', async () => {
      const tree = await createTestTree(app.dataSource);
      const created: string[] = [];
      for (let index = 0; index < 7; index += 1)
        created.push((await createGrid(tree, tree.units.cityB, `网格${index}`)).id);
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page: any = await call(
          'GET',
          `/grids?unionId=${tree.units.cityB.id}&limit=3${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
          tree.users.staffCityB,
        );
        expect(page.body.items.length).toBeLessThanOrEqual(3);
        seen.push(...page.body.items.map((grid: any) => grid.id));
        cursor = page.body.nextCursor;
      } while (cursor);
      expect(seen).toEqual(created);
    });

    it('answers a grid outside the scope exactly like a missing one', async () => {
      const tree = await createTestTree(app.dataSource);
      const grid = await createGrid(tree, tree.units.cityB, '乙市网格');
      const inScope = await call('GET', `/grids/${grid.id}`, tree.users.staffCityB);
      expect(inScope.status).toBe(200);
      expect(inScope.body.id).toBe(grid.id);
      const outside = await call('GET', `/grids/${grid.id}`, tree.users.staffCityA);
      const missing = await call('GET', `/grids/${MISSING_ID}`, tree.users.staffCityA);
      expect(outside.status).toBe(404);
      expectErrorShape(outside.body, CommonErrorCode.NotFound);
      expect({ ...outside.body, requestId: null }).toEqual({ ...missing.body, requestId: null });
      const update = await call('PATCH', `/grids/${grid.id}`, tree.users.staffCityA, { name: '越权' });
      const updateMissing = await call('PATCH', `/grids/${MISSING_ID}`, tree.users.staffCityA, { name: '越权' });
      expect(update.status).toBe(404);
      expect({ ...update.body, requestId: null }).toEqual({ ...updateMissing.body, requestId: null });
    });
  });

  describe('changing', () => {
    it('renames a grid and changes or removes its officer', async () => {
      const tree = await createTestTree(app.dataSource);
      const grid = await createGrid(tree, tree.units.countyA, '原网格');
      const renamed = await call('PATCH', `/grids/${grid.id}`, tree.users.staffCountyA, {
        name: '新网格',
        officerUserId: String(tree.users.officerA1.id),
      });
      expect(renamed.status).toBe(200);
      expect(renamed.body).toEqual(
        expect.objectContaining({
          name: '新网格',
          officer: expect.objectContaining({ id: String(tree.users.officerA1.id) }),
        }),
      );
      const removed = await call('PATCH', `/grids/${grid.id}`, tree.users.staffCountyA, { officerUserId: null });
      expect(removed.body.officer).toBeNull();
      const outsider = await call('PATCH', `/grids/${grid.id}`, tree.users.staffCountyA, {
        officerUserId: String(tree.users.officerA2.id),
      });
      expect(outsider.status).toBe(404);
      expect(outsider.body.details).toEqual([{ field: 'officerUserId', message: expect.any(String) }]);
    });

    it('archives a grid once, releasing its workplaces; an archived grid no longer changes or takes workplaces', async () => {
      const tree = await createTestTree(app.dataSource);
      const grid = await createGrid(tree, tree.units.countyA, '待归档网格');
      await placeIn(tree, tree.units.workplaceA1a, grid.id);
      const archived = await call('POST', `/grids/${grid.id}/archive`, tree.users.staffCountyA);
      expect(archived.status).toBe(200);
      expect(archived.body).toEqual(expect.objectContaining({ archived: true, workplaceCount: 0 }));
      const again = await call('POST', `/grids/${grid.id}/archive`, tree.users.staffCountyA);
      expect(again.status).toBe(200);
      expect(
        (await app.dataSource.getRepository(OrgUnit).findOneByOrFail({ id: tree.units.workplaceA1a.id })).gridId,
      ).toBeNull();

      const listed = await call('GET', `/grids?unionId=${tree.units.countyA.id}`, tree.users.staffCountyA);
      expect(listed.body.items).toEqual([]);
      const withArchived = await call(
        'GET',
        `/grids?unionId=${tree.units.countyA.id}&includeArchived=true`,
        tree.users.staffCountyA,
      );
      expect(withArchived.body.items.map((item: any) => item.id)).toEqual([grid.id]);

      const rename = await call('PATCH', `/grids/${grid.id}`, tree.users.staffCountyA, { name: '复活' });
      expect(rename.status).toBe(409);
      expectErrorShape(rename.body, OrgErrorCode.NodeArchived);
      expect(rename.body.message).toBe('该网格已归档，不能再修改');
      const place = await placeIn(tree, tree.units.workplaceA1b, grid.id);
      expect(place.status).toBe(409);
      expectErrorShape(place.body, OrgErrorCode.NodeArchived);
    });

    it('lets only grid managers of the union change it', async () => {
      const tree = await createTestTree(app.dataSource);
      const grid = await createGrid(tree, tree.units.cityA, '甲市网格');
      const county = await call('PATCH', `/grids/${grid.id}`, tree.users.staffCountyA, { name: '县改市' });
      expect(county.status).toBe(404);
      const officer = await call('POST', `/grids/${grid.id}/archive`, tree.users.officerA1);
      expect(officer.status).toBe(403);
      expectErrorShape(officer.body, AuthErrorCode.Forbidden);
      const province = await call('PATCH', `/grids/${grid.id}`, tree.users.staffProvince, { name: '省改市' });
      expect(province.status).toBe(200);
    });
  });
});
