import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OrgModule } from '../org/org.module';
import { User } from './user.entity';
import { UserWorkerGroup } from './user-worker-group.entity';
import { UsersRepository } from './users.repository';

@Module({
  imports: [TypeOrmModule.forFeature([User, UserWorkerGroup]), OrgModule],
  providers: [UsersRepository],
  exports: [UsersRepository],
})
export class UsersModule {}
