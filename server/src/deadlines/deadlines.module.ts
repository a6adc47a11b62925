import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { HazardReminder } from './hazard-reminder.entity';

/** The scheduled job that reminds and escalates around hazard deadlines, each reminder once. */
@Module({
  imports: [TypeOrmModule.forFeature([HazardReminder])],
})
export class DeadlinesModule {}
