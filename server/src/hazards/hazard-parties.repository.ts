import { Role } from '@ankang/shared';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { User } from '../users/user.entity';

/** The ids in a materialised path, root first: `/1/7/42/` → [1, 7, 42]. */
export function idsOnPath(path: string): number[] {
  return path
    .split('/')
    .filter((segment) => segment !== '')
    .map(Number);
}

/**
 * The people around a ticket's enterprise: who may be made responsible for a fix, and who is told
 * of what happens to it. Disabled accounts are never chosen or told.
 */
@Injectable()
export class HazardPartiesRepository {
  constructor(@InjectRepository(User) private readonly users: Repository<User>) {}

  /**
   * An active person of the enterprise: bound to it (a worker) or holding a role at it (an officer),
   * or null.
   */
  findPersonOfEnterprise(userId: number, enterpriseId: number): Promise<User | null> {
    return this.users
      .createQueryBuilder('person')
      .where('person.id = :userId', { userId })
      .andWhere('person.disabledAt IS NULL')
      .andWhere(
        '(person.enterpriseId = :enterpriseId OR EXISTS (SELECT 1 FROM role_grant enterprise_grant' +
          ' WHERE enterprise_grant.user_id = person.id AND enterprise_grant.org_unit_id = :enterpriseId))',
        { enterpriseId },
      )
      .getOne();
  }

  /** The enterprise's safety officers. */
  findOfficerIds(enterpriseId: number): Promise<number[]> {
    return this.holdersOf(Role.Officer, [enterpriseId]);
  }

  /** Union staff holding a grant at a union above the enterprise (at any level up to the root). */
  findUnionStaffIdsAbove(enterprisePath: string): Promise<number[]> {
    return this.holdersOf(Role.UnionStaff, idsOnPath(enterprisePath));
  }

  private async holdersOf(role: Role, orgUnitIds: number[]): Promise<number[]> {
    if (orgUnitIds.length === 0) return [];
    const rows = await this.users
      .createQueryBuilder('person')
      .select('person.id', 'id')
      .distinct(true)
      .innerJoin('role_grant', 'holder_grant', 'holder_grant.user_id = person.id')
      .innerJoin('org_unit', 'holder_unit', 'holder_unit.id = holder_grant.org_unit_id')
      .where('holder_grant.role = :role', { role })
      .andWhere('holder_grant.org_unit_id IN (:...orgUnitIds)', { orgUnitIds })
      // A grant at an archived node no longer counts (as in the scope of every request).
      .andWhere('holder_unit.archived_at IS NULL')
      .andWhere('person.disabledAt IS NULL')
      .orderBy('person.id', 'ASC')
      .getRawMany<{ id: number | string }>();
    return rows.map((row) => Number(row.id));
  }
}
