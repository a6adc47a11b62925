import type { DataSource, EntityManager } from 'typeorm';
import { OrgUnit } from '../org/org-unit.entity';
import { RoleGrant } from '../org/role-grant.entity';
import { User } from '../users/user.entity';
import { DEMO_ORG_UNITS, DEMO_USERS } from './demo-province';

export interface SeedResult {
  seeded: boolean;
  orgUnits: number;
  users: number;
}

/**
 * Writes the demo province in one transaction, once: a database that already has an org tree is
 * left alone, so a second start reuses it.
 */
export async function seedDemoProvince(dataSource: DataSource): Promise<SeedResult> {
  return dataSource.transaction(async (manager) => {
    const existing = await manager.count(OrgUnit);
    if (existing > 0) return { seeded: false, orgUnits: existing, users: await manager.count(User) };
    const now = new Date();
    const idsByKey = await insertOrgUnits(manager, now);
    for (const demo of DEMO_USERS) {
      const inserted = await manager.insert(User, {
        username: demo.username,
        displayName: demo.displayName,
        phone: demo.phone,
        enterpriseId: demo.enterpriseKey ? requireId(idsByKey, demo.enterpriseKey) : null,
        createdAt: now,
        updatedAt: now,
      });
      const userId = Number(inserted.identifiers[0].id);
      for (const grant of demo.grants) {
        await manager.insert(RoleGrant, {
          userId,
          role: grant.role,
          orgUnitId: requireId(idsByKey, grant.orgKey),
          grantedBy: null,
          createdAt: now,
        });
      }
    }
    return { seeded: true, orgUnits: DEMO_ORG_UNITS.length, users: DEMO_USERS.length };
  });
}

async function insertOrgUnits(manager: EntityManager, now: Date): Promise<Map<string, number>> {
  const idsByKey = new Map<string, number>();
  const pathsByKey = new Map<string, string>();
  const industryByKey = new Map<string, OrgUnit['industry']>();
  for (const unit of DEMO_ORG_UNITS) {
    const parentId = unit.parentKey ? requireId(idsByKey, unit.parentKey) : null;
    // Workplaces share their enterprise's industry so that filters by industry need no join.
    const industry = unit.industry ?? (unit.parentKey ? (industryByKey.get(unit.parentKey) ?? null) : null);
    const inserted = await manager.insert(OrgUnit, {
      kind: unit.kind,
      parentId,
      path: '/',
      name: unit.name,
      industry,
      code: unit.code ?? null,
      address: unit.address ?? null,
      archivedAt: null,
      createdAt: now,
      updatedAt: now,
    });
    const id = Number(inserted.identifiers[0].id);
    const path = `${unit.parentKey ? pathsByKey.get(unit.parentKey) : '/'}${id}/`;
    await manager.update(OrgUnit, { id }, { path });
    idsByKey.set(unit.key, id);
    pathsByKey.set(unit.key, path);
    industryByKey.set(unit.key, industry);
  }
  return idsByKey;
}

function requireId(idsByKey: Map<string, number>, key: string): number {
  const id = idsByKey.get(key);
  if (id === undefined) throw new Error(`Demo data refers to unknown org unit "${key}"`);
  return id;
}
