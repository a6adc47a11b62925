import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OrgModule } from '../org/org.module';
import { User } from './user.entity';
import { UserWorkerGroup } from './user-worker-group.entity';
import { UsersController } from './users.controller';
import { UsersRepository } from './users.repository';
import { UsersService } from './users.service';

/** People: the repository others use (login, profile, binding) and the staff API over people in scope. */
@Module({
  imports: [TypeOrmModule.forFeature([User, UserWorkerGroup]), OrgModule],
  controllers: [UsersController],
  providers: [UsersRepository, UsersService],
  exports: [UsersRepository],
})
export class UsersModule {}
