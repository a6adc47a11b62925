import { Global, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { User } from '../users/user.entity';
import { AccessDeclarationsCheck } from './access-declarations.check';
import { ScopeService } from './scope.service';

/** Who may do what where: the scope of every request, and the start-up check that every route says. */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature([User]), DiscoveryModule],
  providers: [ScopeService, AccessDeclarationsCheck],
  exports: [ScopeService],
})
export class AccessModule {}
