import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OrgModule } from '../org/org.module';
import { UsersModule } from '../users/users.module';
import { BindingsService } from './bindings.service';
import { EnterpriseBinding } from './enterprise-binding.entity';
import { EnterpriseBindingsController } from './enterprise-bindings.controller';
import { EnterpriseBindingsRepository } from './enterprise-bindings.repository';
import { MyEnterpriseBindingController } from './my-enterprise-binding.controller';

/** 「我在这里工作」: a worker's request to belong to an enterprise, and the officer's decision. */
@Module({
  imports: [TypeOrmModule.forFeature([EnterpriseBinding]), UsersModule, OrgModule],
  controllers: [MyEnterpriseBindingController, EnterpriseBindingsController],
  providers: [BindingsService, EnterpriseBindingsRepository],
  exports: [EnterpriseBindingsRepository],
})
export class BindingsModule {}
