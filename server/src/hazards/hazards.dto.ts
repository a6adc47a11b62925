import {
  chinaDateOf,
  HAZARD_DESCRIPTION_MAX_LENGTH,
  HAZARD_LOCATION_NOTE_MAX_LENGTH,
  HAZARD_SYSTEM_EVENT_LABELS,
  HazardAction,
  type HazardAssignment,
  HazardCategory,
  type HazardEvent,
  type HazardFollowView,
  HazardGrade,
  type HazardListQuery,
  type HazardPerson,
  HazardPhotoKind,
  HazardState,
  type HazardSystemEventAction,
  type HazardTicketDetail,
  type HazardTicketSummary,
  Industry,
  ReporterVisibility,
  type ReportHazardRequest,
  type ReportHazardResponse,
} from '@ankang/shared';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsEnum, IsIn, IsOptional, IsString, IsUUID } from 'class-validator';
import { PageOf, PageQueryDto } from '../common/pagination';
import { IsRecordId } from '../common/record-id';
import { toBoolean } from '../common/request-fields';
import type { User } from '../users/user.entity';
import { OptionalText, PhotoIdsField, RequiredText } from './hazard-fields';
import { type HazardRelation, isOverdue } from './hazard-relation';
import type { HazardTicket } from './hazard-ticket.entity';
import { HazardPhotoDto } from './photos/hazard-photos.dto';
import type { TicketEvent } from './ticket-event.entity';

/** Actions of the timeline: the report, the lifecycle's actions and the deadline job's reminders. */
const TIMELINE_ACTIONS = new Set<string>([
  'report',
  ...Object.values(HazardAction),
  ...Object.keys(HAZARD_SYSTEM_EVENT_LABELS),
]);

/** What a timeline entry records. */
export type TimelineAction = HazardAction | 'report' | HazardSystemEventAction;

// ---------------------------------------------------------------------------------------------
// Requests

export class ReportHazardDto implements ReportHazardRequest {
  @ApiProperty({ format: 'uuid', description: 'Made on the phone for this report: a retry returns the first answer' })
  // MariaDB compares keys without regard to case, SQLite with: one spelling for both.
  @Transform(({ value }) => (typeof value === 'string' ? value.toLowerCase() : value))
  @IsUUID()
  clientKey: string;

  @ApiProperty({ example: '42', description: 'The workplace of the scanned QR code' })
  @IsRecordId()
  workplaceId: string;

  @ApiProperty({ enum: HazardCategory, description: 'Including the three 三违' })
  @IsEnum(HazardCategory)
  category: HazardCategory;

  @RequiredText({ max: HAZARD_DESCRIPTION_MAX_LENGTH, multiLine: true, example: '主井口东侧护栏松动，有坠落风险' })
  description: string;

  @OptionalText({ max: HAZARD_LOCATION_NOTE_MAX_LENGTH, example: '主井口东侧 3 号护栏' })
  locationNote?: string;

  @ApiProperty({ enum: ReporterVisibility })
  @IsEnum(ReporterVisibility)
  reporterVisibility: ReporterVisibility;

  @PhotoIdsField('1 to 9 photos uploaded by the caller with kind `report`')
  photoIds: string[];
}

export const HAZARD_LIST_VIEWS = ['queue', 'supervision', 'all'] as const;
export type HazardListView = (typeof HAZARD_LIST_VIEWS)[number];

export class HazardListQueryDto extends PageQueryDto implements HazardListQuery {
  @ApiPropertyOptional({
    enum: HAZARD_LIST_VIEWS,
    default: 'queue',
    description:
      'queue: open tickets by deadline (untriaged first, then overdue); supervision: 重大 not yet done and overdue ' +
      '(needs HazardSupervise); all: everything in scope, newest first',
  })
  @IsOptional()
  @IsIn(HAZARD_LIST_VIEWS)
  view?: HazardListView;

  @ApiPropertyOptional({ enum: HazardState })
  @IsOptional()
  @IsEnum(HazardState)
  state?: HazardState;

  @ApiPropertyOptional()
  @IsOptional()
  @IsRecordId()
  workplaceId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsRecordId()
  gridId?: string;

