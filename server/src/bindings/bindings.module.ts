import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { EnterpriseBinding } from './enterprise-binding.entity';

/** 「我在这里工作」: a worker's request to belong to an enterprise, and the officer's decision. */
@Module({
  imports: [TypeOrmModule.forFeature([EnterpriseBinding])],
})
export class BindingsModule {}
