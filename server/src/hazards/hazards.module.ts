import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { InboxModule } from '../inbox/inbox.module';
import { OrgModule } from '../org/org.module';
import { User } from '../users/user.entity';
import { UsersModule } from '../users/users.module';
import { FollowTokens } from './follow-tokens';
import { HazardActionsController } from './hazard-actions.controller';
import { HazardActionsService } from './hazard-actions.service';
import { HazardCodeCounter } from './hazard-code-counter.entity';
import { HazardContentCheck } from './hazard-content-check';
import { HazardPartiesRepository } from './hazard-parties.repository';
import { HazardTicket } from './hazard-ticket.entity';
import { HazardTicketsRepository } from './hazard-tickets.repository';
import { HazardsController } from './hazards.controller';
import { HazardsService } from './hazards.service';
import { HazardPhotosModule } from './photos/photos.module';
import { TicketEvent } from './ticket-event.entity';
import { TicketEventsRepository } from './ticket-events.repository';

/** 隐患随手拍: reports from the gate, driven through the shared lifecycle to a verified fix. */
@Module({
  imports: [
    TypeOrmModule.forFeature([HazardTicket, TicketEvent, HazardCodeCounter, User]),
    HazardPhotosModule,
    InboxModule,
    OrgModule,
    UsersModule,
  ],
  controllers: [HazardsController, HazardActionsController],
  providers: [
    HazardsService,
    HazardActionsService,
    HazardTicketsRepository,
    TicketEventsRepository,
    HazardPartiesRepository,
    HazardContentCheck,
    FollowTokens,
  ],
})
export class HazardsModule {}
