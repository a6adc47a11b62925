import { type Role, WorkerGroup } from '@ankang/shared';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, IsNull, Repository, type SelectQueryBuilder } from 'typeorm';
import { AuthSession } from '../auth/auth-session.entity';
import { isUniqueViolation } from '../database/unique-violation';
import { containsPattern, endsWithPattern, LIKE_ESCAPE } from '../org/text-search';
import { personWithinPathsCondition } from './people-in-scope';
import { User } from './user.entity';
import { UserWorkerGroup } from './user-worker-group.entity';

const NEW_WECHAT_USER_NAME = '微信用户';
const WORKER_GROUP_ORDER = Object.values(WorkerGroup);

/** Staff search the phone by the last digits the mask shows (138****1234), never by the hidden ones. */
const PHONE_SEARCH = /^[0-9]{1,4}$/;

/** Which people a staff listing covers: those in the subtrees at `paths`, narrowed by the filters. */
export interface PeoplePageFilter {
  paths: readonly string[];
  q?: string;
  role?: Role;
  workerGroup?: WorkerGroup;
  afterId: number | null;
  take: number;
}

/**
 * What may change about a person (by themselves on 我的, or by staff). Absent fields stay as they are;
 * `workerGroups` is the whole new set; `disabledAt` is for staff only.
 */
export interface PersonChanges {
  displayName?: string;
  employeeNumber?: string | null;
  workerGroups?: WorkerGroup[];
  disabledAt?: Date | null;
}

@Injectable()
export class UsersRepository {
  constructor(@InjectRepository(User) private readonly users: Repository<User>) {}

  findById(id: number): Promise<User | null> {
    return this.users.findOneBy({ id });
  }

  /** The person with their enterprise and worker groups. */
  findByIdWithProfile(id: number): Promise<User | null> {
    return this.users.findOne({ where: { id }, relations: { enterprise: true, workerGroups: true } });
  }

  async setPhone(id: number, phone: string): Promise<void> {
    await this.users.update({ id }, { phone, updatedAt: new Date() });
  }

  findByIdWithEnterprise(id: number): Promise<User | null> {
    return this.users.findOne({ where: { id }, relations: { enterprise: true } });
  }

  findByOpenId(openId: string): Promise<User | null> {
    return this.users.findOneBy({ openId });
  }

  findByUsername(username: string): Promise<User | null> {
    return this.users.findOneBy({ username });
  }

  findByUsernames(usernames: string[]): Promise<User[]> {
    return usernames.length === 0 ? Promise.resolve([]) : this.users.findBy({ username: In(usernames) });
  }

  /**
   * The user with this openid, created on first login. Two first logins racing each other both end
   * with the same row: the loser of the insert reads the winner's.
   */
  async findOrCreateByOpenId(openId: string, unionId: string | null): Promise<{ user: User; created: boolean }> {
    const existing = await this.findByOpenId(openId);
    if (existing) return { user: existing, created: false };
    const now = new Date();
    try {
      const result = await this.users.insert({
        openId,
        unionId,
        displayName: NEW_WECHAT_USER_NAME,
        createdAt: now,
        updatedAt: now,
      });
      const id = Number(result.identifiers[0].id);
      return { user: await this.findOrFail(id), created: true };
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      const winner = await this.findByOpenId(openId);
      if (!winner) throw error;
      return { user: winner, created: false };
    }
  }

  /** The person, with their enterprise, when they are in one of the subtrees at `paths`. */
  findWithinPaths(id: number, paths: readonly string[]): Promise<User | null> {
    const within = personWithinPathsCondition('person', paths);
    return this.users
      .createQueryBuilder('person')
      .leftJoinAndSelect('person.enterprise', 'enterprise')
      .where('person.id = :id', { id })
      .andWhere(within.where, within.parameters)
      .getOne();
  }

