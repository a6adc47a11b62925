import { Permission } from '@ankang/shared';
import { Body, Controller, Get, HttpStatus, Param, Post, Query, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentScope, ForSelf, RequirePermission } from '../access/access.decorators';
import type { Scope } from '../access/scope';
import { RecordIdParams } from '../common/record-id';
import { CheckInCardDto, CheckInRequestDto, RollCallDto, RollCallQueryDto } from './check-ins.dto';
import { CheckInsService } from './check-ins.service';
import { RollCallService } from './roll-call.service';

/** 班前打卡: the worker's daily declaration and card, and the foreman's roll call. */
@ApiTags('check-ins')
@ApiBearerAuth()
@Controller()
export class CheckInsController {
  constructor(
    private readonly checkIns: CheckInsService,
    private readonly rollCalls: RollCallService,
  ) {}

  @Post('check-ins')
  @ForSelf()
  @ApiCreatedResponse({ type: CheckInCardDto, description: 'Today’s check-in: cleared, waiting for a lesson, or not' })
  @ApiOkResponse({ type: CheckInCardDto, description: 'Already checked in today (or the same key): the first card' })
  @ApiBadRequestResponse({ description: 'COMMON_VALIDATION_FAILED: temperature 35.0–42.0, symptoms ≤ 200 characters' })
  @ApiNotFoundResponse({ description: 'ORG_WORKPLACE_NOT_FOUND' })
  @ApiConflictResponse({ description: 'ORG_WORKPLACE_ARCHIVED, TRAINING_NOT_BOUND_TO_ENTERPRISE' })
  async checkIn(
    @CurrentScope() scope: Scope,
    @Body() body: CheckInRequestDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CheckInCardDto> {
    const outcome = await this.checkIns.checkIn(scope, body);
    reply.status(outcome.created ? HttpStatus.CREATED : HttpStatus.OK);
    return outcome.card;
  }

  @Get('check-ins/today')
  @ForSelf()
  @ApiOkResponse({ type: CheckInCardDto })
  @ApiNotFoundResponse({ description: 'COMMON_NOT_FOUND: not checked in yet today (China day)' })
  today(@CurrentScope() scope: Scope): Promise<CheckInCardDto> {
    return this.checkIns.today(scope);
  }

  @Get('workplaces/:id/roll-call')
  @RequirePermission(Permission.RollCallRead)
  @ApiOkResponse({ type: RollCallDto, description: 'Declarations for the enterprise’s officers only' })
  @ApiNotFoundResponse({ description: 'COMMON_NOT_FOUND: no such workplace in the caller’s scope' })
  rollCall(
    @CurrentScope() scope: Scope,
    @Param() params: RecordIdParams,
    @Query() query: RollCallQueryDto,
  ): Promise<RollCallDto> {
    return this.rollCalls.rollCall(scope, Number(params.id), query);
  }
}
