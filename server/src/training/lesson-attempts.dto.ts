import {
  type AttemptResult,
  type AuthoredQuestion,
  type LessonAttempt as LessonAttemptResponse,
  LessonTopic,
  type OpenAttemptRequest,
  type QuestionResult,
  QuestionType,
  type QuizQuestion,
  ShiftClearance,
  type SubmitAttemptRequest,
} from '@ankang/shared';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsObject, IsOptional, IsUUID } from 'class-validator';
import { IsRecordId } from '../common/record-id';
import type { LessonAttempt } from './lesson-attempt.entity';
import { lessonImageUrl } from './lesson-images.dto';
import type { LessonVersion } from './lesson-version.entity';
import { contentOf, QuestionOptionDto } from './lessons.dto';
import type { QuestionScore } from './quiz-scoring';

// ---------------------------------------------------------------------------------------------
// Requests

export class OpenAttemptDto implements OpenAttemptRequest {
  @ApiPropertyOptional({ example: '31', description: 'Today’s fit check-in this is the pre-shift lesson of' })
  @IsOptional()
  @IsRecordId()
  checkInId?: string;
}

export class SubmitAttemptDto implements SubmitAttemptRequest {
  @ApiProperty({ format: 'uuid', description: 'Made on the phone: the same key again returns the first result' })
  // MariaDB compares keys without regard to case, SQLite with: one spelling for both.
  @Transform(({ value }) => (typeof value === 'string' ? value.toLowerCase() : value))
  @IsUUID()
  clientKey: string;

  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'array', items: { type: 'string' } },
    example: { q1: ['a'], q2: ['a', 'c'], q3: ['false'] },
    description: 'The chosen option ids per question id; every question answered (checked by the server)',
  })
  @IsObject()
  answers: Record<string, string[]>;
}

// ---------------------------------------------------------------------------------------------
// Responses

export class QuizQuestionDto implements QuizQuestion {
  @ApiProperty()
  id: string;

  @ApiProperty({ enum: QuestionType })
  type: QuestionType;

  @ApiProperty()
  prompt: string;

  @ApiProperty({ type: [QuestionOptionDto] })
  options: QuestionOptionDto[];
}

export class LessonAttemptDto implements LessonAttemptResponse {
  @ApiProperty()
  id: string;

  @ApiProperty()
  lessonId: string;

  @ApiProperty({ description: 'The version being studied: the submission is scored against it' })
  version: number;

  @ApiProperty()
  title: string;

  @ApiProperty({ enum: LessonTopic })
  topic: LessonTopic;

  @ApiProperty({ description: 'Sanitised HTML' })
  bodyHtml: string;

  @ApiProperty({ type: [String] })
  imageUrls: string[];

  @ApiProperty({ type: String, nullable: true })
  videoUrl: string | null;

  @ApiProperty()
  durationSeconds: number;

  @ApiProperty()
  passMark: number;

  @ApiProperty({ type: [QuizQuestionDto], description: 'Without the answers or explanations' })
  questions: QuizQuestionDto[];

  @ApiProperty({ format: 'date-time' })
  openedAt: string;

  @ApiProperty({ format: 'date-time', description: 'Half the duration after opening: sooner is refused' })
  submittableAt: string;
}

export class QuestionResultDto implements QuestionResult {
  @ApiProperty()
  questionId: string;

  @ApiProperty()
  prompt: string;

  @ApiProperty({ type: [String] })
  chosenOptionIds: string[];

  @ApiProperty({ type: [String] })
  correctOptionIds: string[];

  @ApiProperty({
    minimum: 0,
    maximum: 1,
    description: 'Multiple choice: part of the point when right as far as it goes',
  })
  score: number;

  @ApiProperty()
  correct: boolean;

  @ApiProperty()
  explanation: string;
}

export class AttemptResultDto implements AttemptResult {
  @ApiProperty()
  attemptId: string;

  @ApiProperty()
  lessonId: string;

  @ApiProperty()
  version: number;

  @ApiProperty({ minimum: 0, maximum: 100 })
  score: number;

  @ApiProperty()
  passMark: number;

  @ApiProperty()
  passed: boolean;

  @ApiProperty()
  timeSpentSeconds: number;

  @ApiProperty({ type: [QuestionResultDto] })
  questions: QuestionResultDto[];

  @ApiProperty({ format: 'date-time' })
  submittedAt: string;

  @ApiProperty({
    enum: ShiftClearance,
    nullable: true,
    description: 'Where the worker stands, for a check-in’s lesson',
  })
  clearance: ShiftClearance | null;
}

// ---------------------------------------------------------------------------------------------
// Mappers

/** A question as the worker sees it before answering: built field by field, so no answer can ride along. */
export function toQuizQuestion(question: AuthoredQuestion): QuizQuestionDto {
  return {
    id: question.id,
    type: question.type,
    prompt: question.prompt,
    options: question.options.map((option) => ({ id: option.id, text: option.text })),
  };
}

export function submittableAt(openedAt: Date, durationSeconds: number): Date {
  return new Date(openedAt.getTime() + (durationSeconds * 1000) / 2);
}

export function toLessonAttempt(attempt: LessonAttempt, version: LessonVersion): LessonAttemptDto {
  const content = contentOf(version);
  return {
    id: String(attempt.id),
    lessonId: String(attempt.lessonId),
    version: version.version,
    title: content.title,
    topic: content.topic,
    bodyHtml: content.bodyHtml,
    imageUrls: content.imageIds.map(lessonImageUrl),
    videoUrl: content.videoUrl,
    durationSeconds: content.durationSeconds,
    passMark: content.passMark,
    questions: content.questions.map(toQuizQuestion),
    openedAt: attempt.openedAt.toISOString(),
    submittableAt: submittableAt(attempt.openedAt, content.durationSeconds).toISOString(),
  };
}

/** A submitted attempt's result, with the answers and explanations of the version it was taken on. */
export function toAttemptResult(
  attempt: LessonAttempt,
  version: LessonVersion,
  clearance: ShiftClearance | null,
): AttemptResultDto {
  if (!attempt.submittedAt || attempt.results === null) throw new Error(`Attempt ${attempt.id} is not submitted`);
  const scores = new Map((JSON.parse(attempt.results) as QuestionScore[]).map((score) => [score.questionId, score]));
  return {
    attemptId: String(attempt.id),
    lessonId: String(attempt.lessonId),
    version: version.version,
    score: attempt.score ?? 0,
    passMark: version.passMark,
    passed: attempt.passed === true,
    timeSpentSeconds: attempt.timeSpentSeconds ?? 0,
    questions: contentOf(version).questions.map((question) => {
      const scored = scores.get(question.id);
      return {
        questionId: question.id,
        prompt: question.prompt,
        chosenOptionIds: scored?.chosenOptionIds ?? [],
        correctOptionIds: question.correctOptionIds,
        score: scored?.score ?? 0,
        correct: scored?.correct ?? false,
        explanation: question.explanation,
      };
    }),
    submittedAt: attempt.submittedAt.toISOString(),
    clearance,
  };
}
