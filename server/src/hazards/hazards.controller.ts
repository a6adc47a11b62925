import { Permission } from '@ankang/shared';
import {
  Body,
  Controller,
  Get,
  Header,
  HttpStatus,
  Param,
  Post,
  Query,
  Res,
  StreamableFile,
  UseGuards,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiProduces,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import { ThrottlerGuard } from '@nestjs/throttler';
import type { FastifyReply } from 'fastify';
import { AccessByRecord, CurrentScope, ForSelf, RequirePermission } from '../access/access.decorators';
import type { Scope } from '../access/scope';
import { Public } from '../auth/public.decorator';
import { PageQueryDto } from '../common/pagination';
import { RecordIdParams } from '../common/record-id';
import {
  FollowTokenParams,
  HazardFollowViewDto,
  HazardListQueryDto,
  HazardPhotoParams,
  HazardTicketDetailDto,
  HazardTicketPageDto,
  ReportHazardDto,
  ReportHazardResponseDto,
} from './hazards.dto';
import { HazardsService } from './hazards.service';
import { PhotoVariantQueryDto } from './photos/hazard-photos.dto';
import { PHOTO_CACHE_CONTROL, photoFile } from './photos/photo-response';

/** 隐患随手拍: reports, the ticket, its photos, the lists, and the anonymous reporter's follow view. */
@ApiTags('hazards')
@ApiBearerAuth()
@Controller('hazards')
export class HazardsController {
  constructor(private readonly hazards: HazardsService) {}

  @Post()
  @ForSelf()
  @ApiCreatedResponse({ type: ReportHazardResponseDto, description: 'A new ticket' })
  @ApiOkResponse({ type: ReportHazardResponseDto, description: 'The same client key again: the first ticket' })
  @ApiNotFoundResponse({ description: 'ORG_WORKPLACE_NOT_FOUND' })
  @ApiConflictResponse({ description: 'ORG_WORKPLACE_ARCHIVED' })
  async report(
    @CurrentScope() scope: Scope,
    @Body() body: ReportHazardDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ReportHazardResponseDto> {
    const outcome = await this.hazards.report(scope, body);
    reply.status(outcome.created ? HttpStatus.CREATED : HttpStatus.OK);
    return outcome.response;
  }

  @Get('mine')
  @ForSelf()
  @ApiOkResponse({ type: HazardTicketPageDto, description: 'My named and hidden reports, newest first' })
  mine(@CurrentScope() scope: Scope, @Query() query: PageQueryDto): Promise<HazardTicketPageDto> {
    return this.hazards.mine(scope, query);
  }

  @Get()
  @RequirePermission(Permission.HazardHandle)
  @ApiOkResponse({ type: HazardTicketPageDto })
  @ApiForbiddenResponse({ description: 'AUTH_FORBIDDEN: view=supervision without HazardSupervise' })
  list(@CurrentScope() scope: Scope, @Query() query: HazardListQueryDto): Promise<HazardTicketPageDto> {
    return this.hazards.list(scope, query);
  }

  @Get('follow/:token')
  @Public()
  @UseGuards(ThrottlerGuard)
  @ApiOkResponse({ type: HazardFollowViewDto, description: 'Progress only: no names, no ids of people' })
  @ApiNotFoundResponse({ description: 'HAZARD_FOLLOW_TOKEN_INVALID' })
  @ApiTooManyRequestsResponse({ description: 'Rate-limited per client address, like login' })
  follow(@Param() params: FollowTokenParams): Promise<HazardFollowViewDto> {
    return this.hazards.follow(params.token);
  }

  @Get(':id')
  @AccessByRecord()
  @ApiOkResponse({ type: HazardTicketDetailDto })
  @ApiNotFoundResponse({ description: 'COMMON_NOT_FOUND: no such ticket, or none of yours to see' })
  get(@CurrentScope() scope: Scope, @Param() params: RecordIdParams): Promise<HazardTicketDetailDto> {
    return this.hazards.get(scope, Number(params.id));
  }

  @Get(':id/photos/:photoId')
  @AccessByRecord()
  @Header('Cache-Control', PHOTO_CACHE_CONTROL)
  @ApiProduces('image/jpeg', 'image/png', 'image/webp')
  @ApiOkResponse({ description: 'The photo (or its thumbnail), to those who may see the ticket' })
  @ApiNotFoundResponse({ description: 'COMMON_NOT_FOUND' })
  async photo(
    @CurrentScope() scope: Scope,
    @Param() params: HazardPhotoParams,
    @Query() query: PhotoVariantQueryDto,
  ): Promise<StreamableFile> {
    return photoFile(
      await this.hazards.photo(scope, Number(params.id), Number(params.photoId), query.variant ?? 'original'),
    );
  }
}
