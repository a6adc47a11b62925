import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Notice } from './notice.entity';
import { NoticeReceipt } from './notice-receipt.entity';

/** 安全通知: compose, publish and fan out notices; receipts, 已阅知 and reminders. */
@Module({
  imports: [TypeOrmModule.forFeature([Notice, NoticeReceipt])],
})
export class NoticesModule {}
