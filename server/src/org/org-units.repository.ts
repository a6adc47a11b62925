import { randomUUID } from 'node:crypto';
import { type Industry, OrgKind } from '@ankang/shared';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Brackets, type EntityManager, In, IsNull, type Repository, type SelectQueryBuilder } from 'typeorm';
import { Grid } from '../grids/grid.entity';
import { OrgUnit } from './org-unit.entity';
import { lockedForWrite } from './row-locks';
import { containsPattern, LIKE_ESCAPE } from './text-search';

/** The fields of a new node; its id and path are the repository's business. */
export type NewOrgUnit = Pick<OrgUnit, 'kind' | 'name'> &
  Partial<Pick<OrgUnit, 'industry' | 'code' | 'address' | 'latitude' | 'longitude' | 'bindingMode' | 'gridId'>>;

/** The fields an edit may change. */
export type OrgUnitChanges = Partial<
  Pick<OrgUnit, 'name' | 'industry' | 'code' | 'address' | 'latitude' | 'longitude' | 'bindingMode' | 'gridId'>
>;

/** Filters every org unit listing shares. */
export interface OrgUnitFilters {
  kind?: OrgKind;
  /** Part of the name or code. */
  q?: string;
  includeArchived: boolean;
}

/** One page of a listing in tree order: rows after `afterPath`, at most `take` of them. */
export interface PathPage {
  afterPath: string | null;
  take: number;
}

/** A workplace that belongs to a grid, with the path of the grid's union. */
export interface GriddedWorkplace {
  id: number;
  path: string;
  unionPath: string;
}

/** A workplace with the enterprise it belongs to. */
export interface WorkplaceWithEnterprise {
  workplace: OrgUnit;
  enterprise: OrgUnit;
}

@Injectable()
export class OrgUnitsRepository {
  constructor(@InjectRepository(OrgUnit) private readonly units: Repository<OrgUnit>) {}

  findById(id: number): Promise<OrgUnit | null> {
    return this.units.findOneBy({ id });
  }

  findByIds(ids: number[]): Promise<OrgUnit[]> {
    return ids.length === 0 ? Promise.resolve([]) : this.units.findBy({ id: In(ids) });
  }

  /** The active unions and enterprises directly under a node (on IDX_org_unit_parent), in tree order. */
  findActiveUnionsAndEnterprisesUnder(parentId: number): Promise<OrgUnit[]> {
    return this.units
      .createQueryBuilder('unit')
      .where('unit.parentId = :parentId', { parentId })
      .andWhere('unit.kind IN (:...kinds)', { kinds: [OrgKind.Union, OrgKind.Enterprise] })
      .andWhere('unit.archivedAt IS NULL')
      .orderBy('unit.path', 'ASC')
      .getMany();
  }

  /** A workplace (archived or not) by id, with its enterprise. */
  async findWorkplaceWithEnterprise(id: number): Promise<WorkplaceWithEnterprise | null> {
    const workplace = await this.units.findOne({ where: { id, kind: OrgKind.Workplace }, relations: { parent: true } });
    return workplace?.parent ? { workplace, enterprise: workplace.parent } : null;
  }

  /** A workplace (archived or not) by its exact public code, with its enterprise. */
  async findWorkplaceWithEnterpriseByCode(code: string): Promise<WorkplaceWithEnterprise | null> {
    const workplace = await this.units.findOne({
      where: { code, kind: OrgKind.Workplace },
      relations: { parent: true },
    });
    // MariaDB compares codes without regard to case; the code on the poster is exact.
    if (!workplace || workplace.code !== code || !workplace.parent) return null;
    return { workplace, enterprise: workplace.parent };
  }

  findEnterpriseById(id: number): Promise<OrgUnit | null> {
    return this.units.findOneBy({ id, kind: OrgKind.Enterprise });
  }

  /** The workplaces of an enterprise that are in use, in the order they were created. */
  findActiveWorkplacesOfEnterprise(enterpriseId: number): Promise<OrgUnit[]> {
    return this.units.find({
      where: { parentId: enterpriseId, kind: OrgKind.Workplace, archivedAt: IsNull() },
      order: { id: 'ASC' },
    });
  }

  findByCode(code: string): Promise<OrgUnit | null> {
    return this.units.findOneBy({ code });
  }

  /**
   * The node whose code equals `code` ignoring case. MariaDB's collation compares codes without case
   * (so its unique key does too); SQLite is told to, so both databases refuse the same codes.
   */
  findByCodeIgnoringCase(code: string, manager: EntityManager = this.units.manager): Promise<OrgUnit | null> {
    const query = manager.getRepository(OrgUnit).createQueryBuilder('unit');
    const condition = isMysqlFamily(manager) ? 'unit.code = :code' : 'unit.code = :code COLLATE NOCASE';
    return query.where(condition, { code }).getOne();
  }

