import {
  AuthErrorCode,
  allowedChildKinds,
  BindingMode,
  CommonErrorCode,
  type FieldError,
  OrgErrorCode,
  OrgKind,
  Permission,
  WORKPLACE_CODE_MAX_LENGTH,
  type WorkplaceCodeProblem,
  workplaceCodeProblem,
} from '@ankang/shared';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Scope } from '../access/scope';
import { AppException } from '../common/app-exception';
import { decodeCursor, pageLimit, toPage } from '../common/pagination';
import { isUniqueViolation } from '../database/unique-violation';
import type { Grid } from '../grids/grid.entity';
import type { OrgUnit } from './org-unit.entity';
import {
  type CreateOrgUnitDto,
  type MoveOrgUnitDto,
  type OrgUnitDetailDto,
  type OrgUnitListQueryDto,
  type OrgUnitPageDto,
  toOrgUnitDetail,
  toOrgUnitSummary,
  type UpdateOrgUnitDto,
} from './org-units.dto';
import { type OrgUnitChanges, type OrgUnitFilters, OrgUnitsRepository, type PathPage } from './org-units.repository';
import { generateWorkplaceCode } from './workplace-code-generator';

const CODE_PROBLEM_MESSAGES: Record<WorkplaceCodeProblem, string> = {
  empty: '场所编码不能为空',
  too_long: `场所编码不能超过 ${WORKPLACE_CODE_MAX_LENGTH} 个字符`,
  forbidden_characters: "场所编码只能由字母、数字和 !#$&'()*+,/:;=?@-._~ 组成",
};

/** A generated code that collides is drawn again; five collisions in a row would mean a broken generator. */
const GENERATED_CODE_ATTEMPTS = 5;

/**
 * The union's tree: listing in tree order, details, and the administration of nodes. Every query is
 * limited to the caller's scope; a node outside it is answered exactly like a node that does not exist.
 */
@Injectable()
export class OrgUnitsService {
  constructor(private readonly units: OrgUnitsRepository) {}

  async list(scope: Scope, query: OrgUnitListQueryDto): Promise<OrgUnitPageDto> {
    if (query.parentId !== undefined && query.withinId !== undefined) {
      throw new AppException(CommonErrorCode.ValidationFailed, [
        { field: 'withinId', message: '不能与 parentId 同时使用' },
      ]);
    }
    const limit = pageLimit(query);
    const page: PathPage = {
      afterPath: query.cursor === undefined ? null : String(decodeCursor(query.cursor, ['string'])[0]),
      take: limit + 1,
    };
    const filters: OrgUnitFilters = {
      kind: query.kind,
      q: query.q || undefined,
      includeArchived: query.includeArchived ?? false,
    };
    const rows = await this.listRows(scope, query, filters, page);
    // Workplaces are leaves: only other kinds need their children counted.
    const counted = rows.slice(0, limit).filter((unit) => unit.kind !== OrgKind.Workplace);
    const childCounts = await this.units.countActiveChildren(counted.map((unit) => unit.id));
    return toPage(
      rows,
      limit,
      (unit) => [unit.path],
      (unit) => toOrgUnitSummary(unit, childCounts.get(unit.id) ?? 0),
    );
  }

  async get(scope: Scope, id: number): Promise<OrgUnitDetailDto> {
    return this.detailOf(scope, await this.findReadable(scope, id));
  }

  async create(scope: Scope, body: CreateOrgUnitDto): Promise<OrgUnitDetailDto> {
    if (body.kind !== OrgKind.Workplace || body.code !== undefined) {
      return this.detailOf(scope, await this.insertChecked(scope, body, body.code ?? null));
    }
    for (let attempt = 1; ; attempt += 1) {
      try {
        return this.detailOf(scope, await this.insertChecked(scope, body, generateWorkplaceCode()));
      } catch (error) {
        const collided = error instanceof AppException && error.code === OrgErrorCode.WorkplaceCodeTaken;
        if (!collided || attempt >= GENERATED_CODE_ATTEMPTS) throw error;
      }
    }
  }

