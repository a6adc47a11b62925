import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentScope, ForSelf } from '../access/access.decorators';
import type { Scope } from '../access/scope';
import { type AuthenticatedUser, CurrentUser } from '../auth/current-user.decorator';
import { RecordIdParams } from '../common/record-id';
import { AttemptResultDto, LessonAttemptDto, OpenAttemptDto, SubmitAttemptDto } from './lesson-attempts.dto';
import { LessonAttemptsService } from './lesson-attempts.service';
import { MyLessonsResponseDto } from './worker-lessons.dto';
import { WorkerLessonsService } from './worker-lessons.service';

/** The worker's side of 岗前培训: their lessons, studying one, and the quiz. */
@ApiTags('training')
@ApiBearerAuth()
@Controller()
export class LessonAttemptsController {
  constructor(
    private readonly attempts: LessonAttemptsService,
    private readonly workers: WorkerLessonsService,
  ) {}

  @Get('me/lessons')
  @ForSelf()
  @ApiOkResponse({ type: MyLessonsResponseDto, description: 'Empty lists for a person bound to no enterprise' })
  myLessons(@CurrentUser() user: AuthenticatedUser): Promise<MyLessonsResponseDto> {
    return this.workers.myLessons(user.userId);
  }

  @Post('lessons/:id/attempts')
  @ForSelf()
  @ApiCreatedResponse({ type: LessonAttemptDto, description: 'The current version to study, without answers' })
  @ApiNotFoundResponse({ description: 'COMMON_NOT_FOUND: no such lesson among those the caller is given' })
  @ApiConflictResponse({ description: 'TRAINING_CHECK_IN_NOT_USABLE: not the caller’s fit check-in of today' })
  open(
    @CurrentScope() scope: Scope,
    @Param() params: RecordIdParams,
    @Body() body: OpenAttemptDto,
  ): Promise<LessonAttemptDto> {
    return this.attempts.open(scope, Number(params.id), body);
  }

  @Post('lesson-attempts/:id/submit')
  @ForSelf()
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({
    type: AttemptResultDto,
    description: 'Scored, with answers and explanations; a retry gets the same',
  })
  @ApiBadRequestResponse({ description: 'TRAINING_ANSWER_INVALID with details per question; COMMON_VALIDATION_FAILED' })
  @ApiNotFoundResponse({ description: 'COMMON_NOT_FOUND: no such attempt of the caller’s' })
  @ApiConflictResponse({ description: 'TRAINING_SUBMITTED_TOO_SOON, TRAINING_ATTEMPT_ALREADY_SUBMITTED' })
  submit(
    @CurrentScope() scope: Scope,
    @Param() params: RecordIdParams,
    @Body() body: SubmitAttemptDto,
  ): Promise<AttemptResultDto> {
    return this.attempts.submit(scope, Number(params.id), body);
  }
}
