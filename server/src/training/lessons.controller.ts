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
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentScope, RequirePermission } from '../access/access.decorators';
import type { Scope } from '../access/scope';
import { PageQueryDto } from '../common/pagination';
import { RecordIdParams } from '../common/record-id';
import {
  AssignLessonDto,
  CreateLessonDto,
  LessonAssignmentDto,
  LessonAssignmentPageDto,
  LessonDetailDto,
  LessonListQueryDto,
  LessonPageDto,
  UpdateLessonDto,
} from './lessons.dto';
import { LessonsService } from './lessons.service';

const CONTENT_REFUSED =
  'COMMON_VALIDATION_FAILED or TRAINING_QUESTION_INVALID (only the questions are wrong), details naming each field';

/** 岗前培训 authoring: lessons, their versions and publication, and assignments to subtrees. */
@ApiTags('training')
@ApiBearerAuth()
@Controller('lessons')
export class LessonsController {
  constructor(private readonly lessons: LessonsService) {}

  @Post()
  @RequirePermission(Permission.LessonManage)
  @ApiCreatedResponse({ type: LessonDetailDto, description: 'A draft, version 1' })
  @ApiBadRequestResponse({ description: CONTENT_REFUSED })
  @ApiForbiddenResponse({ description: 'TRAINING_OWNER_NOT_ALLOWED' })
  @ApiConflictResponse({ description: 'ORG_NODE_ARCHIVED' })
  create(@CurrentScope() scope: Scope, @Body() body: CreateLessonDto): Promise<LessonDetailDto> {
    return this.lessons.create(scope, body);
  }

  @Get()
  @RequirePermission(Permission.LessonManage)
  @ApiOkResponse({ type: LessonPageDto, description: 'Lessons owned within the caller’s scope, newest first' })
  list(@CurrentScope() scope: Scope, @Query() query: LessonListQueryDto): Promise<LessonPageDto> {
    return this.lessons.list(scope, query);
  }

  @Get(':id')
  @RequirePermission(Permission.LessonManage)
  @ApiOkResponse({ type: LessonDetailDto, description: 'The current version, with the answers' })
  @ApiNotFoundResponse({ description: 'COMMON_NOT_FOUND: no such lesson in the caller’s scope' })
  get(@CurrentScope() scope: Scope, @Param() params: RecordIdParams): Promise<LessonDetailDto> {
    return this.lessons.get(scope, Number(params.id));
  }

  @Put(':id')
  @RequirePermission(Permission.LessonManage)
  @ApiOkResponse({ type: LessonDetailDto, description: 'A draft in place; a published lesson as a new version' })
  @ApiBadRequestResponse({ description: CONTENT_REFUSED })
  @ApiForbiddenResponse({
    description: 'TRAINING_OWNER_NOT_ALLOWED: readable, but owned where the caller does not write',
  })
  @ApiNotFoundResponse({ description: 'COMMON_NOT_FOUND' })
  @ApiConflictResponse({ description: 'TRAINING_LESSON_ARCHIVED' })
  update(
    @CurrentScope() scope: Scope,
    @Param() params: RecordIdParams,
    @Body() body: UpdateLessonDto,
  ): Promise<LessonDetailDto> {
    return this.lessons.update(scope, Number(params.id), body);
  }

  @Post(':id/publish')
  @RequirePermission(Permission.LessonManage)
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: LessonDetailDto, description: 'Published (publishing again changes nothing)' })
  @ApiConflictResponse({ description: 'TRAINING_LESSON_ARCHIVED' })
  publish(@CurrentScope() scope: Scope, @Param() params: RecordIdParams): Promise<LessonDetailDto> {
    return this.lessons.publish(scope, Number(params.id));
  }

  @Post(':id/archive')
  @RequirePermission(Permission.LessonManage)
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: LessonDetailDto, description: 'Archived: workers no longer get it; completions stay' })
  archive(@CurrentScope() scope: Scope, @Param() params: RecordIdParams): Promise<LessonDetailDto> {
    return this.lessons.archive(scope, Number(params.id));
  }

  @Post(':id/assignments')
  @RequirePermission(Permission.LessonManage)
  @ApiCreatedResponse({ type: LessonAssignmentDto, description: 'Required of the node’s workers by the date' })
  @ApiOkResponse({ type: LessonAssignmentDto, description: 'Already assigned to the node: the due date moved' })
  @ApiBadRequestResponse({
    description: 'COMMON_VALIDATION_FAILED (a node outside the scope or the lesson’s owner), TRAINING_DUE_DATE_IN_PAST',
  })
  @ApiConflictResponse({ description: 'TRAINING_LESSON_NOT_PUBLISHED, TRAINING_LESSON_ARCHIVED' })
  async assign(
    @CurrentScope() scope: Scope,
    @Param() params: RecordIdParams,
    @Body() body: AssignLessonDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<LessonAssignmentDto> {
    const outcome = await this.lessons.assign(scope, Number(params.id), body);
    reply.status(outcome.created ? HttpStatus.CREATED : HttpStatus.OK);
    return outcome.assignment;
  }

  @Get(':id/assignments')
  @RequirePermission(Permission.LessonManage)
  @ApiOkResponse({ type: LessonAssignmentPageDto, description: 'At nodes of the caller’s scope, newest first' })
  assignments(
    @CurrentScope() scope: Scope,
    @Param() params: RecordIdParams,
    @Query() query: PageQueryDto,
  ): Promise<LessonAssignmentPageDto> {
    return this.lessons.assignments(scope, Number(params.id), query);
  }
}
