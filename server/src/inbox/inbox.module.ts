import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { InboxController } from './inbox.controller';
import { InboxService } from './inbox.service';
import { InboxMessage } from './inbox-message.entity';
import { InboxMessagesRepository } from './inbox-messages.repository';

/** The in-app inbox: reminders and alerts now, safety notices later. */
@Module({
  imports: [TypeOrmModule.forFeature([InboxMessage])],
  controllers: [InboxController],
  providers: [InboxService, InboxMessagesRepository],
  exports: [InboxService],
})
export class InboxModule {}
