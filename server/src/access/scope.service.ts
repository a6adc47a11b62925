import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { RoleGrant } from '../org/role-grant.entity';
import { Scope } from './scope';

@Injectable()
export class ScopeService {
  constructor(@InjectRepository(RoleGrant) private readonly grants: Repository<RoleGrant>) {}

  /** A person's scope: their grants at nodes that are not archived. One indexed query. */
  async forUser(userId: number): Promise<Scope> {
    const rows = await this.grants
      .createQueryBuilder('grant')
      .innerJoin('grant.orgUnit', 'unit')
      .select(['grant.role AS role', 'grant.orgUnitId AS orgUnitId', 'unit.kind AS kind', 'unit.path AS path'])
      .where('grant.userId = :userId', { userId })
      .andWhere('unit.archivedAt IS NULL')
      .getRawMany<{ role: RoleGrant['role']; orgUnitId: number | string; kind: string; path: string }>();
    return new Scope(
      userId,
      rows.map((row) => ({
        role: row.role,
        orgUnitId: Number(row.orgUnitId),
        kind: row.kind as Scope['grants'][number]['kind'],
        path: row.path,
      })),
    );
  }
}
