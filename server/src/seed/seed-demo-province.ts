import { BindingStatus } from '@ankang/shared';
import { type DataSource, type EntityManager, In } from 'typeorm';
import { EnterpriseBinding } from '../bindings/enterprise-binding.entity';
import { Grid } from '../grids/grid.entity';
import { OrgUnit } from '../org/org-unit.entity';
import { OrgUnitsRepository } from '../org/org-units.repository';
import { RoleGrant } from '../org/role-grant.entity';
import { User } from '../users/user.entity';
import { UserWorkerGroup } from '../users/user-worker-group.entity';
import {
  DEMO_BINDING_REQUESTS,
  DEMO_COLLEAGUES,
  DEMO_GRIDS,
  DEMO_ORG_UNITS,
  DEMO_USERS,
  type DemoPerson,
} from './demo-province';

export interface SeedResult {
  /** False when the database already had an org tree and was left alone. */
  seeded: boolean;
  orgUnits: number;
  users: number;
  grids: number;
  bindingRequests: number;
}

/**
 * Writes the demo province in one transaction, once: a database that already has an org tree is
 * left alone, so a second start reuses it and writes nothing. Meant for one starting server: a
 * second seeder racing it on the same empty database fails (on a unique code or a lock) and rolls
 * back whole, leaving the winner's province.
 */
export async function seedDemoProvince(dataSource: DataSource): Promise<SeedResult> {
  return dataSource.transaction((manager) => seedUnlessPresent(manager));
}

async function seedUnlessPresent(manager: EntityManager): Promise<SeedResult> {
  if ((await manager.count(OrgUnit)) > 0) return { seeded: false, ...(await countExisting(manager)) };
  const now = new Date();
  const units = await insertOrgUnits(manager);
  const people = await insertPeople(manager, units, now);
  await insertGrids(manager, units, people, now);
  await insertBindingRequests(manager, units, people, now);
  return {
    seeded: true,
    orgUnits: units.size,
    users: people.size,
    grids: DEMO_GRIDS.length,
    bindingRequests: DEMO_BINDING_REQUESTS.length,
  };
}

async function countExisting(manager: EntityManager): Promise<Omit<SeedResult, 'seeded'>> {
  return {
    orgUnits: await manager.count(OrgUnit),
    users: await manager.count(User),
    grids: await manager.count(Grid),
    bindingRequests: await manager.count(EnterpriseBinding, { where: { status: BindingStatus.Pending } }),
  };
}

/** Parents come before their children in DEMO_ORG_UNITS, so each parent's path is known in time. */
async function insertOrgUnits(manager: EntityManager): Promise<Map<string, OrgUnit>> {
  const repository = new OrgUnitsRepository(manager.getRepository(OrgUnit));
  const units = new Map<string, OrgUnit>();
  for (const demo of DEMO_ORG_UNITS) {
    const parent = demo.parentKey === null ? null : lookUp(units, demo.parentKey, 'org unit');
    const unit = await repository.insertNode(
      parent,
      {
        kind: demo.kind,
        name: demo.name,
        // Workplaces share their enterprise's industry so that filters by industry need no join.
        industry: demo.industry ?? parent?.industry ?? null,
        code: demo.code ?? null,
        address: demo.address ?? null,
        latitude: demo.latitude ?? null,
        longitude: demo.longitude ?? null,
        bindingMode: demo.bindingMode ?? null,
      },
      manager,
    );
    units.set(demo.key, unit);
  }
  return units;
}

/** Demo users and colleagues with their grants and worker groups; ids by username or colleague key. */
async function insertPeople(
  manager: EntityManager,
  units: Map<string, OrgUnit>,
  now: Date,
): Promise<Map<string, number>> {
  const people: { key: string; username: string | null; person: DemoPerson }[] = [
    ...DEMO_USERS.map((user) => ({ key: user.username, username: user.username, person: user })),
    ...DEMO_COLLEAGUES.map((colleague) => ({ key: colleague.key, username: null, person: colleague })),
  ];
  const ids = new Map<string, number>();
  const grants: Partial<RoleGrant>[] = [];
  const groups: Partial<UserWorkerGroup>[] = [];
  for (const { key, username, person } of people) {
    const inserted = await manager.insert(User, {
      openId: null,
      unionId: null,
      username,
      displayName: person.displayName,
      phone: person.phone,
      employeeNumber: person.employeeNumber ?? null,
      enterpriseId: person.enterpriseKey ? lookUp(units, person.enterpriseKey, 'enterprise').id : null,
      disabledAt: null,
      createdAt: now,
      updatedAt: now,
    });
    const userId = Number(inserted.identifiers[0].id);
    ids.set(key, userId);
    for (const grant of person.grants) {
      const orgUnitId = lookUp(units, grant.orgKey, 'org unit').id;
      grants.push({ userId, role: grant.role, orgUnitId, grantedBy: null, createdAt: now });
    }
    for (const workerGroup of person.workerGroups ?? []) groups.push({ userId, workerGroup });
  }
  if (grants.length > 0) await manager.insert(RoleGrant, grants);
  if (groups.length > 0) await manager.insert(UserWorkerGroup, groups);
  return ids;
}

async function insertGrids(
  manager: EntityManager,
  units: Map<string, OrgUnit>,
  people: Map<string, number>,
  now: Date,
): Promise<void> {
  for (const grid of DEMO_GRIDS) {
    const inserted = await manager.insert(Grid, {
      unionId: lookUp(units, grid.unionKey, 'union').id,
      name: grid.name,
      officerUserId: lookUp(people, grid.officerUsername, 'grid officer'),
      archivedAt: null,
      createdAt: now,
      updatedAt: now,
    });
    const gridId = Number(inserted.identifiers[0].id);
    const workplaceIds = DEMO_ORG_UNITS.filter((unit) => unit.gridKey === grid.key).map(
      (unit) => lookUp(units, unit.key, 'workplace').id,
    );
    if (workplaceIds.length > 0) await manager.update(OrgUnit, { id: In(workplaceIds) }, { gridId });
  }
}

async function insertBindingRequests(
  manager: EntityManager,
  units: Map<string, OrgUnit>,
  people: Map<string, number>,
  now: Date,
): Promise<void> {
  const rows = DEMO_BINDING_REQUESTS.map((request) => {
    const workplace = lookUp(units, request.workplaceKey, 'workplace');
    const requestedAt = new Date(now.getTime() - request.minutesAgo * 60_000);
    return {
      userId: lookUp(people, request.applicant, 'applicant'),
      enterpriseId: Number(workplace.parentId),
      workplaceId: workplace.id,
      status: BindingStatus.Pending,
      clientKey: request.clientKey,
      reason: null,
      decidedBy: null,
      decidedAt: null,
      createdAt: requestedAt,
      updatedAt: requestedAt,
    };
  });
  if (rows.length > 0) await manager.insert(EnterpriseBinding, rows);
}

function lookUp<T>(values: Map<string, T>, key: string, what: string): T {
  const value = values.get(key);
  if (value === undefined) throw new Error(`Demo data refers to an unknown ${what} "${key}"`);
  return value;
}
