import {
  type AssignLessonRequest,
  type AuthoredQuestion,
  type CreateLessonRequest,
  Industry,
  LESSON_BODY_MAX_LENGTH,
  LESSON_DURATION_MAX_SECONDS,
  LESSON_DURATION_MIN_SECONDS,
  LESSON_TITLE_MAX_LENGTH,
  type LessonAssignment as LessonAssignmentResponse,
  type LessonContent,
  type LessonDetail,
  type LessonListQuery,
  LessonStatus,
  type LessonSummary,
  LessonTopic,
  type QuestionOption,
  QuestionType,
  type UpdateLessonRequest,
  WorkerGroup,
} from '@ankang/shared';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsArray, IsEnum, IsInt, IsOptional, IsString, MaxLength, ValidateIf, ValidateNested } from 'class-validator';
import { PageOf, PageQueryDto } from '../common/pagination';
import { IsRecordId } from '../common/record-id';
import { trimmed } from '../common/request-fields';
import { ChinaDateField } from '../hazards/hazard-fields';
import type { OrgUnit } from '../org/org-unit.entity';
import { OrgUnitReferenceDto, toOrgUnitReference } from '../org/org-units.dto';
import type { Lesson } from './lesson.entity';
import type { LessonAssignment } from './lesson-assignment.entity';
import { lessonImageUrl } from './lesson-images.dto';
import type { LessonVersion } from './lesson-version.entity';

const SEARCH_MAX_LENGTH = 60;

// ---------------------------------------------------------------------------------------------
// Requests. The DTOs check the shape (types, enums, no unknown fields); lessonContentProblems
// (lesson-content.ts) checks everything else, the same rules the seed's lessons are held to.

export class QuestionOptionDto implements QuestionOption {
  @ApiProperty({ example: 'a', description: 'Stable within the question; true/false questions use `true` and `false`' })
  @IsString()
  id: string;

  @ApiProperty({ example: '先通风、再检测、后作业' })
  @IsString()
  text: string;
}

export class AuthoredQuestionDto implements AuthoredQuestion {
  @ApiProperty({ example: 'q1', description: 'Unique within the lesson' })
  @IsString()
  id: string;

  @ApiProperty({ enum: QuestionType })
  @IsEnum(QuestionType)
  type: QuestionType;

  @ApiProperty({ example: '进入有限空间作业前，正确的顺序是？' })
  @IsString()
  prompt: string;

  @ApiProperty({ type: [QuestionOptionDto], description: '2–6 options; true/false: exactly `true` and `false`' })
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => QuestionOptionDto)
  options: QuestionOptionDto[];

  @ApiProperty({ type: [String], example: ['a'], description: 'One for single choice and true/false, 1+ for multiple' })
  @IsArray()
  @IsString({ each: true })
  correctOptionIds: string[];

  @ApiProperty({ example: '有限空间内可能缺氧或积聚有毒气体，必须先通风、检测合格后才能进入。' })
  @IsString()
  explanation: string;
}

export class LessonContentDto implements LessonContent {
  @ApiProperty({ minLength: 1, maxLength: LESSON_TITLE_MAX_LENGTH, example: '有限空间作业：先通风、再检测、后作业' })
  @IsString()
  title: string;

  @ApiProperty({ enum: LessonTopic })
  @IsEnum(LessonTopic)
  topic: LessonTopic;

  @ApiProperty({
    maxLength: LESSON_BODY_MAX_LENGTH,
    description: 'HTML; kept to p, br, strong, em, b, i, u, ul, ol, li, h3, h4, blockquote without attributes',
  })
  @IsString()
  bodyHtml: string;

  @ApiProperty({ type: [String], description: 'Ids from POST /lesson-images, at most 9' })
  @IsArray()
  @IsString({ each: true })
  imageIds: string[];

  @ApiProperty({ type: String, nullable: true, description: 'https only; null when there is no video' })
  @ValidateIf((_object: unknown, value: unknown) => value !== null)
  @IsString()
  videoUrl: string | null;

  @ApiProperty({ minimum: LESSON_DURATION_MIN_SECONDS, maximum: LESSON_DURATION_MAX_SECONDS, example: 180 })
  @IsInt()
  durationSeconds: number;

  @ApiProperty({ enum: WorkerGroup, isArray: true, description: 'Empty: everyone' })
  @IsArray()
  @IsEnum(WorkerGroup, { each: true })
  workerGroups: WorkerGroup[];

  @ApiProperty({ enum: Industry, isArray: true, description: 'Empty: every industry' })
  @IsArray()
  @IsEnum(Industry, { each: true })
  industries: Industry[];

  @ApiProperty({ minimum: 1, maximum: 100, example: 80 })
  @IsInt()
  passMark: number;

  @ApiProperty({ type: [AuthoredQuestionDto], description: '1–10 questions, each with its answer and explanation' })
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => AuthoredQuestionDto)
  questions: AuthoredQuestionDto[];
}

export class CreateLessonDto extends LessonContentDto implements CreateLessonRequest {
  @ApiProperty({
    example: '7',
    description: 'A union of the caller’s subtree (union staff) or the caller’s enterprise (officers)',
  })
  @IsRecordId()
  ownerOrgUnitId: string;
}

export class UpdateLessonDto extends LessonContentDto implements UpdateLessonRequest {}