  async update(scope: Scope, id: number, body: UpdateOrgUnitDto): Promise<OrgUnitDetailDto> {
    await this.writeWithCode(async (manager) => {
      const unit = await this.lockReadable(scope, id, manager);
      this.assertMay(scope.can(Permission.OrgUpdate, unit.path));
      if (unit.archivedAt) throw new AppException(OrgErrorCode.NodeArchived);
      assertFieldsApply(unit.kind, body);
      const changes = await this.changesFor(scope, unit, body, manager);
      const now = new Date();
      await this.units.updateNode(unit.id, changes, now, manager);
      if (changes.industry !== undefined && changes.industry !== null && changes.industry !== unit.industry) {
        await this.units.setWorkplacesIndustry(unit.id, changes.industry, now, manager);
      }
    });
    return this.get(scope, id);
  }

  async move(scope: Scope, id: number, body: MoveOrgUnitDto): Promise<OrgUnitDetailDto> {
    const parentId = Number(body.parentId);
    await this.units.transaction(async (manager) => {
      const locked = await this.units.lockPair(id, parentId, manager);
      const unit = this.readable(scope, locked.get(id));
      const parent = locked.get(parentId);
      if (!parent || !scope.can(Permission.OrgRead, parent.path)) throw parentNotFound();
      this.assertMay(scope.can(Permission.OrgStructure, unit.path) && scope.can(Permission.OrgStructure, parent.path));
      if (parent.path.startsWith(unit.path)) throw new AppException(OrgErrorCode.MoveCycle);
      // Already there: a retried move changes nothing.
      if (unit.parentId === parent.id) return;
      if (unit.archivedAt || parent.archivedAt) throw new AppException(OrgErrorCode.NodeArchived);
      if (!allowedChildKinds(parent.kind).includes(unit.kind)) {
        throw new AppException(OrgErrorCode.ParentKindNotAllowed);
      }
      const now = new Date();
      const newPath = await this.units.moveSubtree(unit, parent, now, manager);
      if (unit.kind === OrgKind.Workplace && unit.industry !== parent.industry) {
        await this.units.updateNode(unit.id, { industry: parent.industry }, now, manager);
      }
      // A grid groups workplaces of its union's subtree: a workplace that left it leaves the grid.
      const gridded = await this.units.findGriddedWorkplacesWithin(newPath, manager);
      const outside = gridded.filter((workplace) => !workplace.path.startsWith(workplace.unionPath));
      await this.units.clearGrid(
        outside.map((workplace) => workplace.id),
        now,
        manager,
      );
    });
    return this.get(scope, id);
  }

  async archive(scope: Scope, id: number): Promise<OrgUnitDetailDto> {
    await this.units.transaction(async (manager) => {
      const unit = await this.lockReadable(scope, id, manager);
      const mayArchive =
        scope.can(Permission.OrgStructure, unit.path) ||
        (unit.kind === OrgKind.Workplace && scope.can(Permission.WorkplaceManage, unit.path));
      this.assertMay(mayArchive);
      // Archiving twice is a retry: it changes nothing.
      if (unit.archivedAt) return;
      if ((await this.units.countActiveChildrenLocked(unit.id, manager)) > 0) {
        throw new AppException(OrgErrorCode.HasActiveChildren);
      }
      await this.units.archive(unit.id, new Date(), manager);
    });
    return this.get(scope, id);
  }

  private listRows(scope: Scope, query: OrgUnitListQueryDto, filters: OrgUnitFilters, page: PathPage) {
    if (query.parentId !== undefined) {
      return this.findReadable(scope, Number(query.parentId)).then((parent) =>
        this.units.findChildrenPage(parent.id, filters, page),
      );
    }
    // The anchor lies in scope, so all of its subtree does: no further scope condition is needed.
    if (query.withinId !== undefined) {
      return this.findReadable(scope, Number(query.withinId)).then((ancestor) =>
        this.units.findDescendantsPage(ancestor.path, filters, page),
      );
    }
    return this.units.findWithPathsPage(scope.pathsFor(Permission.OrgRead), filters, page);
  }

