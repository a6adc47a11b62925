import { OrgKind } from '@ankang/shared';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, type Repository } from 'typeorm';
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

/** A workplace with the enterprise it belongs to. */
export interface WorkplaceWithEnterprise {
  workplace: OrgUnit;
  enterprise: OrgUnit;
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

  /** A workplace (archived or not) by id, with its enterprise. */
  async findWorkplaceWithEnterprise(id: number): Promise<WorkplaceWithEnterprise | null> {
    const workplace = await this.units.findOne({
      where: { id, kind: OrgKind.Workplace },
      relations: { parent: true },
    });
    return workplace?.parent ? { workplace, enterprise: workplace.parent } : null;
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
}
