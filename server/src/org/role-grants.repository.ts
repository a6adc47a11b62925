import type { Role } from '@ankang/shared';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type EntityManager, In, Repository } from 'typeorm';
import { personWithinPathsCondition } from '../users/people-in-scope';
import { User } from '../users/user.entity';
import { RoleGrant } from './role-grant.entity';
import { lockedForWrite } from './row-locks';

/** Which grants a listing covers: those at nodes under `paths`, narrowed by person and role. */
export interface RoleGrantPageFilter {
  paths: readonly string[];
  userId?: number;
  role?: Role;
  afterId: number | null;
  take: number;
}

@Injectable()
export class RoleGrantsRepository {
  constructor(@InjectRepository(RoleGrant) private readonly grants: Repository<RoleGrant>) {}

  /** A user's grants with their org nodes, most senior node first. */
  findByUserWithOrgUnit(userId: number): Promise<RoleGrant[]> {
    return this.grants.find({ where: { userId }, relations: { orgUnit: true }, order: { id: 'ASC' } });
  }

  findByUsersWithOrgUnit(userIds: number[]): Promise<RoleGrant[]> {
    if (userIds.length === 0) return Promise.resolve([]);
    return this.grants.find({ where: { userId: In(userIds) }, relations: { orgUnit: true }, order: { id: 'ASC' } });
  }

  findByIdWithRelations(id: number): Promise<RoleGrant | null> {
    return this.grants.findOne({ where: { id }, relations: { orgUnit: true, user: true } });
  }

  /** Grants at nodes of the subtrees, oldest first, paged on the id. */
  findPage(filter: RoleGrantPageFilter): Promise<RoleGrant[]> {
    if (filter.paths.length === 0) return Promise.resolve([]);
    const query = this.grants
      .createQueryBuilder('grant')
      .innerJoinAndSelect('grant.orgUnit', 'unit')
      .innerJoinAndSelect('grant.user', 'person');
    const parameters: Record<string, string> = {};
    const clauses = filter.paths.map((path, index) => {
      parameters[`grantPath${index}`] = `${path}%`;
      return `unit.path LIKE :grantPath${index}`;
    });
    query.where(`(${clauses.join(' OR ')})`, parameters);
    if (filter.userId !== undefined) query.andWhere('grant.userId = :userId', { userId: filter.userId });
    if (filter.role !== undefined) query.andWhere('grant.role = :role', { role: filter.role });
    if (filter.afterId !== null) query.andWhere('grant.id > :afterId', { afterId: filter.afterId });
    return query.orderBy('grant.id', 'ASC').limit(filter.take).getMany();
  }

  /**
   * The person a grant may be given to: someone already in the granter's subtrees (bound to an
   * enterprise or holding a role there), or a newcomer who is bound nowhere and holds no role yet —
   * how a new cadre gets their first role. People who belong elsewhere are not found.
   */
  findGrantablePerson(userId: number, paths: readonly string[]): Promise<User | null> {
    const inScope = personWithinPathsCondition('person', paths);
    return this.grants.manager
      .getRepository(User)
      .createQueryBuilder('person')
      .where('person.id = :userId', { userId })
      .andWhere(
        `(${inScope.where} OR (person.enterprise_id IS NULL AND NOT EXISTS ` +
          '(SELECT 1 FROM role_grant newcomer_grant WHERE newcomer_grant.user_id = person.id)))',
        inScope.parameters,
      )
      .getOne();
  }

  findPeople(ids: number[]): Promise<User[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.grants.manager.getRepository(User).findBy({ id: In(ids) });
  }

  hasGrant(userId: number, role: Role, orgUnitId: number): Promise<boolean> {
    return this.grants.existsBy({ userId, role, orgUnitId });
  }

  async insertGrant(grant: Pick<RoleGrant, 'userId' | 'role' | 'orgUnitId' | 'grantedBy'>): Promise<number> {
    const inserted = await this.grants.insert({ ...grant, createdAt: new Date() });
    return Number(inserted.identifiers[0].id);
  }

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.grants.manager.transaction(work);
  }

  /** A person's grants of one role, locked so that two revocations cannot both count the same rows. */
  lockByUserAndRole(userId: number, role: Role, manager: EntityManager): Promise<RoleGrant[]> {
    return lockedForWrite(
      manager
        .getRepository(RoleGrant)
        .createQueryBuilder('grant')
        .where('grant.userId = :userId', { userId })
        .andWhere('grant.role = :role', { role }),
    ).getMany();
  }

  async deleteById(id: number, manager: EntityManager): Promise<void> {
    await manager.getRepository(RoleGrant).delete({ id });
  }
}