  /** Inserts a node after checking the parent, the caller's permission and the fields, in one transaction. */
  private async insertChecked(scope: Scope, body: CreateOrgUnitDto, code: string | null): Promise<OrgUnit> {
    return this.writeWithCode(async (manager) => {
      const parent = await this.units.lockById(Number(body.parentId), manager);
      if (!parent || !scope.can(Permission.OrgRead, parent.path)) throw parentNotFound();
      const mayCreate =
        scope.can(Permission.OrgStructure, parent.path) ||
        (body.kind === OrgKind.Workplace && scope.can(Permission.WorkplaceManage, parent.path));
      this.assertMay(mayCreate);
      if (parent.archivedAt) throw new AppException(OrgErrorCode.NodeArchived);
      if (!allowedChildKinds(parent.kind).includes(body.kind)) {
        throw new AppException(OrgErrorCode.ParentKindNotAllowed);
      }
      assertFieldsApply(body.kind, body);
      if (body.kind === OrgKind.Enterprise && body.industry === undefined) {
        throw new AppException(OrgErrorCode.IndustryRequired, [{ field: 'industry', message: '请选择所属行业' }]);
      }
      assertCoordinatesPaired(body.latitude ?? null, body.longitude ?? null);
      if (code !== null) await this.assertCodeAvailable(code, null, manager);
      return this.units.insertNode(
        parent,
        {
          kind: body.kind,
          name: body.name,
          industry: body.kind === OrgKind.Workplace ? parent.industry : (body.industry ?? null),
          code,
          address: body.address || null,
          latitude: body.latitude ?? null,
          longitude: body.longitude ?? null,
          bindingMode: body.kind === OrgKind.Enterprise ? (body.bindingMode ?? BindingMode.Approval) : null,
        },
        manager,
      );
    });
  }

  private async changesFor(
    scope: Scope,
    unit: OrgUnit,
    body: UpdateOrgUnitDto,
    manager: EntityManager,
  ): Promise<OrgUnitChanges> {
    const changes: OrgUnitChanges = {};
    if (body.name !== undefined) changes.name = body.name;
    if (body.industry !== undefined) changes.industry = body.industry;
    if (body.bindingMode !== undefined) changes.bindingMode = body.bindingMode;
    if (body.address !== undefined) changes.address = body.address || null;
    if (body.latitude !== undefined) changes.latitude = body.latitude;
    if (body.longitude !== undefined) changes.longitude = body.longitude;
    assertCoordinatesPaired(
      changes.latitude === undefined ? unit.latitude : changes.latitude,
      changes.longitude === undefined ? unit.longitude : changes.longitude,
    );
    if (body.code !== undefined && body.code !== unit.code) {
      await this.assertCodeAvailable(body.code, unit.id, manager);
      changes.code = body.code;
    }
    if (body.gridId !== undefined) {
      changes.gridId = body.gridId === null ? null : (await this.gridFor(scope, unit, Number(body.gridId), manager)).id;
    }
    return changes;
  }

  /** The grid a workplace may join: one the caller can see, active, whose union's subtree holds the workplace. */
  private async gridFor(scope: Scope, workplace: OrgUnit, gridId: number, manager: EntityManager): Promise<Grid> {
    const grid = await this.units.findGridWithUnionLocked(gridId, manager);
    if (!grid?.union || !scope.can(Permission.OrgRead, grid.union.path)) {
      throw new AppException(CommonErrorCode.NotFound, [{ field: 'gridId', message: '网格不存在或您无权查看' }]);
    }
    if (grid.archivedAt) {
      throw new AppException(
        OrgErrorCode.NodeArchived,
        [{ field: 'gridId', message: '该网格已归档' }],
        '该网格已归档，不能再加入作业场所',
      );
    }
    if (!workplace.path.startsWith(grid.union.path)) throw new AppException(OrgErrorCode.GridOutsideUnion);
    return grid;
  }

