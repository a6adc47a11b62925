import {
  BODY_TEMPERATURE_MAX,
  BODY_TEMPERATURE_MIN,
  type CheckInCard,
  type CheckInRequest,
  type HealthDeclaration,
  isChinaDate,
  OTHER_SYMPTOMS_MAX_LENGTH,
  type RollCall,
  type RollCallEntry,
  type RollCallQuery,
  ShiftClearance,
} from '@ankang/shared';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  IsBoolean,
  IsDefined,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  Min,
  ValidateBy,
  ValidateNested,
} from 'class-validator';
import { IsRecordId } from '../common/record-id';
import type { OrgUnit } from '../org/org-unit.entity';
import { PassedLessonDto, TodaysLessonDto } from '../training/worker-lessons.dto';
import type { User } from '../users/user.entity';
import type { CheckIn } from './check-in.entity';
import { declarationOf, NOT_CLEARED_ADVICE } from './health-declaration';

/** Symptoms in the worker's own words: one line or several, no control characters. */
const SYMPTOM_TEXT = /^(?:[^\p{C}]|\n)*$/u;

// ---------------------------------------------------------------------------------------------
// Requests

export class HealthDeclarationDto implements HealthDeclaration {
  @ApiProperty({ description: '发热' })
  @IsBoolean()
  fever: boolean;

  @ApiProperty({ description: '咳嗽' })
  @IsBoolean()
  cough: boolean;

  @ApiProperty({ description: '身体不适' })
  @IsBoolean()
  feelingUnwell: boolean;

  @ApiPropertyOptional({ maxLength: OTHER_SYMPTOMS_MAX_LENGTH, description: 'Other symptoms; blank or absent: none' })
  // Trimmed; blank (or null) means none.
  @Transform(({ value }) => {
    if (value === null) return undefined;
    if (typeof value !== 'string') return value;
    const text = value.replace(/\r\n?/g, '\n').trim();
    return text === '' ? undefined : text;
  })
  @IsOptional()
  @IsString()
  @ValidateBy({
    name: 'maxLength',
    constraints: [OTHER_SYMPTOMS_MAX_LENGTH],
    validator: {
      validate: (value: unknown) => typeof value !== 'string' || [...value].length <= OTHER_SYMPTOMS_MAX_LENGTH,
      defaultMessage: () => `$property must be shorter than or equal to ${OTHER_SYMPTOMS_MAX_LENGTH} characters`,
    },
  })
  @ValidateBy({
    name: 'matches',
    validator: {
      validate: (value: unknown) => typeof value !== 'string' || SYMPTOM_TEXT.test(value),
      defaultMessage: () => '$property must be visible text',
    },
  })
  otherSymptoms?: string;

  @ApiPropertyOptional({
    minimum: BODY_TEMPERATURE_MIN,
    maximum: BODY_TEMPERATURE_MAX,
    example: 36.5,
    description: '°C',
  })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 2 })
  @Min(BODY_TEMPERATURE_MIN)
  @Max(BODY_TEMPERATURE_MAX)
  temperature?: number;
}

export class CheckInRequestDto implements CheckInRequest {
  @ApiProperty({ example: '42', description: 'The workplace of the scanned QR code' })
  @IsRecordId()
  workplaceId: string;

  @ApiProperty({ format: 'uuid', description: 'Made on the phone: a retry returns the first check-in' })
  // MariaDB compares keys without regard to case, SQLite with: one spelling for both.
  @Transform(({ value }) => (typeof value === 'string' ? value.toLowerCase() : value))
  @IsUUID()
  clientKey: string;

  @ApiProperty({ type: HealthDeclarationDto })
  @IsDefined()
  @ValidateNested()
  @Type(() => HealthDeclarationDto)
  declaration: HealthDeclarationDto;
}

export class RollCallQueryDto implements RollCallQuery {
  @ApiPropertyOptional({ format: 'date', example: '2026-03-02', description: 'China date; today when absent' })
  @IsOptional()
  @IsString()
  @ValidateBy({
    name: 'matches',
    validator: {
      validate: (value: unknown) => typeof value === 'string' && isChinaDate(value),
      defaultMessage: () => '$property must be a date written YYYY-MM-DD',
    },
  })
  date?: string;
}

// ---------------------------------------------------------------------------------------------
// Responses

class CardPersonDto {
  @ApiProperty()
  id: string;

  @ApiProperty()
  displayName: string;
}

class CardPlaceDto {
  @ApiProperty()
  id: string;

  @ApiProperty()
  name: string;
}

export class CheckInCardDto implements CheckInCard {
  @ApiProperty()
  id: string;

  @ApiProperty({ format: 'date', description: 'China date' })
  day: string;

  @ApiProperty({ type: CardPersonDto })
  worker: CardPersonDto;