  @ApiPropertyOptional({ enum: HazardCategory })
  @IsOptional()
  @IsEnum(HazardCategory)
  category?: HazardCategory;

  @ApiPropertyOptional({ enum: HazardGrade })
  @IsOptional()
  @IsEnum(HazardGrade)
  grade?: HazardGrade;

  @ApiPropertyOptional({ description: 'Past the deadline and not yet fixed' })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  overdue?: boolean;
}

export class HazardPhotoParams {
  @ApiProperty({ example: '42' })
  @IsRecordId()
  id: string;

  @ApiProperty({ example: '101' })
  @IsRecordId()
  photoId: string;
}

export class FollowTokenParams {
  @ApiProperty({ description: 'The token the anonymous report returned' })
  // Its shape is checked by the service: a malformed token is answered like an unknown one.
  @IsString()
  token: string;
}

// ---------------------------------------------------------------------------------------------
// Responses

export class HazardPersonDto implements HazardPerson {
  @ApiProperty()
  id: string;

  @ApiProperty({ example: '张建国' })
  displayName: string;
}

export class HazardWorkplaceRefDto {
  @ApiProperty()
  id: string;

  @ApiProperty({ example: '主井口' })
  name: string;

  @ApiProperty({ example: 'HK-COAL-01' })
  code: string;
}

export class HazardEnterpriseRefDto {
  @ApiProperty()
  id: string;

  @ApiProperty({ example: '河口煤业有限公司' })
  name: string;
}

export class HazardAssignmentDto implements HazardAssignment {
  @ApiProperty({ type: HazardPersonDto, description: '责任人' })
  responsible: HazardPersonDto;

  @ApiProperty({ description: '措施' })
  measures: string;

  @ApiProperty({ type: String, nullable: true, description: '资金' })
  funding: string | null;

  @ApiProperty({ format: 'date', description: '时限: the last China calendar day' })
  deadline: string;

  @ApiProperty({ type: String, nullable: true, description: '预案 (required for 重大)' })
  contingencyPlan: string | null;
}

export class PendingExtensionDto {
  @ApiProperty({ format: 'date' })
  deadline: string;

  @ApiProperty()
  reason: string;

  @ApiProperty({ format: 'date-time' })
  requestedAt: string;
}

export class DuplicateOfDto {
  @ApiProperty()
  id: string;

  @ApiProperty({ example: 'HZ-20261129-0001' })
  code: string;
}

export class AuthorityReportDto {
  @ApiProperty({ example: '县应急管理局' })
  department: string;

  @ApiProperty({ format: 'date' })
  reportedOn: string;

  @ApiProperty({ type: String, nullable: true })
  reference: string | null;
}

export class HazardEventDto implements HazardEvent {
  @ApiProperty()
  id: string;

  @ApiProperty({ enum: [...TIMELINE_ACTIONS] })
  action: TimelineAction;

  @ApiProperty({ enum: HazardState, nullable: true })
  fromState: HazardState | null;

  @ApiProperty({ enum: HazardState, nullable: true })
  toState: HazardState | null;

  @ApiProperty({ type: HazardPersonDto, nullable: true, description: 'Null for an anonymous or hidden reporter' })
  actor: HazardPersonDto | null;

  @ApiProperty({ type: String, nullable: true })
  note: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;
}

export class HazardTicketSummaryDto implements HazardTicketSummary {
  @ApiProperty()
  id: string;

  @ApiProperty({ example: 'HZ-20261129-0001' })
  code: string;

  @ApiProperty({ enum: HazardState })
  state: HazardState;

  @ApiProperty({ enum: HazardGrade, nullable: true })
  grade: HazardGrade | null;

  @ApiProperty({ enum: HazardCategory })
  category: HazardCategory;

  @ApiProperty({ enum: Industry, nullable: true })
  industry: Industry | null;

  @ApiProperty()
  description: string;

  @ApiProperty({ type: HazardWorkplaceRefDto })
  workplace: HazardWorkplaceRefDto;

  @ApiProperty({ type: HazardEnterpriseRefDto })
  enterprise: HazardEnterpriseRefDto;

  @ApiProperty({ type: String, format: 'date', nullable: true })
  deadline: string | null;

  @ApiProperty({ description: 'Past the deadline and not yet fixed' })
  overdue: boolean;