  /** People of the subtrees, in id order, paged on the id; each with their enterprise. */
  findPage(filter: PeoplePageFilter): Promise<User[]> {
    if (filter.paths.length === 0) return Promise.resolve([]);
    const within = personWithinPathsCondition('person', filter.paths);
    const query = this.users
      .createQueryBuilder('person')
      .leftJoinAndSelect('person.enterprise', 'enterprise')
      .where(within.where, within.parameters);
    if (filter.afterId !== null) query.andWhere('person.id > :afterId', { afterId: filter.afterId });
    if (filter.q) this.matchingText(query, filter.q);
    if (filter.role !== undefined) this.holdingRole(query, filter.role, filter.paths);
    if (filter.workerGroup !== undefined) {
      query.andWhere(
        'EXISTS (SELECT 1 FROM user_worker_group group_filter' +
          ' WHERE group_filter.user_id = person.id AND group_filter.worker_group = :workerGroup)',
        { workerGroup: filter.workerGroup },
      );
    }
    return query.orderBy('person.id', 'ASC').limit(filter.take).getMany();
  }

  private matchingText(query: SelectQueryBuilder<User>, q: string): void {
    const clauses = [`person.displayName LIKE :text ${LIKE_ESCAPE}`, `person.employeeNumber LIKE :text ${LIKE_ESCAPE}`];
    if (PHONE_SEARCH.test(q)) clauses.push(`person.phone LIKE :phoneEnd ${LIKE_ESCAPE}`);
    query.andWhere(`(${clauses.join(' OR ')})`, { text: containsPattern(q), phoneEnd: endsWithPattern(q) });
  }

  /** Holding the role at a node of the same subtrees: a role elsewhere is not the caller's business. */
  private holdingRole(query: SelectQueryBuilder<User>, role: Role, paths: readonly string[]): void {
    const parameters: Record<string, string> = { role };
    const within = paths.map((path, index) => {
      parameters[`rolePath${index}`] = `${path}%`;
      return `role_unit.path LIKE :rolePath${index}`;
    });
    query.andWhere(
      'EXISTS (SELECT 1 FROM role_grant role_filter' +
        ' INNER JOIN org_unit role_unit ON role_unit.id = role_filter.org_unit_id' +
        ` WHERE role_filter.user_id = person.id AND role_filter.role = :role AND (${within.join(' OR ')}))`,
      parameters,
    );
  }

  async findWorkerGroupsOf(userIds: number[]): Promise<Map<number, WorkerGroup[]>> {
    const groups = new Map<number, WorkerGroup[]>();
    if (userIds.length === 0) return groups;
    const rows = await this.users.manager.getRepository(UserWorkerGroup).findBy({ userId: In(userIds) });
    // In the enum's own order: MySQL would sort an ENUM by its index, SQLite by its text.
    rows.sort(
      (left, right) => WORKER_GROUP_ORDER.indexOf(left.workerGroup) - WORKER_GROUP_ORDER.indexOf(right.workerGroup),
    );
    for (const row of rows) groups.set(row.userId, [...(groups.get(row.userId) ?? []), row.workerGroup]);
    return groups;
  }

  /**
   * Applies the changes in one transaction: the fields, the worker groups as a whole new set, and —
   * when the account is being disabled — the revocation of every refresh-token session, so that no
   * device of the person can renew its access.
   */
  async updatePerson(id: number, changes: PersonChanges, at: Date): Promise<void> {
    await this.users.manager.transaction(async (manager) => {
      const { workerGroups, ...fields } = changes;
      await manager.getRepository(User).update({ id }, { ...fields, updatedAt: at });
      if (workerGroups !== undefined) {
        const memberships = manager.getRepository(UserWorkerGroup);
        await memberships.delete({ userId: id });
        if (workerGroups.length > 0) {
          await memberships.insert(workerGroups.map((workerGroup) => ({ userId: id, workerGroup })));
        }
      }
      if (changes.disabledAt) {
        await manager.getRepository(AuthSession).update({ userId: id, revokedAt: IsNull() }, { revokedAt: at });
      }
    });
  }

  private async findOrFail(id: number): Promise<User> {
    const user = await this.findById(id);
    if (!user) throw new Error(`User ${id} vanished right after it was inserted`);
    return user;
  }
}
