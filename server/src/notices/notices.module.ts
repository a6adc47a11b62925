import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { InboxModule } from '../inbox/inbox.module';
import { OrgModule } from '../org/org.module';
import { SubscriptionsModule } from '../subscriptions/subscriptions.module';
import { MyNoticesController } from './my-notices.controller';
import { MyNoticesService } from './my-notices.service';
import { Notice } from './notice.entity';
import { NoticeAudienceRepository } from './notice-audience.repository';
import { NoticeFanOutJob } from './notice-fan-out.job';
import { NoticeFanOutRepository } from './notice-fan-out.repository';
import { NoticeFanOutService } from './notice-fan-out.service';
import { NoticeReceipt } from './notice-receipt.entity';
import { NoticeReceiptsRepository } from './notice-receipts.repository';
import { NoticesController } from './notices.controller';
import { NoticesRepository } from './notices.repository';
import { NoticesService } from './notices.service';

/** 安全通知: compose, publish and fan out notices; receipts, 已阅知 and reminders. */
@Module({
  imports: [TypeOrmModule.forFeature([Notice, NoticeReceipt]), InboxModule, OrgModule, SubscriptionsModule],
  controllers: [NoticesController, MyNoticesController],
  providers: [
    NoticeAudienceRepository,
    NoticeFanOutRepository,
    NoticeFanOutService,
    NoticeFanOutJob,
    NoticesRepository,
    NoticeReceiptsRepository,
    NoticesService,
    MyNoticesService,
  ],
})
export class NoticesModule {}