  /** The node, its row locked for the rest of the transaction. */
  lockById(id: number, manager: EntityManager): Promise<OrgUnit | null> {
    return lockedForWrite(
      manager.getRepository(OrgUnit).createQueryBuilder('unit').where('unit.id = :id', { id }),
    ).getOne();
  }

  /** Both nodes, locked in id order so that two transactions locking the same pair cannot deadlock. */
  async lockPair(firstId: number, secondId: number, manager: EntityManager): Promise<Map<number, OrgUnit>> {
    const rows = await lockedForWrite(
      manager
        .getRepository(OrgUnit)
        .createQueryBuilder('unit')
        .where('unit.id IN (:...ids)', { ids: [firstId, secondId] })
        .orderBy('unit.id', 'ASC'),
    ).getMany();
    return new Map(rows.map((unit) => [unit.id, unit]));
  }

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.units.manager.transaction(work);
  }

  /**
   * The caller's scope roots (nodes whose path is one of `paths`). Tree order, paged on the path.
   */
  findWithPathsPage(paths: string[], filters: OrgUnitFilters, page: PathPage): Promise<OrgUnit[]> {
    if (paths.length === 0) return Promise.resolve([]);
    const query = this.units.createQueryBuilder('unit').where('unit.path IN (:...paths)', { paths });
    return this.pageOf(query, filters, page).getMany();
  }

  /** Direct children of a node, in tree order. */
  findChildrenPage(parentId: number, filters: OrgUnitFilters, page: PathPage): Promise<OrgUnit[]> {
    const query = this.units.createQueryBuilder('unit').where('unit.parentId = :parentId', { parentId });
    return this.pageOf(query, filters, page).getMany();
  }

  /**
   * Every descendant of the node at `ancestorPath`, in tree order. Written so that it is one range
   * walk of IDX_org_unit_kind_path (with a kind) or UQ_org_unit_path (without):
   * `path LIKE :prefix AND kind = :kind AND path > :afterPath … ORDER BY path LIMIT :take`. Starting
   * after the ancestor's own path leaves the ancestor out.
   */
  findDescendantsPage(ancestorPath: string, filters: OrgUnitFilters, page: PathPage): Promise<OrgUnit[]> {
    const query = this.units.createQueryBuilder('unit').where('unit.path LIKE :prefix', { prefix: `${ancestorPath}%` });
    return this.pageOf(query, filters, { afterPath: page.afterPath ?? ancestorPath, take: page.take }).getMany();
  }

  private pageOf(query: SelectQueryBuilder<OrgUnit>, filters: OrgUnitFilters, page: PathPage) {
    if (filters.kind) query.andWhere('unit.kind = :kind', { kind: filters.kind });
    if (page.afterPath !== null) query.andWhere('unit.path > :afterPath', { afterPath: page.afterPath });
    if (!filters.includeArchived) query.andWhere('unit.archivedAt IS NULL');
    if (filters.q) {
      const pattern = containsPattern(filters.q);
      query.andWhere(
        new Brackets((text) =>
          text
            .where(`unit.name LIKE :pattern ${LIKE_ESCAPE}`, { pattern })
            .orWhere(`unit.code LIKE :pattern ${LIKE_ESCAPE}`, { pattern }),
        ),
      );
    }
    return query.orderBy('unit.path', 'ASC').limit(page.take);
  }

  /** Active direct children of each node: one grouped query on IDX_org_unit_parent. */
  async countActiveChildren(parentIds: number[]): Promise<Map<number, number>> {
    if (parentIds.length === 0) return new Map();
    const rows = await this.units
      .createQueryBuilder('unit')
      .select('unit.parentId', 'parentId')
      .addSelect('COUNT(*)', 'count')
      .where('unit.parentId IN (:...parentIds)', { parentIds })
      .andWhere('unit.archivedAt IS NULL')
      .groupBy('unit.parentId')
      .getRawMany<{ parentId: number | string; count: number | string }>();
    return new Map(rows.map((row) => [Number(row.parentId), Number(row.count)]));
  }

  /**
   * Inserts a node under `parent` (null: a root). The id is only known after the insert, so the row
   * first gets a unique placeholder path that no subtree query can match, then its real one — both
   * inside one transaction, so no reader ever sees the placeholder.
   */
  async insertNode(parent: Pick<OrgUnit, 'id' | 'path'> | null, fields: NewOrgUnit, manager?: EntityManager) {
    const write = async (transaction: EntityManager): Promise<OrgUnit> => {
      const repository = transaction.getRepository(OrgUnit);
      const now = new Date();
      const inserted = await repository.insert({
        industry: null,
        code: null,
        address: null,
        latitude: null,
        longitude: null,
        bindingMode: null,
        gridId: null,
        ...fields,
        parentId: parent?.id ?? null,
        path: `~${randomUUID()}`,
        archivedAt: null,
        createdAt: now,
        updatedAt: now,
      });
      const id = Number(inserted.identifiers[0].id);
      const path = `${parent?.path ?? '/'}${id}/`;
      await repository.update({ id }, { path });
      return repository.findOneByOrFail({ id });
    };
    return manager ? write(manager) : this.units.manager.transaction(write);
  }

  async updateNode(id: number, changes: OrgUnitChanges, at: Date, manager: EntityManager): Promise<void> {
    await manager.getRepository(OrgUnit).update({ id }, { ...changes, updatedAt: at });
  }

  /** Workplaces show their enterprise's industry: they follow it when it changes. */
  async setWorkplacesIndustry(enterpriseId: number, industry: Industry, at: Date, manager: EntityManager) {
    await manager
      .getRepository(OrgUnit)
      .update({ parentId: enterpriseId, kind: OrgKind.Workplace }, { industry, updatedAt: at });
  }

  /**
   * Hangs the node under a new parent and rewrites its whole subtree's paths with one UPDATE:
   * `new prefix || what followed the old prefix`. SUBSTR is the same on both databases; concatenation
   * is CONCAT() on MySQL and `||` on SQLite (where `||` is not OR).
   */
  async moveSubtree(
    node: Pick<OrgUnit, 'id' | 'path'>,
    newParent: Pick<OrgUnit, 'id' | 'path'>,
    at: Date,
    manager: EntityManager,
  ): Promise<string> {
    const newPath = `${newParent.path}${node.id}/`;
    const rewritten = isMysqlFamily(manager)
      ? 'CONCAT(:newPath, SUBSTR(path, :keepFrom))'
      : '(:newPath || SUBSTR(path, :keepFrom))';
    await manager
      .createQueryBuilder()
      .update(OrgUnit)
      .set({ path: () => rewritten, updatedAt: at })
      .where('path LIKE :oldPrefix', { oldPrefix: `${node.path}%` })
      .setParameters({ newPath, keepFrom: node.path.length + 1 })
      .execute();
    await manager.getRepository(OrgUnit).update({ id: node.id }, { parentId: newParent.id });
    return newPath;
  }

  /** The workplaces of a subtree that belong to a grid, with the grid's union path. */
  async findGriddedWorkplacesWithin(path: string, manager: EntityManager): Promise<GriddedWorkplace[]> {
    const rows = await manager
      .getRepository(OrgUnit)
      .createQueryBuilder('unit')
      .innerJoin(Grid, 'grid', 'grid.id = unit.gridId')
      .innerJoin(OrgUnit, 'gridUnion', 'gridUnion.id = grid.unionId')
      .select(['unit.id AS id', 'unit.path AS path', 'gridUnion.path AS unionPath'])
      .where('unit.path LIKE :prefix', { prefix: `${path}%` })
      .andWhere('unit.gridId IS NOT NULL')
      .getRawMany<{ id: number | string; path: string; unionPath: string }>();
    return rows.map((row) => ({ id: Number(row.id), path: row.path, unionPath: row.unionPath }));
  }

  async clearGrid(ids: number[], at: Date, manager: EntityManager): Promise<void> {
    if (ids.length === 0) return;
    await manager.getRepository(OrgUnit).update({ id: In(ids) }, { gridId: null, updatedAt: at });
  }

  /** Active children of the node, read with locks so that none can be added until the transaction ends. */
  async countActiveChildrenLocked(parentId: number, manager: EntityManager): Promise<number> {
    const children = await lockedForWrite(
      manager
        .getRepository(OrgUnit)
        .createQueryBuilder('unit')
        .select('unit.id')
        .where('unit.parentId = :parentId', { parentId })
        .andWhere('unit.archivedAt IS NULL'),
    ).getMany();
    return children.length;
  }

  /** Archives the node; a union's grids go with it, since every workplace they could group is archived. */
  async archive(id: number, at: Date, manager: EntityManager): Promise<void> {
    await manager.getRepository(OrgUnit).update({ id }, { archivedAt: at, updatedAt: at });
    await manager.getRepository(Grid).update({ unionId: id, archivedAt: IsNull() }, { archivedAt: at, updatedAt: at });
  }

  /**
   * A grid with its union node, for placing a workplace in it; the grid's row stays locked so that it
   * cannot be archived (which releases its workplaces) before the placement commits.
   */
  findGridWithUnionLocked(gridId: number, manager: EntityManager): Promise<Grid | null> {
    return lockedForWrite(
      manager
        .getRepository(Grid)
        .createQueryBuilder('grid')
        .innerJoinAndSelect('grid.union', 'gridUnion')
        .where('grid.id = :gridId', { gridId }),
    ).getOne();
  }
}

function isMysqlFamily(manager: EntityManager): boolean {
  const type = manager.connection.driver.options.type;
  return type === 'mysql' || type === 'mariadb';
}
