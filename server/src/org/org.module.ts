import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OrgUnit } from './org-unit.entity';
import { OrgUnitsController } from './org-units.controller';
import { OrgUnitsRepository } from './org-units.repository';
import { OrgUnitsService } from './org-units.service';
import { RoleGrant } from './role-grant.entity';
import { RoleGrantsController } from './role-grants.controller';
import { RoleGrantsRepository } from './role-grants.repository';
import { RoleGrantsService } from './role-grants.service';

/**
 * The union's tree and who holds which role where. Other features read nodes and grants through the
 * exported repositories; this module depends on no other feature module, so they may all import it.
 */
@Module({
  imports: [TypeOrmModule.forFeature([OrgUnit, RoleGrant])],
  controllers: [OrgUnitsController, RoleGrantsController],
  providers: [OrgUnitsRepository, RoleGrantsRepository, OrgUnitsService, RoleGrantsService],
  exports: [OrgUnitsRepository, RoleGrantsRepository],
})
export class OrgModule {}
