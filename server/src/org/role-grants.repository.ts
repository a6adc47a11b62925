import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { RoleGrant } from './role-grant.entity';

@Injectable()
export class RoleGrantsRepository {
  constructor(@InjectRepository(RoleGrant) private readonly grants: Repository<RoleGrant>) {}

  /** A user's grants with their org nodes, most senior node first. */
  findByUserWithOrgUnit(userId: number): Promise<RoleGrant[]> {
    return this.grants.find({ where: { userId }, relations: { orgUnit: true }, order: { id: 'ASC' } });
  }

  findByUsersWithOrgUnit(userIds: number[]): Promise<RoleGrant[]> {
    if (userIds.length === 0) return Promise.resolve([]);
    return this.grants.find({ where: { userId: In(userIds) }, relations: { orgUnit: true }, order: { id: 'ASC' } });
  }
}
