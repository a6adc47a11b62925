import {
  type AuthorityReportRequest,
  type DecideExtensionRequest,
  type ExtensionRequest,
  type FailHazardRequest,
  type FixHazardRequest,
  HAZARD_NOTE_MAX_LENGTH,
  HazardCategory,
  HazardGrade,
  Industry,
  type MergeHazardRequest,
  type ReassignHazardRequest,
  type RejectHazardRequest,
  type ReopenHazardRequest,
  type TriageHazardRequest,
  type VerifyHazardRequest,
} from '@ankang/shared';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEnum } from 'class-validator';
import { IsRecordId } from '../common/record-id';
import { OptionalNotNull } from '../common/request-fields';
import { ChinaDateField, OptionalText, PhotoIdsField, RequiredText } from './hazard-fields';

/** The lengths of the ticket's columns they are stored in. */
const FUNDING_MAX_LENGTH = 100;
const CONTINGENCY_PLAN_MAX_LENGTH = 1000;
const DEPARTMENT_MAX_LENGTH = 100;
const REFERENCE_MAX_LENGTH = 100;

/** The 五定 of an assignment, shared by triage and reassignment. */
class AssignmentFieldsDto {
  @ApiProperty({
    example: '57',
    description: '责任人: a person of the enterprise (bound to it or holding a role at it)',
  })
  @IsRecordId()
  responsibleUserId: string;

  @RequiredText({
    max: HAZARD_NOTE_MAX_LENGTH,
    multiLine: true,
    example: '更换护栏并加装警示标识',
    description: '措施',
  })
  measures: string;

  @OptionalText({ max: FUNDING_MAX_LENGTH, example: '2000 元（安全生产费用）', description: '资金' })
  funding?: string;

  @ChinaDateField('时限: the last China calendar day for the fix, not before today')
  deadline: string;

  @OptionalText({
    max: CONTINGENCY_PLAN_MAX_LENGTH,
    multiLine: true,
    example: '整改期间设置警戒区，禁止人员进入',
    description: '预案: required for 重大',
  })
  contingencyPlan?: string;
}

export class TriageHazardDto extends AssignmentFieldsDto implements TriageHazardRequest {
  @ApiProperty({ enum: HazardGrade })
  @IsEnum(HazardGrade)
  grade: HazardGrade;

  @ApiProperty({ enum: HazardCategory })
  @IsEnum(HazardCategory)
  category: HazardCategory;

  @ApiPropertyOptional({ enum: Industry, description: 'The workplace’s industry unless said' })
  @OptionalNotNull()
  @IsEnum(Industry)
  industry?: Industry;
}

export class ReassignHazardDto extends AssignmentFieldsDto implements ReassignHazardRequest {
  @OptionalText({ max: HAZARD_NOTE_MAX_LENGTH, multiLine: true })
  note?: string;
}

export class RejectHazardDto implements RejectHazardRequest {
  @RequiredText({ max: HAZARD_NOTE_MAX_LENGTH, multiLine: true, example: '经现场核实不存在该隐患' })
  reason: string;
}

export class MergeHazardDto implements MergeHazardRequest {
  @ApiProperty({ example: '41', description: 'Another ticket of the same enterprise that this one repeats' })
  @IsRecordId()
  duplicateOfTicketId: string;

  @OptionalText({ max: HAZARD_NOTE_MAX_LENGTH, multiLine: true })
  note?: string;
}

export class SubmitFixDto implements FixHazardRequest {
  @RequiredText({ max: HAZARD_NOTE_MAX_LENGTH, multiLine: true, example: '已更换护栏并加装警示标识' })
  note: string;

  @PhotoIdsField('Photos of the fix uploaded by the caller with kind `fix`: at least one')
  photoIds: string[];
}

export class FixOnTheSpotDto extends SubmitFixDto {
  @ApiPropertyOptional({ enum: HazardGrade, default: HazardGrade.General, description: 'The grade it deserved' })
  @OptionalNotNull()
  @IsEnum(HazardGrade)
  grade?: HazardGrade;
}

export class RequestExtensionDto implements ExtensionRequest {
  @ChinaDateField('The new last day: after the current deadline')
  deadline: string;

  @RequiredText({ max: HAZARD_NOTE_MAX_LENGTH, multiLine: true, example: '护栏配件需从厂家订购，预计 5 天到货' })
  reason: string;
}

export class DecideExtensionDto implements DecideExtensionRequest {
  @OptionalText({ max: HAZARD_NOTE_MAX_LENGTH, multiLine: true })
  note?: string;
}

export class PassHazardDto implements VerifyHazardRequest {
  @OptionalText({ max: HAZARD_NOTE_MAX_LENGTH, multiLine: true, example: '现场复查合格' })
  note?: string;
}

export class FailHazardDto implements FailHazardRequest {
  @RequiredText({ max: HAZARD_NOTE_MAX_LENGTH, multiLine: true, example: '警示标识未设置' })
  reason: string;
}

export class ReopenHazardDto implements ReopenHazardRequest {
  @RequiredText({ max: HAZARD_NOTE_MAX_LENGTH, multiLine: true, example: '督查发现护栏再次松动' })
  reason: string;
}

export class ReportToAuthorityDto implements AuthorityReportRequest {
  @RequiredText({ max: DEPARTMENT_MAX_LENGTH, example: '县应急管理局' })
  department: string;

  @ChinaDateField('The day it was reported, not in the future')
  reportedOn: string;

  @OptionalText({ max: REFERENCE_MAX_LENGTH, example: '应急〔2026〕12 号' })
  reference?: string;
}
