import { type MyNotice, type MyNoticeCounts, type MyNoticeListQuery, NoticeKind } from '@ankang/shared';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional } from 'class-validator';
import { PageOf, PageQueryDto } from '../common/pagination';
import { toBoolean } from '../common/request-fields';
import type { NoticeReceipt } from './notice-receipt.entity';
import { scopeOf } from './notices.dto';

export class MyNoticeListQueryDto extends PageQueryDto implements MyNoticeListQuery {
  @ApiPropertyOptional({ description: 'Only those still waiting for 已阅知' })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  unacknowledgedOnly?: boolean;
}

export class MyNoticeDto implements MyNotice {
  @ApiProperty({ description: 'The notice’s id' })
  id: string;

  @ApiProperty()
  title: string;

  @ApiProperty({ enum: NoticeKind })
  kind: NoticeKind;

  @ApiProperty({ description: 'Sanitised HTML' })
  bodyHtml: string;

  @ApiProperty({ description: 'The union or enterprise that sent it' })
  from: string;

  @ApiProperty({ format: 'date-time' })
  publishedAt: string;

  @ApiProperty()
  acknowledgementRequired: boolean;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  readAt: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  acknowledgedAt: string | null;
}

export class MyNoticePageDto extends PageOf(MyNoticeDto) {}

export class MyNoticeCountsDto implements MyNoticeCounts {
  @ApiProperty()
  unread: number;

  @ApiProperty({ description: 'Read or not, still waiting for 已阅知' })
  unacknowledged: number;
}

/** A person's receipt, loaded with its published notice and the notice's scope. */
export function toMyNotice(receipt: NoticeReceipt): MyNoticeDto {
  const notice = receipt.notice;
  if (!notice?.publishedAt) throw new Error(`Receipt ${receipt.id} was loaded without its published notice`);
  return {
    id: String(notice.id),
    title: notice.title,
    kind: notice.kind,
    bodyHtml: notice.bodyHtml,
    from: scopeOf(notice).name,
    publishedAt: notice.publishedAt.toISOString(),
    acknowledgementRequired: notice.acknowledgementRequired,
    readAt: receipt.readAt?.toISOString() ?? null,
    acknowledgedAt: receipt.acknowledgedAt?.toISOString() ?? null,
  };
}
