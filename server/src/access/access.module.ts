import { Global, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { RoleGrant } from '../org/role-grant.entity';
import { AccessDeclarationsCheck } from './access-declarations.check';
import { ScopeService } from './scope.service';

/** Who may do what where: the scope of every request, and the start-up check that every route says. */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature([RoleGrant]), DiscoveryModule],
  providers: [ScopeService, AccessDeclarationsCheck],
  exports: [ScopeService],
})
export class AccessModule {}