  @ApiProperty({ type: String, nullable: true })
  thumbnailUrl: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt: string;
}

export class HazardTicketDetailDto extends HazardTicketSummaryDto implements HazardTicketDetail {
  @ApiProperty({ type: String, nullable: true })
  locationNote: string | null;

  @ApiProperty({ enum: ReporterVisibility })
  reporterVisibility: ReporterVisibility;

  @ApiProperty({
    type: HazardPersonDto,
    nullable: true,
    description: 'Null when anonymous, or hidden from the caller (enterprise roles, when hidden from the enterprise)',
  })
  reporter: HazardPersonDto | null;

  @ApiProperty({ type: HazardAssignmentDto, nullable: true })
  assignment: HazardAssignmentDto | null;

  @ApiProperty({ type: PendingExtensionDto, nullable: true })
  pendingExtension: PendingExtensionDto | null;

  @ApiProperty({ type: DuplicateOfDto, nullable: true })
  duplicateOf: DuplicateOfDto | null;

  @ApiProperty({ type: String, nullable: true })
  rejectReason: string | null;

  @ApiProperty({ type: AuthorityReportDto, nullable: true })
  authorityReport: AuthorityReportDto | null;

  @ApiProperty({ type: [HazardPhotoDto] })
  photos: HazardPhotoDto[];

  @ApiProperty({ type: [HazardEventDto], description: 'The timeline, oldest first' })
  events: HazardEventDto[];

  @ApiProperty({ enum: HazardAction, isArray: true, description: 'What the caller may do now' })
  actions: HazardAction[];

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  closedAt: string | null;
}

export class ReportHazardResponseDto implements ReportHazardResponse {
  @ApiProperty({ type: HazardTicketDetailDto })
  ticket: HazardTicketDetailDto;

  @ApiProperty({
    type: String,
    nullable: true,
    description:
      'Anonymous reports only: keep it on the device to follow the ticket; it is not stored and not shown again',
  })
  followToken: string | null;
}

export class HazardTicketPageDto extends PageOf(HazardTicketSummaryDto) {}

export class FollowEventDto {
  @ApiProperty({ enum: [...TIMELINE_ACTIONS] })
  action: TimelineAction;

  @ApiProperty({ enum: HazardState, nullable: true })
  toState: HazardState | null;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;
}

export class NameOnlyDto {
  @ApiProperty()
  name: string;
}

export class HazardFollowViewDto implements HazardFollowView {
  @ApiProperty({ example: 'HZ-20261129-0001' })
  code: string;

  @ApiProperty({ enum: HazardState })
  state: HazardState;

  @ApiProperty({ enum: HazardCategory })
  category: HazardCategory;

  @ApiProperty({ type: NameOnlyDto })
  workplace: NameOnlyDto;

  @ApiProperty({ type: NameOnlyDto })
  enterprise: NameOnlyDto;

  @ApiProperty({ type: String, format: 'date', nullable: true })
  deadline: string | null;

  @ApiProperty({ type: [FollowEventDto] })
  events: FollowEventDto[];

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  closedAt: string | null;
}

// ---------------------------------------------------------------------------------------------
// Mappers

/** Everything a detail response is made of, loaded and decided by the service. */
export interface TicketDetailParts {
  /** Loaded with its workplace, enterprise, reporter, responsible person and the ticket it repeats. */
  ticket: HazardTicket;
  photos: HazardPhotoDto[];
  /** Oldest first, each with its actor. */
  events: TicketEvent[];
  relation: HazardRelation;
  actions: HazardAction[];
  now: Date;
}

function toPerson(user: User | null | undefined): HazardPersonDto | null {
  return user ? { id: String(user.id), displayName: user.displayName } : null;
}

function dateOf(instant: Date | null): string | null {
  return instant ? chinaDateOf(instant) : null;
}

