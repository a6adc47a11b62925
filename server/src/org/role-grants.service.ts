import {
  CommonErrorCode,
  GRANTABLE_ROLES,
  OrgErrorCode,
  Permission,
  ROLE_NODE_KINDS,
  Role,
  roleHasPermission,
} from '@ankang/shared';
import { Injectable } from '@nestjs/common';
import type { Scope } from '../access/scope';
import { AppException } from '../common/app-exception';
import { decodeCursor, pageLimit, toPage } from '../common/pagination';
import { isUniqueViolation } from '../database/unique-violation';
import { OrgUnitsRepository } from './org-units.repository';
import type { RoleGrant } from './role-grant.entity';
import {
  type CreateRoleGrantDto,
  type RoleGrantDetailDto,
  type RoleGrantListQueryDto,
  type RoleGrantPageDto,
  toRoleGrantDetail,
} from './role-grants.dto';
import { RoleGrantsRepository } from './role-grants.repository';

const WORKER_ROLE_MESSAGE = '职工身份由扫码「我在这里工作」绑定企业产生，不能在此授予或撤销';
const LAST_ADMIN_MESSAGE = '不能撤销自己唯一的系统管理员角色，请由其他管理员处理';

/**
 * Who holds which role where. A grant is made or revoked only by someone who holds, at or above the
 * node, a role that carries GrantManage and lists the granted role among those it may grant.
 */
@Injectable()
export class RoleGrantsService {
  constructor(
    private readonly grants: RoleGrantsRepository,
    private readonly units: OrgUnitsRepository,
  ) {}

  async list(scope: Scope, query: RoleGrantListQueryDto): Promise<RoleGrantPageDto> {
    let paths = scope.pathsFor(Permission.GrantManage);
    if (query.orgUnitId !== undefined) {
      const unit = await this.units.findById(Number(query.orgUnitId));
      if (!unit || !scope.can(Permission.GrantManage, unit.path)) throw new AppException(CommonErrorCode.NotFound);
      paths = [unit.path];
    }
    const limit = pageLimit(query);
    const rows = await this.grants.findPage({
      paths,
      userId: query.userId === undefined ? undefined : Number(query.userId),
      role: query.role,
      afterId: query.cursor === undefined ? null : Number(decodeCursor(query.cursor, ['number'])[0]),
      take: limit + 1,
    });
    const granters = await this.grantersOf(rows.slice(0, limit));
    return toPage(
      rows,
      limit,
      (grant) => [grant.id],
      (grant) => toRoleGrantDetail(grant, granters.get(grant.grantedBy ?? 0) ?? null),
    );
  }

  async create(scope: Scope, body: CreateRoleGrantDto): Promise<RoleGrantDetailDto> {
    if (body.role === Role.Worker) {
      throw new AppException(
        CommonErrorCode.ValidationFailed,
        [{ field: 'role', message: WORKER_ROLE_MESSAGE }],
        WORKER_ROLE_MESSAGE,
      );
    }
    // The granter names the node: whether it is missing or outside their reach, "above your scope" is
    // the honest answer, and it is the same answer for both.
    const unit = await this.units.findById(Number(body.orgUnitId));
    if (!unit || !mayGrant(scope, body.role, unit.path)) throw new AppException(OrgErrorCode.GrantAboveScope);
    if (!ROLE_NODE_KINDS[body.role].includes(unit.kind)) throw new AppException(OrgErrorCode.GrantRoleNodeKind);
    if (unit.archivedAt) throw new AppException(OrgErrorCode.NodeArchived);
    const userId = Number(body.userId);
    const person = await this.grants.findGrantablePerson(userId, scope.pathsFor(Permission.GrantManage));
    if (!person) {
      throw new AppException(CommonErrorCode.NotFound, [
        { field: 'userId', message: '用户不存在或不在您的管辖范围内' },
      ]);
    }
    if (person.disabledAt) {
      throw new AppException(CommonErrorCode.ValidationFailed, [{ field: 'userId', message: '该账号已停用' }]);
    }
    if (await this.grants.hasGrant(userId, body.role, unit.id)) throw new AppException(OrgErrorCode.GrantExists);
    const id = await this.insertOnce({ userId, role: body.role, orgUnitId: unit.id, grantedBy: scope.userId });
    return this.detailOf(await this.findOrFail(id));
  }

  async revoke(scope: Scope, id: number): Promise<void> {
    await this.grants.transaction(async (manager) => {
      const grant = await this.grants.findByIdWithRelations(id);
      if (!grant?.orgUnit || !scope.can(Permission.GrantManage, grant.orgUnit.path)) {
        throw new AppException(CommonErrorCode.NotFound);
      }
      if (grant.role === Role.Worker) {
        throw new AppException(
          CommonErrorCode.ValidationFailed,
          [{ field: 'role', message: WORKER_ROLE_MESSAGE }],
          WORKER_ROLE_MESSAGE,
        );
      }
      if (!mayGrant(scope, grant.role, grant.orgUnit.path)) throw new AppException(OrgErrorCode.GrantAboveScope);
      if (grant.userId === scope.userId && grant.role === Role.Admin) {
        const adminGrants = await this.grants.lockByUserAndRole(scope.userId, Role.Admin, manager);
        if (adminGrants.length <= 1) {
          throw new AppException(
            CommonErrorCode.ValidationFailed,
            [{ field: 'id', message: LAST_ADMIN_MESSAGE }],
            LAST_ADMIN_MESSAGE,
          );
        }
      }
      await this.grants.deleteById(grant.id, manager);
    });
  }

  /** Two identical requests racing meet at the unique key; the second is told the grant exists. */
  private async insertOnce(grant: Pick<RoleGrant, 'userId' | 'role' | 'orgUnitId' | 'grantedBy'>): Promise<number> {
    try {
      return await this.grants.insertGrant(grant);
    } catch (error) {
      if (isUniqueViolation(error)) throw new AppException(OrgErrorCode.GrantExists);
      throw error;
    }
  }

  private async detailOf(grant: RoleGrant): Promise<RoleGrantDetailDto> {
    const granters = await this.grantersOf([grant]);
    return toRoleGrantDetail(grant, granters.get(grant.grantedBy ?? 0) ?? null);
  }

  private async grantersOf(grants: RoleGrant[]) {
    const ids = [...new Set(grants.map((grant) => grant.grantedBy).filter((id): id is number => id !== null))];
    return new Map((await this.grants.findPeople(ids)).map((person) => [person.id, person]));
  }

  private async findOrFail(id: number): Promise<RoleGrant> {
    const grant = await this.grants.findByIdWithRelations(id);
    if (!grant) throw new AppException(CommonErrorCode.NotFound);
    return grant;
  }
}

/**
 * True when one of the caller's grants carries GrantManage, reaches the node at `path`, and its role
 * may grant `role` (GRANTABLE_ROLES): an officer makes officers of their enterprise, never union staff.
 */
function mayGrant(scope: Scope, role: Role, path: string): boolean {
  return scope.grants.some(
    (grant) =>
      roleHasPermission(grant.role, Permission.GrantManage) &&
      path.startsWith(grant.path) &&
      GRANTABLE_ROLES[grant.role].includes(role),
  );
}
