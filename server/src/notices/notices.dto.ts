import {
  type CreateNoticeRequest,
  Industry,
  NOTICE_BODY_MAX_LENGTH,
  NOTICE_TITLE_MAX_LENGTH,
  type NoticeAudience,
  type NoticeAudienceCount,
  type NoticeDetail,
  NoticeFanOutState,
  NoticeKind,
  type NoticeListQuery,
  type NoticeReceiptCounts,
  type NoticeReceipts,
  type NoticeReceiptsQuery,
  NoticeState,
  type NoticeSummary,
  type RemindNoticeRequest,
  type RemindNoticeResponse,
  Role,
  type UpdateNoticeRequest,
  WorkerGroup,
} from '@ankang/shared';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsEnum,
  IsIn,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
} from 'class-validator';
import { PageOf, PageQueryDto } from '../common/pagination';
import { IsRecordId } from '../common/record-id';
import { OptionalNotNull } from '../common/request-fields';
import { RequiredText } from '../hazards/hazard-fields';
import type { OrgUnit } from '../org/org-unit.entity';
import { OrgUnitReferenceDto, toOrgUnitReference } from '../org/org-units.dto';
import type { Notice } from './notice.entity';

/** The roles an audience may name: the people who receive notices (the operator does not). */
export const AUDIENCE_ROLES = [Role.Worker, Role.Officer, Role.UnionStaff] as const;

// ---------------------------------------------------------------------------------------------
// Requests. Shapes, enums and lengths here; the body's content, the scope and the publish time are
// the service's to check (notice-body.ts, notice-rules.ts).

export class NoticeAudienceDto implements NoticeAudience {
  @ApiProperty({ example: '7', description: 'A union (union staff) or the caller’s enterprise (officers)' })
  @IsRecordId()
  scopeOrgUnitId: string;

  @ApiProperty({ enum: Industry, isArray: true, description: 'Empty: every industry' })
  @IsArray()
  @ArrayUnique()
  @IsEnum(Industry, { each: true })
  industries: Industry[];

  @ApiProperty({
    enum: WorkerGroup,
    isArray: true,
    description: 'Empty: no narrowing; else workers of these groups only',
  })
  @IsArray()
  @ArrayUnique()
  @IsEnum(WorkerGroup, { each: true })
  workerGroups: WorkerGroup[];

  @ApiProperty({ enum: AUDIENCE_ROLES, isArray: true, description: 'Empty: workers, officers and union staff' })
  @IsArray()
  @ArrayUnique()
  @IsIn(AUDIENCE_ROLES, { each: true })
  roles: Role[];
}

export class ComposeNoticeDto extends NoticeAudienceDto implements UpdateNoticeRequest {
  @RequiredText({ max: NOTICE_TITLE_MAX_LENGTH, example: '关于做好节前安全生产工作的通知' })
  title: string;

  @ApiProperty({
    maxLength: NOTICE_BODY_MAX_LENGTH,
    description: 'HTML; kept to p, br, strong, em, b, i, u, ul, ol, li, h3, h4, blockquote without attributes',
  })
  @IsString()
  bodyHtml: string;

  @ApiProperty({ enum: NoticeKind })
  @IsEnum(NoticeKind)
  kind: NoticeKind;

  @ApiProperty({ description: '已阅知 asked of every recipient' })
  @IsBoolean()
  acknowledgementRequired: boolean;

  @ApiPropertyOptional({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'In the future: published then (定时发布); absent or null: published when 发布 is tapped',
  })
  @IsOptional()
  @IsISO8601({ strict: true, strictSeparator: true })
  publishAt?: string | null;
}

export class CreateNoticeDto extends ComposeNoticeDto implements CreateNoticeRequest {
  @ApiProperty({ format: 'uuid', description: 'Made by the editor for this draft: a retry returns the same draft' })
  // MariaDB compares keys without regard to case, SQLite with: one spelling for both.
  @Transform(({ value }) => (typeof value === 'string' ? value.toLowerCase() : value))
  @IsUUID()
  clientKey: string;
}

export class UpdateNoticeDto extends ComposeNoticeDto {}

export class NoticeListQueryDto extends PageQueryDto implements NoticeListQuery {
  @ApiPropertyOptional({ enum: NoticeState })
  @IsOptional()
  @IsEnum(NoticeState)
  state?: NoticeState;
}

export class NoticeReceiptsQueryDto implements NoticeReceiptsQuery {
  @ApiPropertyOptional({ description: 'A node within the notice’s scope; the scope itself when absent' })
  @IsOptional()
  @IsRecordId()
  orgUnitId?: string;
}

export class RemindNoticeDto implements RemindNoticeRequest {
  @ApiPropertyOptional({ description: 'A node within the notice’s scope; the scope itself when absent' })
  @OptionalNotNull()
  @IsRecordId()
  orgUnitId?: string;
}

// ---------------------------------------------------------------------------------------------
// Responses

class NoticeAuthorDto {
  @ApiProperty()
  id: string;

  @ApiProperty()
  displayName: string;
}

class NoticeFanOutDto {
  @ApiProperty({ enum: NoticeFanOutState })
  state: NoticeFanOutState;

