import { OrgKind } from '@ankang/shared';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type Repository } from 'typeorm';
import { OrgUnit } from '../org/org-unit.entity';

/** The facts of a workplace's public card, as one query returns them. */
export interface WorkplaceCardRow {
  id: number | string;
  code: string;
  name: string;
  address: string | null;
  industry: string | null;
  latitude: number | string | null;
  longitude: number | string | null;
  enterpriseId: number | string;
  enterpriseName: string;
  enterpriseIndustry: string | null;
  gridId: number | string | null;
  gridName: string | null;
  officerName: string | null;
}

@Injectable()
export class WorkplacesRepository {
  constructor(@InjectRepository(OrgUnit) private readonly units: Repository<OrgUnit>) {}

  /**
   * The public card of an active workplace by its exact code, in one indexed query (the code is
   * unique): it is on every worker's path at shift change. A grid that is archived, or an officer
   * whose account is disabled, is not shown.
   */
  async findCardByCode(code: string): Promise<WorkplaceCardRow | null> {
    const row = await this.units
      .createQueryBuilder('workplace')
      .innerJoin('workplace.parent', 'enterprise')
      .leftJoin('workplace.grid', 'grid', 'grid.archivedAt IS NULL')
      .leftJoin('grid.officer', 'officer', 'officer.disabledAt IS NULL')
      .select('workplace.id', 'id')
      .addSelect('workplace.code', 'code')
      .addSelect('workplace.name', 'name')
      .addSelect('workplace.address', 'address')
      .addSelect('workplace.industry', 'industry')
      .addSelect('workplace.latitude', 'latitude')
      .addSelect('workplace.longitude', 'longitude')
      .addSelect('enterprise.id', 'enterpriseId')
      .addSelect('enterprise.name', 'enterpriseName')
      .addSelect('enterprise.industry', 'enterpriseIndustry')
      .addSelect('grid.id', 'gridId')
      .addSelect('grid.name', 'gridName')
      .addSelect('officer.displayName', 'officerName')
      .where('workplace.code = :code', { code })
      .andWhere('workplace.kind = :kind', { kind: OrgKind.Workplace })
      .andWhere('workplace.archivedAt IS NULL')
      .andWhere('enterprise.archivedAt IS NULL')
      .getRawOne<WorkplaceCardRow>();
    // MariaDB compares codes without regard to case; the code on the poster is exact.
    return row && row.code === code ? row : null;
  }
}