  @ApiProperty({ type: CardPlaceDto })
  workplace: CardPlaceDto;

  @ApiProperty({ type: CardPlaceDto })
  enterprise: CardPlaceDto;

  @ApiProperty({ enum: ShiftClearance, description: 'cleared: green 准许上岗; not_cleared: red 暂不上岗' })
  clearance: ShiftClearance;

  @ApiProperty({ format: 'date-time' })
  checkedInAt: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  clearedAt: string | null;

  @ApiProperty({ type: TodaysLessonDto, nullable: true, description: 'The lesson to take before the shift' })
  todaysLesson: TodaysLessonDto | null;

  @ApiProperty({ type: PassedLessonDto, nullable: true, description: 'The lesson that cleared the worker' })
  passedLesson: PassedLessonDto | null;

  @ApiProperty({ type: String, nullable: true, description: 'Not cleared: rest, see a doctor, tell the foreman' })
  advice: string | null;
}

export class HealthDeclarationViewDto implements HealthDeclaration {
  @ApiProperty()
  fever: boolean;

  @ApiProperty()
  cough: boolean;

  @ApiProperty()
  feelingUnwell: boolean;

  @ApiPropertyOptional()
  otherSymptoms?: string;

  @ApiPropertyOptional()
  temperature?: number;
}

export class RollCallEntryDto implements RollCallEntry {
  @ApiProperty()
  workerId: string;

  @ApiProperty()
  displayName: string;

  @ApiProperty({ type: String, nullable: true })
  employeeNumber: string | null;

  @ApiProperty({ enum: ShiftClearance })
  clearance: ShiftClearance;

  @ApiProperty({ format: 'date-time' })
  checkedInAt: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  clearedAt: string | null;

  @ApiProperty({
    type: HealthDeclarationViewDto,
    nullable: true,
    description: 'The enterprise’s officers only (PIPL); null once reduced after 30 days',
  })
  declaration: HealthDeclarationViewDto | null;
}

class RollCallWorkerDto {
  @ApiProperty()
  id: string;

  @ApiProperty()
  displayName: string;

  @ApiProperty({ type: String, nullable: true })
  employeeNumber: string | null;
}

export class RollCallDto implements RollCall {
  @ApiProperty({ type: CardPlaceDto })
  workplace: CardPlaceDto;

  @ApiProperty({ format: 'date' })
  day: string;

  @ApiProperty({ type: [RollCallEntryDto] })
  cleared: RollCallEntryDto[];

  @ApiProperty({ type: [RollCallEntryDto], description: 'Not cleared, and still waiting for their lesson' })
  notCleared: RollCallEntryDto[];

  @ApiProperty({
    type: [RollCallWorkerDto],
    description: 'Workers of the enterprise with no check-in anywhere that day',
  })
  notCheckedIn: RollCallWorkerDto[];
}

// ---------------------------------------------------------------------------------------------
// Mappers

export interface CardParts {
  checkIn: CheckIn;
  worker: Pick<User, 'id' | 'displayName'>;
  workplace: OrgUnit;
  enterprise: OrgUnit;
  todaysLesson: TodaysLessonDto | null;
  passedLesson: PassedLessonDto | null;
}

export function toCheckInCard(parts: CardParts): CheckInCardDto {
  const { checkIn } = parts;
  const notCleared = checkIn.clearance === ShiftClearance.NotCleared;
  return {
    id: String(checkIn.id),
    day: checkIn.day,
    worker: { id: String(parts.worker.id), displayName: parts.worker.displayName },
    workplace: { id: String(parts.workplace.id), name: parts.workplace.name },
    enterprise: { id: String(parts.enterprise.id), name: parts.enterprise.name },
    clearance: checkIn.clearance,
    checkedInAt: checkIn.createdAt.toISOString(),
    clearedAt: checkIn.clearedAt?.toISOString() ?? null,
    todaysLesson: checkIn.clearance === ShiftClearance.LessonPending ? parts.todaysLesson : null,
    passedLesson: parts.passedLesson,
    advice: notCleared ? NOT_CLEARED_ADVICE : null,
  };
}

export function toRollCallEntry(checkIn: CheckIn, showDeclaration: boolean): RollCallEntryDto {
  if (!checkIn.user) throw new Error(`Check-in ${checkIn.id} was loaded without its worker`);
  return {
    workerId: String(checkIn.userId),
    displayName: checkIn.user.displayName,
    employeeNumber: checkIn.user.employeeNumber,
    clearance: checkIn.clearance,
    checkedInAt: checkIn.createdAt.toISOString(),
    clearedAt: checkIn.clearedAt?.toISOString() ?? null,
    declaration: showDeclaration ? declarationOf(checkIn) : null,
  };
}
