import { AuthErrorCode, CommonErrorCode, Permission } from '@ankang/shared';
import { Injectable } from '@nestjs/common';
import type { Scope } from '../access/scope';
import { AppException } from '../common/app-exception';
import { decodeCursor, pageLimit, toPage } from '../common/pagination';
import { OrgUnitsRepository } from '../org/org-units.repository';
import type { RoleGrant } from '../org/role-grant.entity';
import { RoleGrantsRepository } from '../org/role-grants.repository';
import type { User } from './user.entity';
import {
  toUserSummary,
  type UpdateUserDto,
  type UserListQueryDto,
  type UserPageDto,
  type UserSummaryDto,
} from './users.dto';
import { type PersonChanges, UsersRepository } from './users.repository';

/**
 * People as staff see them. A person is in a caller's scope when bound to an enterprise there or
 * holding a role at a node there; everyone else is answered exactly like nobody.
 */
@Injectable()
export class UsersService {
  constructor(
    private readonly users: UsersRepository,
    private readonly grants: RoleGrantsRepository,
    private readonly units: OrgUnitsRepository,
  ) {}

  async list(scope: Scope, query: UserListQueryDto): Promise<UserPageDto> {
    let paths = scope.pathsFor(Permission.UserRead);
    if (query.orgUnitId !== undefined) {
      const unit = await this.units.findById(Number(query.orgUnitId));
      if (!unit || !scope.can(Permission.UserRead, unit.path)) throw new AppException(CommonErrorCode.NotFound);
      paths = [unit.path];
    }
    const limit = pageLimit(query);
    const rows = await this.users.findPage({
      paths,
      q: query.q || undefined,
      role: query.role,
      workerGroup: query.workerGroup,
      afterId: query.cursor === undefined ? null : Number(decodeCursor(query.cursor, ['number'])[0]),
      take: limit + 1,
    });
    const page = toPage(
      rows,
      limit,
      (person) => [person.id],
      (person) => person,
    );
    return { items: await this.summariesOf(scope, page.items), nextCursor: page.nextCursor };
  }

  async get(scope: Scope, id: number): Promise<UserSummaryDto> {
    const [summary] = await this.summariesOf(scope, [await this.findReadable(scope, id)]);
    return summary;
  }

  async update(scope: Scope, id: number, body: UpdateUserDto): Promise<UserSummaryDto> {
    const person = await this.findReadable(scope, id);
    const grants = await this.grants.findByUserWithOrgUnit(person.id);
    if (!mayEdit(scope, person, grants)) throw new AppException(AuthErrorCode.Forbidden);
    if (body.disabled === true && person.id === scope.userId) {
      throw new AppException(CommonErrorCode.ValidationFailed, [{ field: 'disabled', message: '不能停用自己的账号' }]);
    }
    const changes: PersonChanges = {
      displayName: body.displayName,
      employeeNumber: body.employeeNumber,
      workerGroups: body.workerGroups === undefined ? undefined : [...new Set(body.workerGroups)],
    };
    if (body.disabled !== undefined) changes.disabledAt = body.disabled ? (person.disabledAt ?? new Date()) : null;
    await this.users.updatePerson(person.id, changes, new Date());
    return this.get(scope, id);
  }

  /** Summaries in the order of `people`, with one query each for worker groups and grants. */
  private async summariesOf(scope: Scope, people: User[]): Promise<UserSummaryDto[]> {
    const ids = people.map((person) => person.id);
    const [groups, grants] = await Promise.all([
      this.users.findWorkerGroupsOf(ids),
      this.grants.findByUsersWithOrgUnit(ids),
    ]);
    const visible = grants.filter((grant) => grant.orgUnit && scope.can(Permission.UserRead, grant.orgUnit.path));
    return people.map((person) =>
      toUserSummary(
        person,
        groups.get(person.id) ?? [],
        visible.filter((grant) => grant.userId === person.id),
        person.enterprise ? scope.can(Permission.UserRead, person.enterprise.path) : false,
      ),
    );
  }

  /** Out of scope is answered exactly like "does not exist". */
  private async findReadable(scope: Scope, id: number): Promise<User> {
    const person = await this.users.findWithinPaths(id, scope.pathsFor(Permission.UserRead));
    if (!person) throw new AppException(CommonErrorCode.NotFound);
    return person;
  }
}

/**
 * Staff edit only people who lie wholly in their UserUpdate subtrees: the person's enterprise and
 * every node where they hold a role. An officer may thus disable a worker of their enterprise but
 * not a union cadre who happens to be bound to it.
 */
function mayEdit(scope: Scope, person: User, grants: RoleGrant[]): boolean {
  const places = [
    ...(person.enterprise ? [person.enterprise.path] : []),
    ...grants.flatMap((grant) => (grant.orgUnit ? [grant.orgUnit.path] : [])),
  ];
  return places.length > 0 && places.every((path) => scope.can(Permission.UserUpdate, path));
}
