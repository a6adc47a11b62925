import { type Industry, Role, type WorkerGroup } from '@ankang/shared';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { OrgUnit } from '../org/org-unit.entity';
import { User } from '../users/user.entity';
import type { Notice } from './notice.entity';

/**
 * Who a notice is for, as the audience rules need it: the materialised path of the scope node
 * (`/1/7/`) and the optional filters (empty: no narrowing).
 */
export interface AudienceFilter {
  scopePath: string;
  industries: readonly Industry[];
  workerGroups: readonly WorkerGroup[];
  roles: readonly Role[];
}

/** One recipient and the node they are reached through (their enterprise, or the node where they hold the role). */
export interface AudienceRecipient {
  userId: number;
  nodeId: number | null;
}

/** The audience filter of a stored notice, whose filters are JSON arrays. */
export function audienceFilterOf(notice: Pick<Notice, 'industries' | 'workerGroups' | 'roles'>, scopePath: string) {
  return {
    scopePath,
    industries: parseList(notice.industries) as Industry[],
    workerGroups: parseList(notice.workerGroups) as WorkerGroup[],
    roles: parseList(notice.roles) as Role[],
  } satisfies AudienceFilter;
}

function parseList(json: string): string[] {
  const value = JSON.parse(json || '[]') as unknown;
  return Array.isArray(value) ? value.map(String) : [];
}

/** SQL pieces of one audience, with the named parameters they use. */
interface AudienceSql {
  /** Condition on `person` (the user) and `person_enterprise` (their enterprise, left-joined): is a worker reached. */
  worker: string | null;
  /** Condition on `person`: holds the role at a node the audience reaches. */
  officer: string | null;
  unionStaff: string | null;
  parameters: Record<string, unknown>;
}

/**
 * Who a notice reaches (see NoticeAudience in shared/): the people of the scope subtree — workers bound
 * to an enterprise of it, officers and union staff holding that role at a node of it (archived nodes
 * reach no one) — narrowed by
 * roles, industries (people of enterprises in those industries; union staff sit above enterprises and
 * drop out) and worker groups (workers only; staff have none). Disabled accounts are never reached; a
 * person is reached once however many roles they hold.
 *
 * Two shapes of query, each index-friendly at 200k users:
 * - the fan-out walks people in user-id order from a cursor (primary key range, a few indexed look-ups
 *   per person, stopped by the limit): the whole walk reads each user row once, however large the audience;
 * - the count starts from the subtree (org_unit path prefix → user by enterprise, role_grant by node),
 *   so a small scope costs little however large the province.
 */
