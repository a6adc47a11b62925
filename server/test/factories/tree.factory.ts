import { randomUUID } from 'node:crypto';
import { BindingMode, Industry, OrgKind, Role } from '@ankang/shared';
import type { DataSource } from 'typeorm';
import type { OrgUnit } from '../../src/org/org-unit.entity';
import type { NewOrgUnit } from '../../src/org/org-units.repository';
import type { User } from '../../src/users/user.entity';
import { createOrgUnit, createUser, grantRole } from './org.factory';

/**
 * A small province for scope tests, unique on every call (names and codes carry a suffix), so tests
 * can each build their own and never depend on one another:
 *
 *   province ─┬─ cityA ─┬─ countyA ── enterpriseA1 (coal, automatic) ─┬─ workplaceA1a
 *             │         │                                              └─ workplaceA1b
 *             │         └─ enterpriseA2 (chemicals, approval) ── workplaceA2a
 *             └─ cityB ─── enterpriseB1 (construction) ── workplaceB1a
 *
 * with a person for every role at several levels, workers bound to A1 and B1.
 */
export interface TestTree {
  suffix: string;
  units: Record<
    | 'province'
    | 'cityA'
    | 'countyA'
    | 'enterpriseA1'
    | 'workplaceA1a'
    | 'workplaceA1b'
    | 'enterpriseA2'
    | 'workplaceA2a'
    | 'cityB'
    | 'enterpriseB1'
    | 'workplaceB1a',
    OrgUnit
  >;
  users: Record<
    | 'adminProvince'
    | 'staffProvince'
    | 'staffCityA'
    | 'staffCountyA'
    | 'staffCityB'
    | 'officerA1'
    | 'officerA2'
    | 'officerB1'
    | 'workerA1'
    | 'workerB1'
    | 'nobody',
    User
  >;
}

export async function createTestTree(dataSource: DataSource): Promise<TestTree> {
  const suffix = randomUUID().slice(0, 6);
  const unit = (kind: OrgKind, name: string, parent: OrgUnit | undefined, extra: Partial<NewOrgUnit> = {}) =>
    createOrgUnit(dataSource, { kind, name: `${name}-${suffix}`, parent, ...extra });

  const province = await unit(OrgKind.Union, '测试省总工会', undefined);
  const cityA = await unit(OrgKind.Union, '甲市总工会', province);
  const countyA = await unit(OrgKind.Union, '甲县总工会', cityA);
  const enterpriseA1 = await unit(OrgKind.Enterprise, '甲一煤业', countyA, {
    industry: Industry.CoalMine,
    bindingMode: BindingMode.Automatic,
  });
  const workplaceA1a = await unit(OrgKind.Workplace, '甲一主井', enterpriseA1, {
    industry: Industry.CoalMine,
    code: `A1A-${suffix}`,
  });
  const workplaceA1b = await unit(OrgKind.Workplace, '甲一选煤厂', enterpriseA1, {
    industry: Industry.CoalMine,
    code: `A1B-${suffix}`,
  });
  const enterpriseA2 = await unit(OrgKind.Enterprise, '甲二化工', cityA, {
    industry: Industry.HazardousChemicals,
    bindingMode: BindingMode.Approval,
  });
  const workplaceA2a = await unit(OrgKind.Workplace, '甲二合成车间', enterpriseA2, {
    industry: Industry.HazardousChemicals,
    code: `A2A-${suffix}`,
  });
  const cityB = await unit(OrgKind.Union, '乙市总工会', province);
  const enterpriseB1 = await unit(OrgKind.Enterprise, '乙一建工', cityB, {
    industry: Industry.Construction,
    bindingMode: BindingMode.Automatic,
  });
  const workplaceB1a = await unit(OrgKind.Workplace, '乙一工地', enterpriseB1, {
    industry: Industry.Construction,
    code: `B1A-${suffix}`,
  });

  const person = async (name: string, role: Role | null, at: OrgUnit | null, enterprise?: OrgUnit) => {
    const user = await createUser(dataSource, {
      displayName: `${name}-${suffix}`,
      phone: `139${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`,
      enterpriseId: enterprise?.id ?? null,
    });
    if (role && at) await grantRole(dataSource, user, role, at);
    return user;
  };

  return {
    suffix,
    units: {
      province,
      cityA,
      countyA,
      enterpriseA1,
      workplaceA1a,
      workplaceA1b,
      enterpriseA2,
      workplaceA2a,
      cityB,
      enterpriseB1,
      workplaceB1a,
    },
    users: {
      adminProvince: await person('省管理员', Role.Admin, province),
      staffProvince: await person('省工会干部', Role.UnionStaff, province),
      staffCityA: await person('甲市工会干部', Role.UnionStaff, cityA),
      staffCountyA: await person('甲县工会干部', Role.UnionStaff, countyA),
      staffCityB: await person('乙市工会干部', Role.UnionStaff, cityB),
      officerA1: await person('甲一安全员', Role.Officer, enterpriseA1, enterpriseA1),
      officerA2: await person('甲二安全员', Role.Officer, enterpriseA2, enterpriseA2),
      officerB1: await person('乙一安全员', Role.Officer, enterpriseB1, enterpriseB1),
      workerA1: await person('甲一职工', Role.Worker, enterpriseA1, enterpriseA1),
      workerB1: await person('乙一职工', Role.Worker, enterpriseB1, enterpriseB1),
      nobody: await person('未绑定用户', null, null),
    },
  };
}
