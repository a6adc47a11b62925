import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OrgUnit } from './org-unit.entity';
import { OrgUnitsRepository } from './org-units.repository';
import { RoleGrant } from './role-grant.entity';
import { RoleGrantsRepository } from './role-grants.repository';

/** The union's tree and role grants. Issue #3 grows this into the admin API and the scope service. */
@Module({
  imports: [TypeOrmModule.forFeature([OrgUnit, RoleGrant])],
  providers: [OrgUnitsRepository, RoleGrantsRepository],
  exports: [OrgUnitsRepository, RoleGrantsRepository],
})
export class OrgModule {}
