import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type EntityManager, Repository } from 'typeorm';
import { OrgUnit } from '../org/org-unit.entity';
import { lockedForWrite } from '../org/row-locks';
import { containsPattern, LIKE_ESCAPE } from '../org/text-search';
import { Grid } from './grid.entity';

/** Which grids a listing covers: those of unions under `paths`, narrowed by the filters. */
export interface GridPageFilter {
  paths: readonly string[];
  q?: string;
  includeArchived: boolean;
  afterId: number | null;
  take: number;
}

export type GridChanges = Partial<Pick<Grid, 'name' | 'officerUserId'>>;

@Injectable()
export class GridsRepository {
  constructor(@InjectRepository(Grid) private readonly grids: Repository<Grid>) {}

  /** The grid with its union and its officer. */
  findByIdWithRelations(id: number): Promise<Grid | null> {
    return this.grids.findOne({ where: { id }, relations: { union: true, officer: true } });
  }

  /** Grids whose union lies in one of the subtrees, in id order, paged on the id. */
  findPage(filter: GridPageFilter): Promise<Grid[]> {
    if (filter.paths.length === 0) return Promise.resolve([]);
    const parameters: Record<string, string> = {};
    const within = filter.paths.map((path, index) => {
      parameters[`gridPath${index}`] = `${path}%`;
      return `gridUnion.path LIKE :gridPath${index}`;
    });
    const query = this.grids
      .createQueryBuilder('grid')
      .innerJoinAndSelect('grid.union', 'gridUnion')
      .leftJoinAndSelect('grid.officer', 'officer')
      .where(`(${within.join(' OR ')})`, parameters);
    if (filter.afterId !== null) query.andWhere('grid.id > :afterId', { afterId: filter.afterId });
    if (!filter.includeArchived) query.andWhere('grid.archivedAt IS NULL');
    if (filter.q) query.andWhere(`grid.name LIKE :text ${LIKE_ESCAPE}`, { text: containsPattern(filter.q) });
    return query.orderBy('grid.id', 'ASC').limit(filter.take).getMany();
  }

  /** Active workplaces of each grid: one grouped query on IDX_org_unit_grid. */
  async countWorkplaces(gridIds: number[]): Promise<Map<number, number>> {
    if (gridIds.length === 0) return new Map();
    const rows = await this.grids.manager
      .getRepository(OrgUnit)
      .createQueryBuilder('unit')
      .select('unit.gridId', 'gridId')
      .addSelect('COUNT(*)', 'count')
      .where('unit.gridId IN (:...gridIds)', { gridIds })
      .andWhere('unit.archivedAt IS NULL')
      .groupBy('unit.gridId')
      .getRawMany<{ gridId: number | string; count: number | string }>();
    return new Map(rows.map((row) => [Number(row.gridId), Number(row.count)]));
  }

  async insertGrid(grid: Pick<Grid, 'unionId' | 'name' | 'officerUserId'>): Promise<number> {
    const now = new Date();
    const inserted = await this.grids.insert({ ...grid, archivedAt: null, createdAt: now, updatedAt: now });
    return Number(inserted.identifiers[0].id);
  }

  async updateGrid(id: number, changes: GridChanges, at: Date): Promise<void> {
    await this.grids.update({ id }, { ...changes, updatedAt: at });
  }

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.grids.manager.transaction(work);
  }

  lockById(id: number, manager: EntityManager): Promise<Grid | null> {
    return lockedForWrite(
      manager.getRepository(Grid).createQueryBuilder('grid').where('grid.id = :id', { id }),
    ).getOne();
  }

  /** Archives the grid and releases its workplaces, whose cards would otherwise name a grid no longer in force. */
  async archiveReleasingWorkplaces(id: number, at: Date, manager: EntityManager): Promise<void> {
    await manager.getRepository(Grid).update({ id }, { archivedAt: at, updatedAt: at });
    await manager.getRepository(OrgUnit).update({ gridId: id }, { gridId: null, updatedAt: at });
  }
}
