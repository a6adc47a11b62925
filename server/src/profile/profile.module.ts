import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { BindingsModule } from '../bindings/bindings.module';
import { OrgModule } from '../org/org.module';
import { User } from '../users/user.entity';
import { UserWorkerGroup } from '../users/user-worker-group.entity';
import { ProfileController } from './profile.controller';
import { ProfileRepository } from './profile.repository';
import { ProfileService } from './profile.service';

/** The signed-in person's own profile: /me, phone number, worker groups. */
@Module({
  imports: [TypeOrmModule.forFeature([User, UserWorkerGroup]), OrgModule, BindingsModule],
  controllers: [ProfileController],
  providers: [ProfileService, ProfileRepository],
})
export class ProfileModule {}