@Injectable()
export class NoticeAudienceRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** How many people the audience reaches now (the composer's preview; 0 refuses the publish). */
  async countRecipients(filter: AudienceFilter, manager: EntityManager = this.dataSource.manager): Promise<number> {
    const sql = audienceSql(filter);
    const branches: string[] = [];
    const user = manager.connection.driver.escape('user');
    if (sql.worker !== null) {
      branches.push(
        `SELECT person.id AS user_id FROM org_unit person_enterprise INNER JOIN ${user} person` +
          ' ON person.enterprise_id = person_enterprise.id' +
          ` WHERE person.disabled_at IS NULL AND ${sql.worker}`,
      );
    }
    for (const [role, condition] of [
      [Role.Officer, sql.officer],
      [Role.UnionStaff, sql.unionStaff],
    ] as const) {
      if (condition === null) continue;
      branches.push(
        `SELECT audience_grant.user_id AS user_id FROM org_unit audience_node INNER JOIN role_grant audience_grant` +
          ' ON audience_grant.org_unit_id = audience_node.id' +
          ` INNER JOIN ${user} person ON person.id = audience_grant.user_id` +
          ` WHERE audience_grant.role = '${role}' AND audience_node.path LIKE :scopePrefix` +
          ' AND audience_node.archived_at IS NULL' +
          ` AND person.disabled_at IS NULL${role === Role.Officer ? industryCondition(filter, 'audience_node') : ''}`,
      );
    }
    if (branches.length === 0) return 0;
    const row = await manager
      .createQueryBuilder()
      .select('COUNT(*)', 'count')
      .from(`(${branches.join(' UNION ')})`, 'audience')
      .setParameters(sql.parameters)
      .getRawOne<{ count: number | string }>();
    return Number(row?.count ?? 0);
  }

  /**
   * The next `limit` recipients after `afterUserId`, in user-id order, one row per person, with the
   * node each is reached through: a worker's enterprise, else the lowest node where they hold a
   * reached officer role, else a reached union staff role.
   */
  async findRecipientsAfter(
    manager: EntityManager,
    filter: AudienceFilter,
    afterUserId: number,
    limit: number,
  ): Promise<AudienceRecipient[]> {
    const sql = audienceSql(filter);
    const reachedAs = [sql.worker, sql.officer, sql.unionStaff].filter((part): part is string => part !== null);
    if (reachedAs.length === 0) return [];
    const grantNode = (role: Role, condition: string | null) =>
      condition === null
        ? null
        : '(SELECT MIN(node_grant.org_unit_id) FROM role_grant node_grant' +
          ' INNER JOIN org_unit node_unit ON node_unit.id = node_grant.org_unit_id' +
          ` WHERE node_grant.user_id = person.id AND node_grant.role = '${role}' AND node_unit.path LIKE :scopePrefix` +
          ' AND node_unit.archived_at IS NULL' +
          `${role === Role.Officer ? industryCondition(filter, 'node_unit') : ''})`;
    const staffNodes = [grantNode(Role.Officer, sql.officer), grantNode(Role.UnionStaff, sql.unionStaff)].filter(
      (part): part is string => part !== null,
    );
    const staffNode =
      staffNodes.length === 0 ? 'NULL' : staffNodes.length === 1 ? staffNodes[0] : `COALESCE(${staffNodes.join(', ')})`;
    const nodeExpression =
      sql.worker === null ? staffNode : `CASE WHEN ${sql.worker} THEN person.enterprise_id ELSE ${staffNode} END`;
    const rows = await manager
      .getRepository(User)
      .createQueryBuilder('person')
      .select('person.id', 'userId')
      .addSelect(nodeExpression, 'nodeId')
      // Left join by primary key: the walk stays on the user primary key, each person looked up once.
      .leftJoin(OrgUnit, 'person_enterprise', 'person_enterprise.id = person.enterprise_id')
      .where('person.id > :afterUserId', { afterUserId })
      .andWhere('person.disabled_at IS NULL')
      .andWhere(`(${reachedAs.join(' OR ')})`)
      .setParameters(sql.parameters)
      .orderBy('person.id', 'ASC')
      .limit(limit)
      .getRawMany<{ userId: number | string; nodeId: number | string | null }>();
    return rows.map((row) => ({
      userId: Number(row.userId),
      nodeId: row.nodeId === null ? null : Number(row.nodeId),
    }));
  }
}

/** The conditions of each way a person is reached; null where the filters rule that way out. */
function audienceSql(filter: AudienceFilter): AudienceSql {
  const parameters: Record<string, unknown> = { scopePrefix: `${filter.scopePath}%` };
  if (filter.industries.length > 0) parameters.audienceIndustries = [...filter.industries];
  if (filter.workerGroups.length > 0) parameters.audienceWorkerGroups = [...filter.workerGroups];
  const wants = (role: Role) => filter.roles.length === 0 || filter.roles.includes(role);
  // A group filter reaches workers only; an industry filter leaves out union staff, who sit above enterprises.
  const staffReached = filter.workerGroups.length === 0;

  let worker: string | null = null;
  if (wants(Role.Worker)) {
    worker =
      '(person_enterprise.path LIKE :scopePrefix AND person_enterprise.archived_at IS NULL' +
      industryCondition(filter, 'person_enterprise');
    if (filter.workerGroups.length > 0) {
      worker +=
        ' AND (SELECT MIN(audience_group.worker_group) FROM user_worker_group audience_group' +
        ' WHERE audience_group.user_id = person.id AND audience_group.worker_group IN (:...audienceWorkerGroups)) IS NOT NULL';
    }
    worker += ')';
  }
  // Scalar subqueries rather than EXISTS: MariaDB would materialise an EXISTS for every page of the
  // walk (every grant of the subtree, 200k worker grants in a province); these stay look-ups of the
  // person's own grants by (user_id, role) and of their groups by primary key.
  const holds = (role: Role, withIndustry: boolean) =>
    '(SELECT MIN(held_grant.org_unit_id) FROM role_grant held_grant INNER JOIN org_unit held_unit ON held_unit.id = held_grant.org_unit_id' +
    ` WHERE held_grant.user_id = person.id AND held_grant.role = '${role}' AND held_unit.path LIKE :scopePrefix` +
    ' AND held_unit.archived_at IS NULL' +
    `${withIndustry ? industryCondition(filter, 'held_unit') : ''}) IS NOT NULL`;
  const officer = wants(Role.Officer) && staffReached ? holds(Role.Officer, true) : null;
  const unionStaff =
    wants(Role.UnionStaff) && staffReached && filter.industries.length === 0 ? holds(Role.UnionStaff, false) : null;
  return { worker, officer, unionStaff, parameters };
}

function industryCondition(filter: AudienceFilter, unitAlias: string): string {
  return filter.industries.length > 0 ? ` AND ${unitAlias}.industry IN (:...audienceIndustries)` : '';
}
