import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { InboxModule } from '../inbox/inbox.module';
import { SubscriptionsModule } from '../subscriptions/subscriptions.module';
import { DeadlineRemindersJob } from './deadline-reminders.job';
import { DeadlineRemindersRepository } from './deadline-reminders.repository';
import { HazardReminder } from './hazard-reminder.entity';

/** The scheduled job that reminds and escalates around hazard deadlines, each reminder once. */
@Module({
  imports: [TypeOrmModule.forFeature([HazardReminder]), InboxModule, SubscriptionsModule],
  providers: [DeadlineRemindersRepository, DeadlineRemindersJob],
  exports: [DeadlineRemindersJob],
})
export class DeadlinesModule {}
