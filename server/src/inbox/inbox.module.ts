import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { InboxService } from './inbox.service';
import { InboxMessage } from './inbox-message.entity';

/** The in-app inbox: reminders and alerts now, safety notices later. */
@Module({
  imports: [TypeOrmModule.forFeature([InboxMessage])],
  providers: [InboxService],
  exports: [InboxService],
})
export class InboxModule {}
