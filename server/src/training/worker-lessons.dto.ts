import { LessonReason, LessonTopic, type MyLessonsResponse, type WorkerLessonSummary } from '@ankang/shared';
import { ApiProperty } from '@nestjs/swagger';

export class WorkerLessonSummaryDto implements WorkerLessonSummary {
  @ApiProperty()
  id: string;

  @ApiProperty()
  title: string;

  @ApiProperty({ enum: LessonTopic })
  topic: LessonTopic;

  @ApiProperty()
  durationSeconds: number;

  @ApiProperty({ description: 'Required of the worker (groups, industry, place in the tree, or an assignment)' })
  required: boolean;

  @ApiProperty({
    type: String,
    format: 'date',
    nullable: true,
    description: 'The earliest due date of its assignments',
  })
  dueOn: string | null;

  @ApiProperty({ description: 'Passed on any version' })
  passed: boolean;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'The latest pass' })
  lastCompletedAt: string | null;
}

export class MyLessonsResponseDto implements MyLessonsResponse {
  @ApiProperty({ type: [WorkerLessonSummaryDto], description: 'Not yet passed: earliest due first, then oldest' })
  required: WorkerLessonSummaryDto[];

  @ApiProperty({ type: [WorkerLessonSummaryDto], description: 'Passed, latest first' })
  done: WorkerLessonSummaryDto[];

  @ApiProperty({
    type: [WorkerLessonSummaryDto],
    description: 'Passed lessons to go over again: past mistakes first, then the longest ago',
  })
  refreshers: WorkerLessonSummaryDto[];
}

/** Today's lesson as the check-in card names it. */
export class TodaysLessonDto {
  @ApiProperty()
  id: string;

  @ApiProperty()
  title: string;

  @ApiProperty({ enum: LessonReason })
  reason: LessonReason;

  @ApiProperty()
  durationSeconds: number;
}

/** The lesson that cleared a worker for the shift, as the check-in card names it. */
export class PassedLessonDto {
  @ApiProperty()
  id: string;

  @ApiProperty()
  title: string;

  @ApiProperty({ description: 'The version it was passed on' })
  version: number;

  @ApiProperty({ minimum: 0, maximum: 100 })
  score: number;
}