export class LessonListQueryDto extends PageQueryDto implements LessonListQuery {
  @ApiPropertyOptional({ enum: LessonStatus })
  @IsOptional()
  @IsEnum(LessonStatus)
  status?: LessonStatus;

  @ApiPropertyOptional({ description: 'Lessons owned at exactly this node of the caller’s scope' })
  @IsOptional()
  @IsRecordId()
  ownerOrgUnitId?: string;

  @ApiPropertyOptional({ enum: LessonTopic })
  @IsOptional()
  @IsEnum(LessonTopic)
  topic?: LessonTopic;

  @ApiPropertyOptional({ description: 'Part of the title' })
  @IsOptional()
  @Transform(trimmed)
  @IsString()
  @MaxLength(SEARCH_MAX_LENGTH)
  q?: string;
}

export class AssignLessonDto implements AssignLessonRequest {
  @ApiProperty({ example: '9', description: 'A union or enterprise of the caller’s scope, inside the lesson’s owner' })
  @IsRecordId()
  orgUnitId: string;

  @ChinaDateField('The China date by which its workers must pass it; not before today')
  dueOn: string;
}

// ---------------------------------------------------------------------------------------------
// Responses

export class LessonSummaryDto implements LessonSummary {
  @ApiProperty()
  id: string;

  @ApiProperty()
  title: string;

  @ApiProperty({ enum: LessonTopic })
  topic: LessonTopic;

  @ApiProperty({ enum: LessonStatus })
  status: LessonStatus;

  @ApiProperty({ description: 'The current version: what workers get now' })
  version: number;

  @ApiProperty()
  durationSeconds: number;

  @ApiProperty({ type: OrgUnitReferenceDto })
  owner: OrgUnitReferenceDto;

  @ApiProperty({ enum: WorkerGroup, isArray: true })
  workerGroups: WorkerGroup[];

  @ApiProperty({ enum: Industry, isArray: true })
  industries: Industry[];

  @ApiProperty({ format: 'date-time' })
  updatedAt: string;
}

export class LessonPageDto extends PageOf(LessonSummaryDto) {}

export class LessonDetailDto extends LessonSummaryDto implements LessonDetail {
  @ApiProperty({ description: 'Sanitised HTML' })
  bodyHtml: string;

  @ApiProperty({ type: [String] })
  imageIds: string[];

  @ApiProperty({ type: [String], description: 'Need the bearer token of any signed-in person' })
  imageUrls: string[];

  @ApiProperty({ type: String, nullable: true })
  videoUrl: string | null;

  @ApiProperty()
  passMark: number;

  @ApiProperty({ type: [AuthoredQuestionDto], description: 'With the answers: editors only' })
  questions: AuthoredQuestionDto[];

  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'Of the current version' })
  publishedAt: string | null;
}

export class LessonAssignmentDto implements LessonAssignmentResponse {
  @ApiProperty()
  id: string;

  @ApiProperty()
  lessonId: string;

  @ApiProperty({ type: OrgUnitReferenceDto })
  orgUnit: OrgUnitReferenceDto;

  @ApiProperty({ format: 'date' })
  dueOn: string;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;
}

export class LessonAssignmentPageDto extends PageOf(LessonAssignmentDto) {}

// ---------------------------------------------------------------------------------------------
// Mappers

/** A version's stored content, its JSON columns read back. */
export function contentOf(version: LessonVersion): LessonContent {
  return {
    title: version.title,
    topic: version.topic,
    bodyHtml: version.bodyHtml,
    imageIds: JSON.parse(version.imageIds) as string[],
    videoUrl: version.videoUrl,
    durationSeconds: version.durationSeconds,
    workerGroups: JSON.parse(version.workerGroups) as WorkerGroup[],
    industries: JSON.parse(version.industries) as Industry[],
    passMark: version.passMark,
    questions: questionsOf(version),
  };
}

export function questionsOf(version: LessonVersion): AuthoredQuestion[] {
  return JSON.parse(version.questions) as AuthoredQuestion[];
}

export function toLessonSummary(lesson: Lesson, version: LessonVersion, owner: OrgUnit): LessonSummaryDto {
  return {
    id: String(lesson.id),
    title: version.title,
    topic: version.topic,
    status: lesson.status,
    version: version.version,
    durationSeconds: version.durationSeconds,
    owner: toOrgUnitReference(owner),
    workerGroups: JSON.parse(version.workerGroups) as WorkerGroup[],
    industries: JSON.parse(version.industries) as Industry[],
    updatedAt: lesson.updatedAt.toISOString(),
  };
}

export function toLessonDetail(lesson: Lesson, version: LessonVersion, owner: OrgUnit): LessonDetailDto {
  const content = contentOf(version);
  return {
    ...toLessonSummary(lesson, version, owner),
    ...content,
    imageUrls: content.imageIds.map(lessonImageUrl),
    publishedAt: version.publishedAt?.toISOString() ?? null,
  };
}

export function toLessonAssignment(assignment: LessonAssignment, orgUnit: OrgUnit): LessonAssignmentDto {
  return {
    id: String(assignment.id),
    lessonId: String(assignment.lessonId),
    orgUnit: toOrgUnitReference(orgUnit),
    dueOn: assignment.dueOn,
    createdAt: assignment.createdAt.toISOString(),
  };
}
