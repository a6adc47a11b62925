import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { InboxModule } from '../inbox/inbox.module';
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
  imports: [TypeOrmModule.forFeature([Notice, NoticeReceipt]), InboxModule, SubscriptionsModule],
  controllers: [
    // notices API (controllers added here by the notices API work)
    NoticesController,
    MyNoticesController,
  ],
  providers: [
    // fan-out engine
    NoticeAudienceRepository,
    NoticeFanOutRepository,
    NoticeFanOutService,
    NoticeFanOutJob,
    // notices API (services and repositories added here by the notices API work)
    NoticesRepository,
    NoticeReceiptsRepository,
    NoticesService,
    MyNoticesService,
  ],
})
export class NoticesModule {}
