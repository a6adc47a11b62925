import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { InboxMessage } from './inbox-message.entity';

/** The in-app inbox: reminders and alerts now, safety notices later. */
@Module({
  imports: [TypeOrmModule.forFeature([InboxMessage])],
})
export class InboxModule {}
