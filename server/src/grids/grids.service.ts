import { AuthErrorCode, CommonErrorCode, OrgErrorCode, OrgKind, Permission } from '@ankang/shared';
import { Injectable } from '@nestjs/common';
import type { Scope } from '../access/scope';
import { AppException } from '../common/app-exception';
import { decodeCursor, pageLimit, toPage } from '../common/pagination';
import { isUniqueViolation } from '../database/unique-violation';
import type { OrgUnit } from '../org/org-unit.entity';
import { OrgUnitsRepository } from '../org/org-units.repository';
import type { User } from '../users/user.entity';
import { UsersRepository } from '../users/users.repository';
import type { Grid } from './grid.entity';
import {
  type CreateGridDto,
  type GridListQueryDto,
  type GridPageDto,
  type GridSummaryDto,
  toGridSummary,
  type UpdateGridDto,
} from './grids.dto';
import { type GridChanges, GridsRepository } from './grids.repository';

type GridWithUnion = Grid & { union: OrgUnit };

const ARCHIVED_GRID_MESSAGE = '该网格已归档，不能再修改';

/**
 * 网格: groups of workplaces under a union node with a responsible officer. Read with OrgRead,
 * managed with GridManage, both within the union's subtree.
 */
@Injectable()
export class GridsService {
  constructor(
    private readonly grids: GridsRepository,
    private readonly units: OrgUnitsRepository,
    private readonly users: UsersRepository,
  ) {}

  async list(scope: Scope, query: GridListQueryDto): Promise<GridPageDto> {
    let paths = scope.pathsFor(Permission.OrgRead);
    if (query.unionId !== undefined) {
      const union = await this.units.findById(Number(query.unionId));
      if (!union || !scope.can(Permission.OrgRead, union.path)) throw new AppException(CommonErrorCode.NotFound);
      paths = [union.path];
    }
    const limit = pageLimit(query);
    const rows = await this.grids.findPage({
      paths,
      q: query.q || undefined,
      includeArchived: query.includeArchived ?? false,
      afterId: query.cursor === undefined ? null : Number(decodeCursor(query.cursor, ['number'])[0]),
      take: limit + 1,
    });
    const counts = await this.grids.countWorkplaces(rows.slice(0, limit).map((grid) => grid.id));
    return toPage(
      rows,
      limit,
      (grid) => [grid.id],
      (grid) => toGridSummary(grid, counts.get(grid.id) ?? 0),
    );
  }

  async get(scope: Scope, id: number): Promise<GridSummaryDto> {
    const grid = await this.findReadable(scope, id);
    const counts = await this.grids.countWorkplaces([grid.id]);
    return toGridSummary(grid, counts.get(grid.id) ?? 0);
  }

  async create(scope: Scope, body: CreateGridDto): Promise<GridSummaryDto> {
    const union = await this.units.findById(Number(body.unionId));
    if (!union || !scope.can(Permission.OrgRead, union.path)) {
      throw new AppException(CommonErrorCode.NotFound, [{ field: 'unionId', message: '工会不存在或您无权查看' }]);
    }
    if (!scope.can(Permission.GridManage, union.path)) throw new AppException(AuthErrorCode.Forbidden);
    if (union.kind !== OrgKind.Union) {
      throw new AppException(CommonErrorCode.ValidationFailed, [{ field: 'unionId', message: '网格只能设在工会之下' }]);
    }
    if (union.archivedAt) throw new AppException(OrgErrorCode.NodeArchived);
    const officer =
      body.officerUserId === undefined ? null : await this.officerFor(union.path, Number(body.officerUserId));
    const id = await this.withUniqueName(() =>
      this.grids.insertGrid({ unionId: union.id, name: body.name, officerUserId: officer?.id ?? null }),
    );
    return this.get(scope, id);
  }

  async update(scope: Scope, id: number, body: UpdateGridDto): Promise<GridSummaryDto> {
    const grid = await this.findManageable(scope, id);
    const changes: GridChanges = {};
    if (body.name !== undefined) changes.name = body.name;
    if (body.officerUserId !== undefined) {
      changes.officerUserId =
        body.officerUserId === null ? null : (await this.officerFor(grid.union.path, Number(body.officerUserId))).id;
    }
    await this.withUniqueName(() => this.grids.updateGrid(grid.id, changes, new Date()));
    return this.get(scope, id);
  }

  async archive(scope: Scope, id: number): Promise<GridSummaryDto> {
    const grid = await this.findReadable(scope, id);
    if (!scope.can(Permission.GridManage, grid.union.path)) throw new AppException(AuthErrorCode.Forbidden);
    // Archiving twice is a retry: it changes nothing.
    if (!grid.archivedAt) {
      await this.grids.transaction(async (manager) => {
        const locked = await this.grids.lockById(grid.id, manager);
        if (locked && !locked.archivedAt) await this.grids.archiveReleasingWorkplaces(grid.id, new Date(), manager);
      });
    }
    return this.get(scope, id);
  }

  /** The grid officer must be someone of the union's subtree: bound to an enterprise or holding a role there. */
  private async officerFor(unionPath: string, userId: number): Promise<User> {
    const person = await this.users.findWithinPaths(userId, [unionPath]);
    if (!person) {
      throw new AppException(CommonErrorCode.NotFound, [
        { field: 'officerUserId', message: '用户不存在或不在该工会的管辖范围内' },
      ]);
    }
    if (person.disabledAt) {
      throw new AppException(CommonErrorCode.ValidationFailed, [{ field: 'officerUserId', message: '该账号已停用' }]);
    }
    return person;
  }

  /** Grid names are unique within their union; a second grid of the same name is refused, also on a race. */
  private async withUniqueName<T>(write: () => Promise<T>): Promise<T> {
    try {
      return await write();
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      throw new AppException(CommonErrorCode.ValidationFailed, [{ field: 'name', message: '该工会下已有同名网格' }]);
    }
  }

  private async findManageable(scope: Scope, id: number): Promise<GridWithUnion> {
    const grid = await this.findReadable(scope, id);
    if (!scope.can(Permission.GridManage, grid.union.path)) throw new AppException(AuthErrorCode.Forbidden);
    if (grid.archivedAt) throw new AppException(OrgErrorCode.NodeArchived, undefined, ARCHIVED_GRID_MESSAGE);
    return grid;
  }

  /** Out of scope is answered exactly like "does not exist". */
  private async findReadable(scope: Scope, id: number): Promise<GridWithUnion> {
    const grid = await this.grids.findByIdWithRelations(id);
    if (!grid?.union || !scope.can(Permission.OrgRead, grid.union.path)) {
      throw new AppException(CommonErrorCode.NotFound);
    }
    return grid as GridWithUnion;
  }
}
