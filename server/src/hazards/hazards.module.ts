import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { HazardCodeCounter } from './hazard-code-counter.entity';
import { HazardPhoto } from './hazard-photo.entity';
import { HazardTicket } from './hazard-ticket.entity';
import { TicketEvent } from './ticket-event.entity';

/** 隐患随手拍: reports from the gate, driven through the shared lifecycle to a verified fix. */
@Module({
  imports: [TypeOrmModule.forFeature([HazardTicket, HazardPhoto, TicketEvent, HazardCodeCounter])],
})
export class HazardsModule {}
