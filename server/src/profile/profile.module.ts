import { Module } from '@nestjs/common';
import { BindingsModule } from '../bindings/bindings.module';
import { OrgModule } from '../org/org.module';
import { UsersModule } from '../users/users.module';
import { ProfileController } from './profile.controller';
import { ProfileService } from './profile.service';

/** The signed-in person's own profile: /me, phone number, worker groups. */
@Module({
  imports: [UsersModule, OrgModule, BindingsModule],
  controllers: [ProfileController],
  providers: [ProfileService],
})
export class ProfileModule {}
