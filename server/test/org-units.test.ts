import { AuthErrorCode, BindingMode, CommonErrorCode, Industry, OrgErrorCode, OrgKind, Role } from '@ankang/shared';
import { Grid } from '../src/grids/grid.entity';
import { OrgUnit } from '../src/org/org-unit.entity';
import { createOrgUnit, createUser, grantRole } from './factories/org.factory';
import { createTestTree, type TestTree } from './factories/tree.factory';
import { testBackends } from './support/backends';
import { expectErrorShape } from './support/http';
import { callerOf, type TestApp, useTestApp } from './support/test-app';

const MISSING_ID = '2000000000';

describe.each(testBackends())('org units on %s', (backend) => {
  let app: TestApp;
  useTestApp(backend, (started) => {
    app = started;
  });

  const call = callerOf(() => app);

  /** Every item of a listing from `cursor` on, following nextCursor page by page. */
  async function walk(path: string, as: { id: number }, limit: number, cursor: string | null = null): Promise<any[]> {
    const items: any[] = [];
    do {
      const separator = path.includes('?') ? '&' : '?';
      const page = await call(
        'GET',
        `${path}${separator}limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
        as,
      );
      expect(page.status).toBe(200);
      expect(page.body.items.length).toBeLessThanOrEqual(limit);
      items.push(...page.body.items);
      cursor = page.body.nextCursor;
    } while (cursor);
    return items;
  }

  const unitIn = (id: string | number) => app.dataSource.getRepository(OrgUnit).findOneByOrFail({ id: Number(id) });
  const ids = (items: { id: string }[]) => items.map((item) => item.id);
  const idOf = (unit: OrgUnit) => String(unit.id);

  describe('listing', () => {
    let tree: TestTree;

    beforeAll(async () => {
      tree = await createTestTree(app.dataSource);
    });

    it.each([
      ['adminProvince', 'province'],
      ['staffCityA', 'cityA'],
      ['staffCountyA', 'countyA'],
      ['officerA1', 'enterpriseA1'],
    ] as const)('lists the scope roots of %s without a parent', async (actor, root) => {
      const response = await call('GET', '/org-units', tree.users[actor]);
      expect(response.status).toBe(200);
      expect(response.body).toEqual({
        items: [expect.objectContaining({ id: idOf(tree.units[root]) })],
        nextCursor: null,
      });
    });

    it('lists direct children in tree order with their active child counts', async () => {
      const response = await call('GET', `/org-units?parentId=${tree.units.cityA.id}`, tree.users.staffCityA);
      expect(response.status).toBe(200);
      const children = [tree.units.countyA, tree.units.enterpriseA2].sort((a, b) => (a.path < b.path ? -1 : 1));
      expect(ids(response.body.items)).toEqual(children.map(idOf));
      const county = response.body.items.find((item: any) => item.id === idOf(tree.units.countyA));
      expect(county).toEqual(
        expect.objectContaining({
          kind: OrgKind.Union,
          parentId: idOf(tree.units.cityA),
          childCount: 1,
          archived: false,
          code: null,
        }),
      );
      const enterprise = response.body.items.find((item: any) => item.id === idOf(tree.units.enterpriseA2));
      expect(enterprise).toEqual(
        expect.objectContaining({
          industry: Industry.HazardousChemicals,
          bindingMode: BindingMode.Approval,
          childCount: 1,
        }),
      );
    });

    it('lists every descendant of a kind within a node, in tree order and without the node itself', async () => {
      const response = await call(
        'GET',
        `/org-units?withinId=${tree.units.province.id}&kind=workplace`,
        tree.users.staffProvince,
      );
      expect(response.status).toBe(200);
      const workplaces = [
        tree.units.workplaceA1a,
        tree.units.workplaceA1b,
        tree.units.workplaceA2a,
        tree.units.workplaceB1a,
      ].sort((a, b) => (a.path < b.path ? -1 : 1));
      expect(ids(response.body.items)).toEqual(workplaces.map(idOf));
      expect(response.body.items[0]).toEqual(expect.objectContaining({ childCount: 0, code: expect.any(String) }));

      const all = await call('GET', `/org-units?withinId=${tree.units.cityA.id}`, tree.users.staffCityA);
      expect(ids(all.body.items)).not.toContain(idOf(tree.units.cityA));
      expect(all.body.items).toHaveLength(6);
    });

    it('filters by part of the name or code, treating % and _ as plain characters', async () => {
      const tree = await createTestTree(app.dataSource);
      const enterprise = await createOrgUnit(app.dataSource, { kind: OrgKind.Enterprise, parent: tree.units.countyA });
      const literal = await createOrgUnit(app.dataSource, {
        kind: OrgKind.Workplace,
        parent: enterprise,
        name: '达标率100%车间',
      });
      await createOrgUnit(app.dataSource, { kind: OrgKind.Workplace, parent: enterprise, name: '达标率1000车间' });
      const byName = await call(
        'GET',
        `/org-units?withinId=${enterprise.id}&q=${encodeURIComponent('100%')}`,
        tree.users.staffCountyA,
      );
      expect(ids(byName.body.items)).toEqual([idOf(literal)]);

      const byCode = await call(
        'GET',
        `/org-units?withinId=${tree.units.province.id}&q=${encodeURIComponent(tree.units.workplaceB1a.code ?? '')}`,
        tree.users.adminProvince,
      );
      expect(ids(byCode.body.items)).toEqual([idOf(tree.units.workplaceB1a)]);
    });

    it('walks a long listing page by page without repeating or losing an item, even while rows are added', async () => {
      const tree = await createTestTree(app.dataSource);
      const enterprise = await createOrgUnit(app.dataSource, { kind: OrgKind.Enterprise, parent: tree.units.cityB });
      for (let index = 0; index < 23; index += 1) {
        await createOrgUnit(app.dataSource, { kind: OrgKind.Workplace, parent: enterprise });
      }
      const inTreeOrder = async () =>
        (await app.dataSource.getRepository(OrgUnit).findBy({ parentId: enterprise.id })).sort((a, b) =>
          a.path < b.path ? -1 : 1,
        );
      const existing = await inTreeOrder();

      const first = await call(
        'GET',
        `/org-units?withinId=${enterprise.id}&kind=workplace&limit=5`,
        tree.users.staffCityB,
      );
      expect(ids(first.body.items)).toEqual(existing.slice(0, 5).map(idOf));
      // A row written between pages appears once if it sorts after the cursor, and never twice.
      const late = await createOrgUnit(app.dataSource, { kind: OrgKind.Workplace, parent: enterprise });
      const rest = await walk(
        `/org-units?withinId=${enterprise.id}&kind=workplace`,
        tree.users.staffCityB,
        5,
        first.body.nextCursor,
      );
      const walked = [...ids(first.body.items), ...ids(rest)];
      const lateIsAhead = late.path > existing[4].path;
      const all = (await inTreeOrder()).filter((unit) => unit.id !== late.id || lateIsAhead);
      expect(walked).toEqual(all.map(idOf));
      expect(new Set(walked).size).toBe(walked.length);

      const children = await walk(`/org-units?parentId=${enterprise.id}`, tree.users.staffCityB, 4);
      expect(ids(children)).toEqual((await inTreeOrder()).map(idOf));
    });

    it('refuses a tampered cursor, a bad kind and both anchors at once with coded 400s', async () => {
      for (const query of [
        'cursor=bm90LWpzb24',
        'kind=factory',
        `parentId=${tree.units.cityA.id}&withinId=${tree.units.cityA.id}`,
        'limit=1000',
        'includeArchived=maybe',
      ]) {
        const response = await call('GET', `/org-units?${query}`, tree.users.adminProvince);
        expect(response.status).toBe(400);
        expectErrorShape(response.body, CommonErrorCode.ValidationFailed);
        expect(response.body.details[0]).toEqual({
          field: expect.any(String),
          message: expect.stringMatching(/[\u4e00-\u9fff]/),
        });
      }
    });

    it('answers an anchor outside the scope exactly like a missing one', async () => {
      const outside = await call('GET', `/org-units?withinId=${tree.units.cityB.id}`, tree.users.staffCityA);
      const missing = await call('GET', `/org-units?withinId=${MISSING_ID}`, tree.users.staffCityA);
      expect(outside.status).toBe(404);
      expectErrorShape(outside.body, CommonErrorCode.NotFound);
      expect({ ...outside.body, requestId: null }).toEqual({ ...missing.body, requestId: null });
    });
  });

  describe('details', () => {
    it('shows ancestors only as far up as the caller may see', async () => {
      const tree = await createTestTree(app.dataSource);
      const county = await call('GET', `/org-units/${tree.units.workplaceA1a.id}`, tree.users.staffCountyA);
      expect(county.status).toBe(200);
      expect(county.body.ancestors).toEqual([
        { id: idOf(tree.units.countyA), name: tree.units.countyA.name, kind: OrgKind.Union },
        { id: idOf(tree.units.enterpriseA1), name: tree.units.enterpriseA1.name, kind: OrgKind.Enterprise },
      ]);
      expect(county.body).toEqual(
        expect.objectContaining({
          id: idOf(tree.units.workplaceA1a),
          code: tree.units.workplaceA1a.code,
          industry: Industry.CoalMine,
          createdAt: expect.stringMatching(/Z$/),
          updatedAt: expect.stringMatching(/Z$/),
        }),
      );
      const admin = await call('GET', `/org-units/${tree.units.workplaceA1a.id}`, tree.users.adminProvince);
      expect(ids(admin.body.ancestors)).toEqual(
        [tree.units.province, tree.units.cityA, tree.units.countyA, tree.units.enterpriseA1].map(idOf),
      );
      const officer = await call('GET', `/org-units/${tree.units.enterpriseA1.id}`, tree.users.officerA1);
      expect(officer.body).toEqual(expect.objectContaining({ ancestors: [], childCount: 2 }));
    });

    it('answers a missing id with 404 and a malformed one with a coded 400', async () => {
      const tree = await createTestTree(app.dataSource);
      const missing = await call('GET', `/org-units/${MISSING_ID}`, tree.users.adminProvince);
      expect(missing.status).toBe(404);
      expectErrorShape(missing.body, CommonErrorCode.NotFound);
      const malformed = await call('GET', '/org-units/12abc', tree.users.adminProvince);
      expect(malformed.status).toBe(400);
      expectErrorShape(malformed.body, CommonErrorCode.ValidationFailed);
      expect(malformed.body.details).toEqual([{ field: 'id', message: expect.any(String) }]);
    });
  });

  describe('creating', () => {
    let tree: TestTree;

    beforeAll(async () => {
      tree = await createTestTree(app.dataSource);
    });

    it('lets an admin build a union, an enterprise and its workplaces, which inherit the industry', async () => {
      const admin = tree.users.adminProvince;
      const union = await call('POST', '/org-units', admin, {
        parentId: idOf(tree.units.cityB),
        kind: OrgKind.Union,
        name: '  乙县总工会  ',
      });
      expect(union.status).toBe(201);
      expect(union.body).toEqual(
        expect.objectContaining({
          kind: OrgKind.Union,
          name: '乙县总工会',
          parentId: idOf(tree.units.cityB),
          industry: null,
          bindingMode: null,
          ancestors: [
            expect.objectContaining({ id: idOf(tree.units.province) }),
            expect.objectContaining({ id: idOf(tree.units.cityB) }),
          ],
        }),
      );
      expect((await unitIn(union.body.id)).path).toBe(`${tree.units.cityB.path}${union.body.id}/`);

      const enterprise = await call('POST', '/org-units', admin, {
        parentId: union.body.id,
        kind: OrgKind.Enterprise,
        name: '乙县燃气公司',
        industry: Industry.CityGas,
        address: '乙县燃气路 1 号',
        latitude: 36.6,
        longitude: 101.77,
      });
      expect(enterprise.status).toBe(201);
      expect(enterprise.body).toEqual(
        expect.objectContaining({ industry: Industry.CityGas, bindingMode: BindingMode.Approval, latitude: 36.6 }),
      );

      const named = await call('POST', '/org-units', admin, {
        parentId: enterprise.body.id,
        kind: OrgKind.Workplace,
        name: '调压站',
        code: `GAS-${tree.suffix}`,
      });
      expect(named.status).toBe(201);
      expect(named.body).toEqual(expect.objectContaining({ code: `GAS-${tree.suffix}`, industry: Industry.CityGas }));

      const generated = await call('POST', '/org-units', admin, {
        parentId: enterprise.body.id,
        kind: OrgKind.Workplace,
        name: '储配站',
      });
      expect(generated.status).toBe(201);
      expect(generated.body.code).toMatch(/^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{8}$/);
      expect(generated.body.industry).toBe(Industry.CityGas);

      const parent = await call('GET', `/org-units/${enterprise.body.id}`, admin);
      expect(parent.body.childCount).toBe(2);
    });

    it('lets an officer add workplaces to their own enterprise only', async () => {
      const own = await call('POST', '/org-units', tree.users.officerA1, {
        parentId: idOf(tree.units.enterpriseA1),
        kind: OrgKind.Workplace,
        name: '甲一副井',
      });
      expect(own.status).toBe(201);
      expect(own.body.ancestors).toEqual([expect.objectContaining({ id: idOf(tree.units.enterpriseA1) })]);

      const other = await call('POST', '/org-units', tree.users.officerA1, {
        parentId: idOf(tree.units.enterpriseA2),
        kind: OrgKind.Workplace,
        name: '越权场所',
      });
      expect(other.status).toBe(404);
      expectErrorShape(other.body, CommonErrorCode.NotFound);
      expect(other.body.details).toEqual([{ field: 'parentId', message: expect.any(String) }]);

      const enterprise = await call('POST', '/org-units', tree.users.officerA1, {
        parentId: idOf(tree.units.enterpriseA1),
        kind: OrgKind.Enterprise,
        name: '子公司',
        industry: Industry.Other,
      });
      expect(enterprise.status).toBe(403);
      expectErrorShape(enterprise.body, AuthErrorCode.Forbidden);
    });

    it('refuses union staff, who may read the tree but not shape it', async () => {
      const response = await call('POST', '/org-units', tree.users.staffCityA, {
        parentId: idOf(tree.units.enterpriseA1),
        kind: OrgKind.Workplace,
        name: '工会建的场所',
      });
      expect(response.status).toBe(403);
      expectErrorShape(response.body, AuthErrorCode.Forbidden);
    });

    it.each([
      [
        'a workplace under a union',
        'cityA',
        { kind: OrgKind.Workplace, name: '错位场所' },
        400,
        OrgErrorCode.ParentKindNotAllowed,
      ],
      [
        'a union under an enterprise',
        'enterpriseA1',
        { kind: OrgKind.Union, name: '错位工会' },
        400,
        OrgErrorCode.ParentKindNotAllowed,
      ],
      [
        'an enterprise without an industry',
        'countyA',
        { kind: OrgKind.Enterprise, name: '无行业企业' },
        400,
        OrgErrorCode.IndustryRequired,
      ],
      [
        'a workplace code with characters WeChat forbids',
        'enterpriseA1',
        { kind: OrgKind.Workplace, name: '场所', code: '甲一-01' },
        400,
        OrgErrorCode.WorkplaceCodeInvalid,
      ],
      [
        'a workplace code with a space',
        'enterpriseA1',
        { kind: OrgKind.Workplace, name: '场所', code: 'A1 01' },
        400,
        OrgErrorCode.WorkplaceCodeInvalid,
      ],
      [
        'a workplace code over 32 characters',
        'enterpriseA1',
        { kind: OrgKind.Workplace, name: '场所', code: 'X'.repeat(33) },
        400,
        OrgErrorCode.WorkplaceCodeInvalid,
      ],
      [
        'a workplace code that leaves no room for the scene prefix',
        'enterpriseA1',
        { kind: OrgKind.Workplace, name: '场所', code: 'X'.repeat(31) },
        400,
        OrgErrorCode.WorkplaceCodeInvalid,
      ],
      [
        'an empty workplace code',
        'enterpriseA1',
        { kind: OrgKind.Workplace, name: '场所', code: '' },
        400,
        OrgErrorCode.WorkplaceCodeInvalid,
      ],
      [
        'an industry on a workplace',
        'enterpriseA1',
        { kind: OrgKind.Workplace, name: '场所', industry: Industry.Fire },
        400,
        CommonErrorCode.ValidationFailed,
      ],
      [
        'a code on an enterprise',
        'countyA',
        { kind: OrgKind.Enterprise, name: '企业', industry: Industry.Fire, code: 'ENT-1' },
        400,
        CommonErrorCode.ValidationFailed,
      ],
      [
        'a binding mode on a union',
        'cityA',
        { kind: OrgKind.Union, name: '工会', bindingMode: BindingMode.Automatic },
        400,
        CommonErrorCode.ValidationFailed,
      ],
      [
        'a latitude without a longitude',
        'enterpriseA1',
        { kind: OrgKind.Workplace, name: '场所', latitude: 30 },
        400,
        CommonErrorCode.ValidationFailed,
      ],
      [
        'a latitude beyond the pole',
        'enterpriseA1',
        { kind: OrgKind.Workplace, name: '场所', latitude: 91, longitude: 10 },
        400,
        CommonErrorCode.ValidationFailed,
      ],
      ['a blank name', 'enterpriseA1', { kind: OrgKind.Workplace, name: '   ' }, 400, CommonErrorCode.ValidationFailed],
      [
        'a name over 100 characters',
        'enterpriseA1',
        { kind: OrgKind.Workplace, name: '名'.repeat(101) },
        400,
        CommonErrorCode.ValidationFailed,
      ],
      ['an unknown kind', 'enterpriseA1', { kind: 'factory', name: '场所' }, 400, CommonErrorCode.ValidationFailed],
      [
        'an unknown field',
        'enterpriseA1',
        { kind: OrgKind.Workplace, name: '场所', archived: true },
        400,
        CommonErrorCode.ValidationFailed,
      ],
    ] as const)(
      'refuses %s with a coded 4xx in Chinese and writes nothing',
      async (_case, parent, fields, status, code) => {
        const before = await app.dataSource.getRepository(OrgUnit).count();
        const response = await call('POST', '/org-units', tree.users.adminProvince, {
          parentId: idOf(tree.units[parent]),
          ...fields,
        });
        expect(response.status).toBe(status);
        expectErrorShape(response.body, code);
        expect(await app.dataSource.getRepository(OrgUnit).count()).toBe(before);
      },
    );

    it('names the offending field of a bad workplace code and says why', async () => {
      const tooLong = await call('POST', '/org-units', tree.users.officerA1, {
        parentId: idOf(tree.units.enterpriseA1),
        kind: OrgKind.Workplace,
        name: '场所',
        code: 'A'.repeat(40),
      });
      expect(tooLong.body.details).toEqual([{ field: 'code', message: '场所编码不能超过 30 个字符' }]);
      const forbidden = await call('POST', '/org-units', tree.users.officerA1, {
        parentId: idOf(tree.units.enterpriseA1),
        kind: OrgKind.Workplace,
        name: '场所',
        code: 'A1<01>',
      });
      expect(forbidden.body.details).toEqual([{ field: 'code', message: expect.stringContaining('只能由字母、数字') }]);
      const longest = await call('POST', '/org-units', tree.users.officerA1, {
        parentId: idOf(tree.units.enterpriseA1),
        kind: OrgKind.Workplace,
        name: '场所',
        code: `${tree.suffix}${"!#$&'()*+,/:;=?@-._~".repeat(2)}`.slice(0, 30),
      });
      expect(longest.status).toBe(201);
    });

    it('refuses a code another workplace holds, whatever its letter case, also when two requests race', async () => {
      const code = `RACE-${tree.suffix}`;
      const body = { parentId: idOf(tree.units.enterpriseA1), kind: OrgKind.Workplace, name: '竞争场所', code };
      const [left, right] = await Promise.all([
        call('POST', '/org-units', tree.users.adminProvince, body),
        call('POST', '/org-units', tree.users.adminProvince, body),
      ]);
      expect([left.status, right.status].sort()).toEqual([201, 409]);
      expectErrorShape((left.status === 409 ? left : right).body, OrgErrorCode.WorkplaceCodeTaken);
      expect(await app.dataSource.getRepository(OrgUnit).countBy({ code })).toBe(1);

      const lower = await call('POST', '/org-units', tree.users.adminProvince, { ...body, code: code.toLowerCase() });
      expect(lower.status).toBe(409);
      expectErrorShape(lower.body, OrgErrorCode.WorkplaceCodeTaken);

      // Under different parents nothing serialises the two: the unique key decides.
      const apart = `APART-${tree.suffix}`;
      const [first, second] = await Promise.all(
        [tree.units.enterpriseA1, tree.units.enterpriseB1].map((parent) =>
          call('POST', '/org-units', tree.users.adminProvince, {
            parentId: idOf(parent),
            kind: OrgKind.Workplace,
            name: '两地场所',
            code: apart,
          }),
        ),
      );
      expect([first.status, second.status].sort()).toEqual([201, 409]);
      expectErrorShape((first.status === 409 ? first : second).body, OrgErrorCode.WorkplaceCodeTaken);
      expect(await app.dataSource.getRepository(OrgUnit).countBy({ code: apart })).toBe(1);
    });

    it('refuses to create under an archived node', async () => {
      const enterprise = await createOrgUnit(app.dataSource, { kind: OrgKind.Enterprise, parent: tree.units.countyA });
      await app.dataSource.getRepository(OrgUnit).update({ id: enterprise.id }, { archivedAt: new Date() });
      const response = await call('POST', '/org-units', tree.users.adminProvince, {
        parentId: idOf(enterprise),
        kind: OrgKind.Workplace,
        name: '归档企业的场所',
      });
      expect(response.status).toBe(409);
      expectErrorShape(response.body, OrgErrorCode.NodeArchived);
    });
  });

  describe('editing', () => {
    it('renames and edits details, and an enterprise’s workplaces follow its industry', async () => {
      const tree = await createTestTree(app.dataSource);
      const renamed = await call('PATCH', `/org-units/${tree.units.enterpriseA1.id}`, tree.users.officerA1, {
        name: '甲一能源集团',
        industry: Industry.Energy,
        bindingMode: BindingMode.Approval,
        address: '甲县煤城路 8 号',
      });
      expect(renamed.status).toBe(200);
      expect(renamed.body).toEqual(
        expect.objectContaining({
          name: '甲一能源集团',
          industry: Industry.Energy,
          bindingMode: BindingMode.Approval,
          address: '甲县煤城路 8 号',
        }),
      );
      expect((await unitIn(tree.units.workplaceA1a.id)).industry).toBe(Industry.Energy);
      expect((await unitIn(tree.units.workplaceA1b.id)).industry).toBe(Industry.Energy);

      const located = await call('PATCH', `/org-units/${tree.units.workplaceA1a.id}`, tree.users.officerA1, {
        latitude: 36.62,
        longitude: 101.78,
      });
      expect(located.body).toEqual(expect.objectContaining({ latitude: 36.62, longitude: 101.78 }));
      const cleared = await call('PATCH', `/org-units/${tree.units.workplaceA1a.id}`, tree.users.officerA1, {
        address: null,
        latitude: null,
        longitude: null,
      });
      expect(cleared.body).toEqual(expect.objectContaining({ address: null, latitude: null, longitude: null }));
      const half = await call('PATCH', `/org-units/${tree.units.workplaceA1a.id}`, tree.users.officerA1, {
        latitude: 36.62,
      });
      expect(half.status).toBe(400);
      expectErrorShape(half.body, CommonErrorCode.ValidationFailed);
    });

    it('changes a workplace code to a free valid one only', async () => {
      const tree = await createTestTree(app.dataSource);
      const changed = await call('PATCH', `/org-units/${tree.units.workplaceA1a.id}`, tree.users.officerA1, {
        code: `NEW-${tree.suffix}`,
      });
      expect(changed.status).toBe(200);
      expect(changed.body.code).toBe(`NEW-${tree.suffix}`);
      const same = await call('PATCH', `/org-units/${tree.units.workplaceA1a.id}`, tree.users.officerA1, {
        code: `NEW-${tree.suffix}`,
      });
      expect(same.status).toBe(200);
      const taken = await call('PATCH', `/org-units/${tree.units.workplaceA1b.id}`, tree.users.officerA1, {
        code: `new-${tree.suffix}`,
      });
      expect(taken.status).toBe(409);
      expectErrorShape(taken.body, OrgErrorCode.WorkplaceCodeTaken);
      const invalid = await call('PATCH', `/org-units/${tree.units.workplaceA1b.id}`, tree.users.officerA1, {
        code: '场所一号',
      });
      expect(invalid.status).toBe(400);
      expectErrorShape(invalid.body, OrgErrorCode.WorkplaceCodeInvalid);
      expect((await unitIn(tree.units.workplaceA1b.id)).code).toBe(tree.units.workplaceA1b.code);
    });

    it.each([
      ['a binding mode on a workplace', 'workplaceA1a', { bindingMode: BindingMode.Automatic }, 'bindingMode'],
      ['a grid on an enterprise', 'enterpriseA1', { gridId: '1' }, 'gridId'],
      ['a code on a union', 'countyA', { code: 'UNION-1' }, 'code'],
      ['an industry on a workplace', 'workplaceA1a', { industry: Industry.Fire }, 'industry'],
      ['a null name', 'countyA', { name: null }, 'name'],
      ['a null industry', 'enterpriseA1', { industry: null }, 'industry'],
    ] as const)('refuses %s with a coded 400 naming the field', async (_case, unit, body, field) => {
      const tree = await createTestTree(app.dataSource);
      const response = await call('PATCH', `/org-units/${tree.units[unit].id}`, tree.users.adminProvince, body);
      expect(response.status).toBe(400);
      expectErrorShape(response.body, CommonErrorCode.ValidationFailed);
      expect(response.body.details).toEqual([expect.objectContaining({ field })]);
    });

    it('places a workplace in a grid of a union above it, and nowhere else', async () => {
      const tree = await createTestTree(app.dataSource);
      const grids = app.dataSource.getRepository(Grid);
      const now = new Date();
      const gridOf = async (union: OrgUnit, name: string) => {
        const inserted = await grids.insert({
          unionId: union.id,
          name,
          officerUserId: null,
          archivedAt: null,
          createdAt: now,
          updatedAt: now,
        });
        return String(inserted.identifiers[0].id);
      };
      const countyGrid = await gridOf(tree.units.countyA, '甲县一网格');
      const cityBGrid = await gridOf(tree.units.cityB, '乙市一网格');

      const placed = await call('PATCH', `/org-units/${tree.units.workplaceA1a.id}`, tree.users.staffCityA, {
        gridId: countyGrid,
      });
      expect(placed.status).toBe(200);
      expect(placed.body.gridId).toBe(countyGrid);

      const outside = await call('PATCH', `/org-units/${tree.units.workplaceA1b.id}`, tree.users.adminProvince, {
        gridId: cityBGrid,
      });
      expect(outside.status).toBe(400);
      expectErrorShape(outside.body, OrgErrorCode.GridOutsideUnion);

      // A grid the caller cannot see is answered like a grid that does not exist.
      for (const gridId of [cityBGrid, MISSING_ID]) {
        const hidden = await call('PATCH', `/org-units/${tree.units.workplaceA1b.id}`, tree.users.staffCityA, {
          gridId,
        });
        expect(hidden.status).toBe(404);
        expectErrorShape(hidden.body, CommonErrorCode.NotFound);
        expect(hidden.body.details).toEqual([{ field: 'gridId', message: expect.any(String) }]);
      }

      const removed = await call('PATCH', `/org-units/${tree.units.workplaceA1a.id}`, tree.users.staffCityA, {
        gridId: null,
      });
      expect(removed.body.gridId).toBeNull();
    });

    it('refuses to edit an archived node', async () => {
      const tree = await createTestTree(app.dataSource);
      await app.dataSource
        .getRepository(OrgUnit)
        .update({ id: tree.units.workplaceA1b.id }, { archivedAt: new Date() });
      const response = await call('PATCH', `/org-units/${tree.units.workplaceA1b.id}`, tree.users.officerA1, {
        name: '复活',
      });
      expect(response.status).toBe(409);
      expectErrorShape(response.body, OrgErrorCode.NodeArchived);
    });
  });

  describe('moving', () => {
    it('moves a subtree, rewriting every path in it, and the scope follows', async () => {
      const tree = await createTestTree(app.dataSource);
      const before = await call('GET', `/org-units/${tree.units.workplaceA2a.id}`, tree.users.staffCountyA);
      expect(before.status).toBe(404);

      const moved = await call('POST', `/org-units/${tree.units.enterpriseA2.id}/move`, tree.users.adminProvince, {
        parentId: idOf(tree.units.countyA),
      });
      expect(moved.status).toBe(200);
      expect(moved.body).toEqual(expect.objectContaining({ parentId: idOf(tree.units.countyA) }));
      const enterprisePath = `${tree.units.countyA.path}${tree.units.enterpriseA2.id}/`;
      expect((await unitIn(tree.units.enterpriseA2.id)).path).toBe(enterprisePath);
      expect((await unitIn(tree.units.workplaceA2a.id)).path).toBe(`${enterprisePath}${tree.units.workplaceA2a.id}/`);

      const after = await call('GET', `/org-units/${tree.units.workplaceA2a.id}`, tree.users.staffCountyA);
      expect(after.status).toBe(200);
      expect(ids(after.body.ancestors)).toEqual([idOf(tree.units.countyA), idOf(tree.units.enterpriseA2)]);
      const listed = await call(
        'GET',
        `/org-units?withinId=${tree.units.countyA.id}&kind=workplace`,
        tree.users.staffCountyA,
      );
      expect(ids(listed.body.items)).toContain(idOf(tree.units.workplaceA2a));

      const again = await call('POST', `/org-units/${tree.units.enterpriseA2.id}/move`, tree.users.adminProvince, {
        parentId: idOf(tree.units.countyA),
      });
      expect(again.status).toBe(200);
    });

    it.each([
      ['into one of its descendants', 'cityA', 'countyA'],
      ['into itself', 'countyA', 'countyA'],
    ] as const)('refuses a move %s as a cycle', async (_case, node, parent) => {
      const tree = await createTestTree(app.dataSource);
      const response = await call('POST', `/org-units/${tree.units[node].id}/move`, tree.users.adminProvince, {
        parentId: idOf(tree.units[parent]),
      });
      expect(response.status).toBe(400);
      expectErrorShape(response.body, OrgErrorCode.MoveCycle);
      expect((await unitIn(tree.units[node].id)).path).toBe(tree.units[node].path);
    });

    it('refuses a move that breaks the kind rules, and one by someone who may not shape the tree', async () => {
      const tree = await createTestTree(app.dataSource);
      const underEnterprise = await call(
        'POST',
        `/org-units/${tree.units.enterpriseA2.id}/move`,
        tree.users.adminProvince,
        {
          parentId: idOf(tree.units.enterpriseA1),
        },
      );
      expect(underEnterprise.status).toBe(400);
      expectErrorShape(underEnterprise.body, OrgErrorCode.ParentKindNotAllowed);

      const byStaff = await call('POST', `/org-units/${tree.units.enterpriseA2.id}/move`, tree.users.staffProvince, {
        parentId: idOf(tree.units.countyA),
      });
      expect(byStaff.status).toBe(403);
      expectErrorShape(byStaff.body, AuthErrorCode.Forbidden);

      const nowhere = await call('POST', `/org-units/${tree.units.enterpriseA2.id}/move`, tree.users.adminProvince, {
        parentId: MISSING_ID,
      });
      expect(nowhere.status).toBe(404);
      expect(nowhere.body.details).toEqual([{ field: 'parentId', message: expect.any(String) }]);
    });

    it('needs the structure permission over both the node and the new parent', async () => {
      const tree = await createTestTree(app.dataSource);
      const cityAdmin = await createUser(app.dataSource, { displayName: `甲市管理员-${tree.suffix}` });
      await grantRole(app.dataSource, cityAdmin, Role.Admin, tree.units.cityA);
      const response = await call('POST', `/org-units/${tree.units.enterpriseA2.id}/move`, cityAdmin, {
        parentId: idOf(tree.units.cityB),
      });
      expect(response.status).toBe(404);
      expectErrorShape(response.body, CommonErrorCode.NotFound);
      expect((await unitIn(tree.units.enterpriseA2.id)).parentId).toBe(tree.units.cityA.id);
    });

    it('takes a workplace out of a grid whose union it leaves, and gives it the new enterprise’s industry', async () => {
      const tree = await createTestTree(app.dataSource);
      const grids = app.dataSource.getRepository(Grid);
      const now = new Date();
      const countyGrid = await grids.insert({
        unionId: tree.units.countyA.id,
        name: '甲县网格',
        officerUserId: null,
        archivedAt: null,
        createdAt: now,
        updatedAt: now,
      });
      const provinceGrid = await grids.insert({
        unionId: tree.units.province.id,
        name: '全省网格',
        officerUserId: null,
        archivedAt: null,
        createdAt: now,
        updatedAt: now,
      });
      const units = app.dataSource.getRepository(OrgUnit);
      await units.update({ id: tree.units.workplaceA1a.id }, { gridId: Number(countyGrid.identifiers[0].id) });
      await units.update({ id: tree.units.workplaceA1b.id }, { gridId: Number(provinceGrid.identifiers[0].id) });

      const moved = await call('POST', `/org-units/${tree.units.enterpriseA1.id}/move`, tree.users.adminProvince, {
        parentId: idOf(tree.units.cityB),
      });
      expect(moved.status).toBe(200);
      expect((await unitIn(tree.units.workplaceA1a.id)).gridId).toBeNull();
      expect((await unitIn(tree.units.workplaceA1b.id)).gridId).toBe(Number(provinceGrid.identifiers[0].id));

      const workplace = await call('POST', `/org-units/${tree.units.workplaceA1b.id}/move`, tree.users.adminProvince, {
        parentId: idOf(tree.units.enterpriseB1),
      });
      expect(workplace.status).toBe(200);
      expect(workplace.body).toEqual(
        expect.objectContaining({ industry: Industry.Construction, parentId: idOf(tree.units.enterpriseB1) }),
      );
    });
  });

  describe('archiving', () => {
    it('archives children first, then the parent; archived nodes leave lists and counts', async () => {
      const tree = await createTestTree(app.dataSource);
      const admin = tree.users.adminProvince;
      const blocked = await call('POST', `/org-units/${tree.units.enterpriseA1.id}/archive`, admin);
      expect(blocked.status).toBe(409);
      expectErrorShape(blocked.body, OrgErrorCode.HasActiveChildren);

      const first = await call('POST', `/org-units/${tree.units.workplaceA1a.id}/archive`, tree.users.officerA1);
      expect(first.status).toBe(200);
      expect(first.body.archived).toBe(true);
      const retried = await call('POST', `/org-units/${tree.units.workplaceA1a.id}/archive`, tree.users.officerA1);
      expect(retried.status).toBe(200);

      const listed = await call('GET', `/org-units?parentId=${tree.units.enterpriseA1.id}`, tree.users.officerA1);
      expect(ids(listed.body.items)).toEqual([idOf(tree.units.workplaceA1b)]);
      const withArchived = await call(
        'GET',
        `/org-units?parentId=${tree.units.enterpriseA1.id}&includeArchived=true`,
        tree.users.officerA1,
      );
      expect(withArchived.body.items).toHaveLength(2);
      const enterprise = await call('GET', `/org-units/${tree.units.enterpriseA1.id}`, tree.users.officerA1);
      expect(enterprise.body.childCount).toBe(1);

      const officerOnEnterprise = await call(
        'POST',
        `/org-units/${tree.units.enterpriseA1.id}/archive`,
        tree.users.officerA1,
      );
      expect(officerOnEnterprise.status).toBe(403);
      expectErrorShape(officerOnEnterprise.body, AuthErrorCode.Forbidden);

      await call('POST', `/org-units/${tree.units.workplaceA1b.id}/archive`, tree.users.officerA1);
      const archived = await call('POST', `/org-units/${tree.units.enterpriseA1.id}/archive`, admin);
      expect(archived.status).toBe(200);

      // A role held at an archived node no longer reaches anything.
      const officerAfter = await call('GET', '/org-units', tree.users.officerA1);
      expect(officerAfter.status).toBe(403);
      expectErrorShape(officerAfter.body, AuthErrorCode.Forbidden);
    });

    it('takes a union’s grids with it, and refuses those who may not archive', async () => {
      const tree = await createTestTree(app.dataSource);
      const union = await createOrgUnit(app.dataSource, { kind: OrgKind.Union, parent: tree.units.cityB });
      const now = new Date();
      const inserted = await app.dataSource.getRepository(Grid).insert({
        unionId: union.id,
        name: '待撤网格',
        officerUserId: null,
        archivedAt: null,
        createdAt: now,
        updatedAt: now,
      });

      const byStaff = await call('POST', `/org-units/${union.id}/archive`, tree.users.staffCityB);
      expect(byStaff.status).toBe(403);
      const outside = await call('POST', `/org-units/${union.id}/archive`, tree.users.staffCityA);
      const missing = await call('POST', `/org-units/${MISSING_ID}/archive`, tree.users.staffCityA);
      expect(outside.status).toBe(404);
      expect({ ...outside.body, requestId: null }).toEqual({ ...missing.body, requestId: null });

      const archived = await call('POST', `/org-units/${union.id}/archive`, tree.users.adminProvince);
      expect(archived.status).toBe(200);
      const grid = await app.dataSource.getRepository(Grid).findOneByOrFail({ id: Number(inserted.identifiers[0].id) });
      expect(grid.archivedAt).not.toBeNull();
    });
  });
});
