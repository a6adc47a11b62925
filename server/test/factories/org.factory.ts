import { randomUUID } from 'node:crypto';
import { Industry, OrgKind, Role } from '@ankang/shared';
import type { DataSource } from 'typeorm';
import { OrgUnit } from '../../src/org/org-unit.entity';
import { type NewOrgUnit, OrgUnitsRepository } from '../../src/org/org-units.repository';
import { RoleGrant } from '../../src/org/role-grant.entity';
import { User } from '../../src/users/user.entity';

/** Each factory call makes rows no other test shares, so tests do not depend on each other's order. */

export async function createOrgUnit(
  dataSource: DataSource,
  overrides: Partial<NewOrgUnit> & { parent?: OrgUnit } = {},
): Promise<OrgUnit> {
  const { parent, ...fields } = overrides;
  const kind = fields.kind ?? OrgKind.Enterprise;
  const repository = new OrgUnitsRepository(dataSource.getRepository(OrgUnit));
  return repository.insertNode(parent ?? null, {
    name: `测试单位-${randomUUID().slice(0, 8)}`,
    industry: kind === OrgKind.Union ? null : Industry.Other,
    code: kind === OrgKind.Workplace ? `T-${randomUUID().slice(0, 8)}` : null,
    ...fields,
    kind,
  });
}

export async function createUser(
  dataSource: DataSource,
  overrides: Partial<Pick<User, 'displayName' | 'openId' | 'username' | 'phone' | 'enterpriseId' | 'disabledAt'>> = {},
): Promise<User> {
  const repository = dataSource.getRepository(User);
  const now = new Date();
  const inserted = await repository.insert({
    openId: null,
    unionId: null,
    username: null,
    displayName: '测试用户',
    phone: null,
    enterpriseId: null,
    disabledAt: null,
    createdAt: now,
    updatedAt: now,
    ...overrides,
  });
  return repository.findOneByOrFail({ id: Number(inserted.identifiers[0].id) });
}

export async function grantRole(dataSource: DataSource, user: User, role: Role, orgUnit: OrgUnit): Promise<void> {
  await dataSource
    .getRepository(RoleGrant)
    .insert({ userId: user.id, role, orgUnitId: orgUnit.id, grantedBy: null, createdAt: new Date() });
}

/** A unique js_code for the fake WeChat server that logs in the person called `name`. */
export function wechatCodeFor(name: string): string {
  return `user:${name}:${randomUUID()}`;
}
