import { Permission } from '@ankang/shared';
import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Put, Query, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentScope, RequirePermission } from '../access/access.decorators';
import type { Scope } from '../access/scope';
import { RecordIdParams } from '../common/record-id';
import {
  CreateNoticeDto,
  NoticeAudienceCountDto,
  NoticeAudienceDto,
  NoticeDetailDto,
  NoticeListQueryDto,
  NoticePageDto,
  NoticeReceiptsDto,
  NoticeReceiptsQueryDto,
  RemindNoticeDto,
  RemindNoticeResponseDto,
  UpdateNoticeDto,
} from './notices.dto';
import { NoticesService } from './notices.service';

const CONTENT_REFUSED = 'COMMON_VALIDATION_FAILED (details name each field), NOTICE_PUBLISH_AT_IN_PAST';
const NOT_IN_SCOPE = 'COMMON_NOT_FOUND: no such notice scoped where the caller writes notices';

/** 安全通知 for their authors: compose, publish, withdraw; receipts per node; 催办. */
@ApiTags('notices')
@ApiBearerAuth()
@Controller('notices')
export class NoticesController {
  constructor(private readonly notices: NoticesService) {}

  @Post()
  @RequirePermission(Permission.NoticeManage)
  @ApiCreatedResponse({ type: NoticeDetailDto, description: 'A draft' })
  @ApiOkResponse({ type: NoticeDetailDto, description: 'The client key made a draft already: that draft' })
  @ApiBadRequestResponse({ description: CONTENT_REFUSED })
  @ApiForbiddenResponse({ description: 'NOTICE_SCOPE_NOT_ALLOWED' })
  @ApiConflictResponse({ description: 'ORG_NODE_ARCHIVED' })
  async create(
    @CurrentScope() scope: Scope,
    @Body() body: CreateNoticeDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<NoticeDetailDto> {
    const outcome = await this.notices.create(scope, body);
    reply.status(outcome.created ? HttpStatus.CREATED : HttpStatus.OK);
    return outcome.notice;
  }

  @Get()
  @RequirePermission(Permission.NoticeManage)
  @ApiOkResponse({ type: NoticePageDto, description: 'Notices scoped within the caller’s subtrees, newest first' })
  list(@CurrentScope() scope: Scope, @Query() query: NoticeListQueryDto): Promise<NoticePageDto> {
    return this.notices.list(scope, query);
  }

  @Post('audience-count')
  @RequirePermission(Permission.NoticeManage)
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: NoticeAudienceCountDto, description: 'How many people the audience reaches now' })
  @ApiForbiddenResponse({ description: 'NOTICE_SCOPE_NOT_ALLOWED' })
  audienceCount(@CurrentScope() scope: Scope, @Body() body: NoticeAudienceDto): Promise<NoticeAudienceCountDto> {
    return this.notices.audienceCount(scope, body);
  }

  @Get(':id')
  @RequirePermission(Permission.NoticeManage)
  @ApiOkResponse({ type: NoticeDetailDto })
  @ApiNotFoundResponse({ description: NOT_IN_SCOPE })
  get(@CurrentScope() scope: Scope, @Param() params: RecordIdParams): Promise<NoticeDetailDto> {
    return this.notices.get(scope, Number(params.id));
  }

  @Put(':id')
  @RequirePermission(Permission.NoticeManage)
  @ApiOkResponse({ type: NoticeDetailDto, description: 'A draft or scheduled notice, changed in place' })
  @ApiBadRequestResponse({ description: CONTENT_REFUSED })
  @ApiUnprocessableEntityResponse({ description: 'NOTICE_AUDIENCE_EMPTY: a scheduled notice would reach nobody' })
  @ApiForbiddenResponse({ description: 'NOTICE_SCOPE_NOT_ALLOWED: the new scope' })
  @ApiNotFoundResponse({ description: NOT_IN_SCOPE })
  @ApiConflictResponse({ description: 'NOTICE_NOT_EDITABLE: published or withdrawn' })
  update(
    @CurrentScope() scope: Scope,
    @Param() params: RecordIdParams,
    @Body() body: UpdateNoticeDto,
  ): Promise<NoticeDetailDto> {
    return this.notices.update(scope, Number(params.id), body);
  }

  @Post(':id/publish')
  @RequirePermission(Permission.NoticeManage)
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({
    type: NoticeDetailDto,
    description:
      'Published (fan-out pending), or scheduled when its publish time is to come; a published one unchanged',
  })
  @ApiUnprocessableEntityResponse({ description: 'NOTICE_AUDIENCE_EMPTY: the audience holds nobody now' })
  @ApiNotFoundResponse({ description: NOT_IN_SCOPE })
  @ApiConflictResponse({ description: 'NOTICE_NOT_EDITABLE: withdrawn' })
  publish(@CurrentScope() scope: Scope, @Param() params: RecordIdParams): Promise<NoticeDetailDto> {
    return this.notices.publish(scope, Number(params.id));
  }

  @Post(':id/withdraw')
  @RequirePermission(Permission.NoticeManage)
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({
    type: NoticeDetailDto,
    description: 'Withdrawn (again: unchanged); unsent WeChat messages cancelled',
  })
  @ApiNotFoundResponse({ description: NOT_IN_SCOPE })
  @ApiConflictResponse({ description: 'NOTICE_NOT_PUBLISHED: a draft' })
  withdraw(@CurrentScope() scope: Scope, @Param() params: RecordIdParams): Promise<NoticeDetailDto> {
    return this.notices.withdraw(scope, Number(params.id));
  }

  @Get(':id/receipts')
  @RequirePermission(Permission.NoticeManage)
  @ApiOkResponse({
    type: NoticeReceiptsDto,
    description: 'Totals at the node and one row per child union or enterprise',
  })
  @ApiNotFoundResponse({ description: `${NOT_IN_SCOPE}, or a node outside the notice’s scope` })
  receipts(
    @CurrentScope() scope: Scope,
    @Param() params: RecordIdParams,
    @Query() query: NoticeReceiptsQueryDto,
  ): Promise<NoticeReceiptsDto> {
    return this.notices.receiptsOf(scope, Number(params.id), query);
  }

  @Post(':id/remind')
  @RequirePermission(Permission.NoticeManage)
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({
    type: RemindNoticeResponseDto,
    description: 'Those under the node who have not acknowledged were reminded',
  })
  @ApiNotFoundResponse({ description: `${NOT_IN_SCOPE}, or a node outside the notice’s scope` })
  @ApiConflictResponse({
    description:
      'NOTICE_ALREADY_REMINDED_TODAY (details.nextAllowedOn), NOTICE_NOT_PUBLISHED, NOTICE_ACKNOWLEDGEMENT_NOT_REQUIRED',
  })
  remind(
    @CurrentScope() scope: Scope,
    @Param() params: RecordIdParams,
    @Body() body: RemindNoticeDto,
  ): Promise<RemindNoticeResponseDto> {
    return this.notices.remind(scope, Number(params.id), body);
  }
}
