import { Controller, Get, HttpCode, HttpStatus, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ForSelf } from '../access/access.decorators';
import { type AuthenticatedUser, CurrentUser } from '../auth/current-user.decorator';
import { RecordIdParams } from '../common/record-id';
import { MyNoticeCountsDto, MyNoticeDto, MyNoticeListQueryDto, MyNoticePageDto } from './my-notices.dto';
import { MyNoticesService } from './my-notices.service';

const NOT_MINE = 'COMMON_NOT_FOUND: not a published notice the caller received';

/** The caller's own notices: 我的通知, the badge, reading and 已阅知. */
@ApiTags('notices')
@ApiBearerAuth()
@Controller('me/notices')
export class MyNoticesController {
  constructor(private readonly notices: MyNoticesService) {}

  @Get()
  @ForSelf()
  @ApiOkResponse({ type: MyNoticePageDto, description: 'Published notices the caller received, newest first' })
  list(@CurrentUser() user: AuthenticatedUser, @Query() query: MyNoticeListQueryDto): Promise<MyNoticePageDto> {
    return this.notices.list(user.userId, query);
  }

  @Get('counts')
  @ForSelf()
  @ApiOkResponse({ type: MyNoticeCountsDto })
  counts(@CurrentUser() user: AuthenticatedUser): Promise<MyNoticeCountsDto> {
    return this.notices.counts(user.userId);
  }

  @Get(':id')
  @ForSelf()
  @ApiOkResponse({ type: MyNoticeDto, description: 'Marked read, with the caller’s inbox messages about it' })
  @ApiNotFoundResponse({ description: NOT_MINE })
  read(@CurrentUser() user: AuthenticatedUser, @Param() params: RecordIdParams): Promise<MyNoticeDto> {
    return this.notices.read(user.userId, Number(params.id));
  }

  @Post(':id/acknowledge')
  @ForSelf()
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: MyNoticeDto, description: '已阅知 (and read); again: unchanged' })
  @ApiNotFoundResponse({ description: NOT_MINE })
  @ApiConflictResponse({ description: 'NOTICE_ACKNOWLEDGEMENT_NOT_REQUIRED' })
  acknowledge(@CurrentUser() user: AuthenticatedUser, @Param() params: RecordIdParams): Promise<MyNoticeDto> {
    return this.notices.acknowledge(user.userId, Number(params.id));
  }
}
