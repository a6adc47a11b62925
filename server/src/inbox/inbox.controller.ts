import { Controller, Get, HttpCode, HttpStatus, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ForSelf } from '../access/access.decorators';
import { type AuthenticatedUser, CurrentUser } from '../auth/current-user.decorator';
import { RecordIdParams } from '../common/record-id';
import {
  InboxListQueryDto,
  InboxMessageDto,
  InboxMessagePageDto,
  InboxReadAllDto,
  InboxUnreadCountDto,
} from './inbox.dto';
import { InboxService } from './inbox.service';

/** The caller's own in-app messages: reminders and alerts now, safety notices later. */
@ApiTags('inbox')
@ApiBearerAuth()
@Controller('inbox')
export class InboxController {
  constructor(private readonly inbox: InboxService) {}

  @Get()
  @ForSelf()
  @ApiOkResponse({ type: InboxMessagePageDto, description: 'Newest first' })
  list(@CurrentUser() user: AuthenticatedUser, @Query() query: InboxListQueryDto): Promise<InboxMessagePageDto> {
    return this.inbox.list(user.userId, query);
  }

  @Get('unread-count')
  @ForSelf()
  @ApiOkResponse({ type: InboxUnreadCountDto })
  unreadCount(@CurrentUser() user: AuthenticatedUser): Promise<InboxUnreadCountDto> {
    return this.inbox.unreadCount(user.userId);
  }

  @Post('read-all')
  @ForSelf()
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: InboxReadAllDto })
  readAll(@CurrentUser() user: AuthenticatedUser): Promise<InboxReadAllDto> {
    return this.inbox.markAllRead(user.userId);
  }

  @Post(':id/read')
  @ForSelf()
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: InboxMessageDto, description: 'Read; reading it again keeps the first time' })
  @ApiNotFoundResponse({ description: "COMMON_NOT_FOUND: no such message among the caller's own" })
  read(@CurrentUser() user: AuthenticatedUser, @Param() params: RecordIdParams): Promise<InboxMessageDto> {
    return this.inbox.markRead(user.userId, Number(params.id));
  }
}
