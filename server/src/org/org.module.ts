import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OrgUnit } from './org-unit.entity';
import { RoleGrant } from './role-grant.entity';
import { RoleGrantsRepository } from './role-grants.repository';

/** The union's tree and role grants. Issue #3 grows this into the admin API and the scope service. */
@Module({
  imports: [TypeOrmModule.forFeature([OrgUnit, RoleGrant])],
  providers: [RoleGrantsRepository],
  exports: [RoleGrantsRepository],
})
export class OrgModule {}