/** A ticket in a list; loaded with its workplace and enterprise. */
export function toTicketSummary(ticket: HazardTicket, thumbnailUrl: string | null, now: Date): HazardTicketSummaryDto {
  const { workplace, enterprise } = ticket;
  if (!workplace || !enterprise) throw new Error(`Ticket ${ticket.id} was loaded without its workplace and enterprise`);
  return {
    id: String(ticket.id),
    code: ticket.code,
    state: ticket.state,
    grade: ticket.grade,
    category: ticket.category,
    industry: ticket.industry,
    description: ticket.description,
    workplace: { id: String(workplace.id), name: workplace.name, code: workplace.code ?? '' },
    enterprise: { id: String(enterprise.id), name: enterprise.name },
    deadline: dateOf(ticket.dueAt),
    overdue: isOverdue(ticket, now),
    thumbnailUrl,
    createdAt: ticket.createdAt.toISOString(),
    updatedAt: ticket.updatedAt.toISOString(),
  };
}

/**
 * A ticket as the caller may see it. The reporter — on the ticket and as the actor of the report —
 * appears only when the relation allows (never when anonymous; never to enterprise roles when hidden).
 */
export function toTicketDetail(parts: TicketDetailParts): HazardTicketDetailDto {
  const { ticket, relation } = parts;
  const reportPhoto = parts.photos.find((photo) => photo.kind === HazardPhotoKind.Report);
  return {
    ...toTicketSummary(ticket, reportPhoto?.thumbnailUrl ?? null, parts.now),
    locationNote: ticket.locationNote,
    reporterVisibility: ticket.reporterVisibility,
    reporter: relation.seesReporter ? toPerson(ticket.reporter) : null,
    assignment: toAssignment(ticket),
    pendingExtension:
      ticket.extensionDueAt && ticket.extensionRequestedAt
        ? {
            deadline: chinaDateOf(ticket.extensionDueAt),
            reason: ticket.extensionReason ?? '',
            requestedAt: ticket.extensionRequestedAt.toISOString(),
          }
        : null,
    duplicateOf: ticket.duplicateOf ? { id: String(ticket.duplicateOf.id), code: ticket.duplicateOf.code } : null,
    rejectReason: ticket.rejectReason,
    authorityReport:
      ticket.authorityDepartment && ticket.authorityReportedOn
        ? {
            department: ticket.authorityDepartment,
            reportedOn: ticket.authorityReportedOn,
            reference: ticket.authorityReference,
          }
        : null,
    photos: parts.photos,
    events: parts.events.filter((event) => TIMELINE_ACTIONS.has(event.action)).map((event) => toEvent(event, relation)),
    actions: parts.actions,
    closedAt: ticket.closedAt?.toISOString() ?? null,
  };
}

function toAssignment(ticket: HazardTicket): HazardAssignmentDto | null {
  const responsible = toPerson(ticket.responsible);
  if (!responsible || ticket.measures === null || ticket.dueAt === null) return null;
  return {
    responsible,
    measures: ticket.measures,
    funding: ticket.funding,
    deadline: chinaDateOf(ticket.dueAt),
    contingencyPlan: ticket.contingencyPlan,
  };
}

function toEvent(event: TicketEvent, relation: HazardRelation): HazardEventDto {
  const hidesActor = event.action === 'report' && !relation.seesReporter;
  return {
    id: String(event.id),
    action: event.action as TimelineAction,
    fromState: event.fromState,
    toState: event.toState,
    actor: hidesActor ? null : toPerson(event.actor),
    note: event.note,
    createdAt: event.createdAt.toISOString(),
  };
}

/** The anonymous reporter's view: progress only — no people, no ids. Loaded with its places. */
export function toFollowView(ticket: HazardTicket, events: TicketEvent[]): HazardFollowViewDto {
  const { workplace, enterprise } = ticket;
  if (!workplace || !enterprise) throw new Error(`Ticket ${ticket.id} was loaded without its workplace and enterprise`);
  return {
    code: ticket.code,
    state: ticket.state,
    category: ticket.category,
    workplace: { name: workplace.name },
    enterprise: { name: enterprise.name },
    deadline: dateOf(ticket.dueAt),
    events: events
      .filter((event) => TIMELINE_ACTIONS.has(event.action))
      .map((event) => ({
        action: event.action as TimelineAction,
        toState: event.toState,
        createdAt: event.createdAt.toISOString(),
      })),
    createdAt: ticket.createdAt.toISOString(),
    closedAt: ticket.closedAt?.toISOString() ?? null,
  };
}