  private async assertCodeAvailable(code: string, ownerId: number | null, manager: EntityManager): Promise<void> {
    const problem = workplaceCodeProblem(code);
    if (problem) {
      throw new AppException(OrgErrorCode.WorkplaceCodeInvalid, [
        { field: 'code', message: CODE_PROBLEM_MESSAGES[problem] },
      ]);
    }
    const holder = await this.units.findByCodeIgnoringCase(code, manager);
    if (holder && holder.id !== ownerId) {
      throw new AppException(OrgErrorCode.WorkplaceCodeTaken, [{ field: 'code', message: '该场所编码已被使用' }]);
    }
  }

  /** Runs a write; two writers racing for one code meet at the unique key, and the loser is told so. */
  private async writeWithCode<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    try {
      return await this.units.transaction(work);
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      throw new AppException(OrgErrorCode.WorkplaceCodeTaken, [{ field: 'code', message: '该场所编码已被使用' }]);
    }
  }

  private async detailOf(scope: Scope, unit: OrgUnit): Promise<OrgUnitDetailDto> {
    const ancestorIds = unit.path
      .split('/')
      .filter((segment) => segment !== '')
      .map(Number)
      .filter((ancestorId) => ancestorId !== unit.id);
    const ancestors = (await this.units.findByIds(ancestorIds))
      .filter((ancestor) => scope.can(Permission.OrgRead, ancestor.path))
      .sort((left, right) => left.path.length - right.path.length);
    const childCounts =
      unit.kind === OrgKind.Workplace ? new Map<number, number>() : await this.units.countActiveChildren([unit.id]);
    return toOrgUnitDetail(unit, childCounts.get(unit.id) ?? 0, ancestors);
  }

  private async findReadable(scope: Scope, id: number): Promise<OrgUnit> {
    return this.readable(scope, await this.units.findById(id));
  }

  private async lockReadable(scope: Scope, id: number, manager: EntityManager): Promise<OrgUnit> {
    return this.readable(scope, await this.units.lockById(id, manager));
  }

  /** Out of scope is answered exactly like "does not exist". */
  private readable(scope: Scope, unit: OrgUnit | null | undefined): OrgUnit {
    if (!unit || !scope.can(Permission.OrgRead, unit.path)) throw new AppException(CommonErrorCode.NotFound);
    return unit;
  }

  /** The caller sees the node but may not do this to it: saying so reveals nothing they cannot read. */
  private assertMay(allowed: boolean): void {
    if (!allowed) throw new AppException(AuthErrorCode.Forbidden);
  }
}

function parentNotFound(): AppException {
  return new AppException(CommonErrorCode.NotFound, [{ field: 'parentId', message: '上级单位不存在或您无权查看' }]);
}

/** Fields that belong to one kind of node are refused on the others, each named in `details`. */
function assertFieldsApply(
  kind: OrgKind,
  body: { industry?: unknown; bindingMode?: unknown; code?: unknown; gridId?: unknown },
): void {
  const problems: FieldError[] = [];
  if (body.industry !== undefined && kind !== OrgKind.Enterprise) {
    problems.push({
      field: 'industry',
      message: kind === OrgKind.Workplace ? '作业场所沿用所属企业的行业，不能单独设置' : '只有企业可以设置所属行业',
    });
  }
  if (body.bindingMode !== undefined && kind !== OrgKind.Enterprise) {
    problems.push({ field: 'bindingMode', message: '只有企业可以设置职工绑定方式' });
  }
  if (body.code !== undefined && kind !== OrgKind.Workplace) {
    problems.push({ field: 'code', message: '只有作业场所有场所编码' });
  }
  if (body.gridId !== undefined && kind !== OrgKind.Workplace) {
    problems.push({ field: 'gridId', message: '只有作业场所可以加入网格' });
  }
  if (problems.length > 0) throw new AppException(CommonErrorCode.ValidationFailed, problems);
}

/** A position needs both coordinates; half of one would put the workplace on the equator or the meridian. */
function assertCoordinatesPaired(latitude: number | null, longitude: number | null): void {
  if ((latitude === null) === (longitude === null)) return;
  throw new AppException(CommonErrorCode.ValidationFailed, [
    { field: latitude === null ? 'latitude' : 'longitude', message: '经度和纬度需要同时填写或同时清除' },
  ]);
}