  @ApiProperty({ description: 'The audience counted when it was published (or scheduled)' })
  recipients: number;
}

export class NoticeSummaryDto implements NoticeSummary {
  @ApiProperty()
  id: string;

  @ApiProperty()
  title: string;

  @ApiProperty({ enum: NoticeKind })
  kind: NoticeKind;

  @ApiProperty({ enum: NoticeState })
  state: NoticeState;

  @ApiProperty({ type: OrgUnitReferenceDto })
  scope: OrgUnitReferenceDto;

  @ApiProperty()
  acknowledgementRequired: boolean;

  @ApiProperty({ type: NoticeAuthorDto })
  author: NoticeAuthorDto;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  publishAt: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  publishedAt: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  withdrawnAt: string | null;

  @ApiProperty({ type: NoticeFanOutDto })
  fanOut: NoticeFanOutDto;

  @ApiProperty({ format: 'date-time' })
  updatedAt: string;
}

export class NoticePageDto extends PageOf(NoticeSummaryDto) {}

export class NoticeDetailDto extends NoticeSummaryDto implements NoticeDetail {
  @ApiProperty()
  scopeOrgUnitId: string;

  @ApiProperty({ enum: Industry, isArray: true })
  industries: Industry[];

  @ApiProperty({ enum: WorkerGroup, isArray: true })
  workerGroups: WorkerGroup[];

  @ApiProperty({ enum: AUDIENCE_ROLES, isArray: true })
  roles: Role[];

  @ApiProperty({ description: 'Sanitised HTML' })
  bodyHtml: string;
}

export class NoticeAudienceCountDto implements NoticeAudienceCount {
  @ApiProperty()
  recipients: number;
}

export class NoticeReceiptCountsDto implements NoticeReceiptCounts {
  @ApiProperty({
    description: 'People reached under the node (at the notice’s scope: at least the audience counted when published)',
  })
  recipients: number;

  @ApiProperty({ description: 'In the inbox' })
  delivered: number;

  @ApiProperty()
  read: number;

  @ApiProperty()
  acknowledged: number;

  @ApiProperty()
  wechatSent: number;

  @ApiProperty({ description: 'No grant left, or the person refused' })
  wechatRefused: number;

  @ApiProperty()
  wechatFailed: number;
}

class NoticeReceiptsChildDto {
  @ApiProperty({ type: OrgUnitReferenceDto })
  node: OrgUnitReferenceDto;

  @ApiProperty({ type: NoticeReceiptCountsDto })
  counts: NoticeReceiptCountsDto;
}

export class NoticeReceiptsDto implements NoticeReceipts {
  @ApiProperty({ type: NoticeSummaryDto })
  notice: NoticeSummaryDto;

  @ApiProperty({ type: OrgUnitReferenceDto })
  node: OrgUnitReferenceDto;

  @ApiProperty({ type: NoticeReceiptCountsDto })
  totals: NoticeReceiptCountsDto;

  @ApiProperty({ type: [NoticeReceiptsChildDto], description: 'One per child union or enterprise of the node' })
  children: NoticeReceiptsChildDto[];
}

export class RemindNoticeResponseDto implements RemindNoticeResponse {
  @ApiProperty({ description: 'People reminded now (those already reminded today are not counted again)' })
  reminded: number;

  @ApiProperty({ format: 'date', description: 'The China date from which the node may be reminded again' })
  nextAllowedOn: string;
}

// ---------------------------------------------------------------------------------------------
// Mappers

/** A deleted author's notices stay; they are shown as written by nobody in particular. */
const UNKNOWN_AUTHOR = { id: '', displayName: '已注销用户' };

export function toNoticeSummary(notice: Notice): NoticeSummaryDto {
  return {
    id: String(notice.id),
    title: notice.title,
    kind: notice.kind,
    state: notice.state,
    scope: toOrgUnitReference(scopeOf(notice)),
    acknowledgementRequired: notice.acknowledgementRequired,
    author: notice.author ? { id: String(notice.author.id), displayName: notice.author.displayName } : UNKNOWN_AUTHOR,
    publishAt: notice.publishAt?.toISOString() ?? null,
    publishedAt: notice.publishedAt?.toISOString() ?? null,
    withdrawnAt: notice.withdrawnAt?.toISOString() ?? null,
    fanOut: { state: notice.fanOutState, recipients: notice.recipientCount },
    updatedAt: notice.updatedAt.toISOString(),
  };
}

export function toNoticeDetail(notice: Notice): NoticeDetailDto {
  return {
    ...toNoticeSummary(notice),
    ...audienceOf(notice),
    bodyHtml: notice.bodyHtml,
  };
}

/** The audience as the notice stores it, its JSON columns read back. */
export function audienceOf(notice: Notice): NoticeAudience {
  return {
    scopeOrgUnitId: String(notice.scopeOrgUnitId),
    industries: JSON.parse(notice.industries) as Industry[],
    workerGroups: JSON.parse(notice.workerGroups) as WorkerGroup[],
    roles: JSON.parse(notice.roles) as Role[],
  };
}

export function scopeOf(notice: Notice): OrgUnit {
  if (!notice.scope) throw new Error(`Notice ${notice.id} was loaded without its scope`);
  return notice.scope;
}
