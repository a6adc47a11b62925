import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { InboxModule } from '../inbox/inbox.module';
import { OrgModule } from '../org/org.module';
import { TrainingModule } from '../training/training.module';
import { User } from '../users/user.entity';
import { UsersModule } from '../users/users.module';
import { CheckIn } from './check-in.entity';
import { CheckInsController } from './check-ins.controller';
import { CheckInsRepository } from './check-ins.repository';
import { CheckInsService } from './check-ins.service';
import { DeclarationReductionJob } from './declaration-reduction.job';
import { RollCallService } from './roll-call.service';

/** 班前打卡: the daily health declaration, the cleared-for-shift card, the roll call and the PIPL reduction. */
@Module({
  imports: [TypeOrmModule.forFeature([CheckIn, User]), InboxModule, OrgModule, UsersModule, TrainingModule],
  controllers: [CheckInsController],
  providers: [CheckInsRepository, CheckInsService, RollCallService, DeclarationReductionJob],
  exports: [DeclarationReductionJob],
})
export class CheckInsModule {}
