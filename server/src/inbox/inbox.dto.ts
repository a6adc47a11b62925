import {
  type InboxListQuery,
  InboxMessageKind,
  type InboxMessage as InboxMessageResponse,
  type InboxReadAllResponse,
  type InboxUnreadCount,
} from '@ankang/shared';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional } from 'class-validator';
import { PageOf, PageQueryDto } from '../common/pagination';
import { toBoolean } from '../common/request-fields';
import type { InboxMessage } from './inbox-message.entity';

export class InboxListQueryDto extends PageQueryDto implements InboxListQuery {
  @ApiPropertyOptional({ default: false, description: 'Only messages not yet read' })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  unreadOnly?: boolean;
}

export class InboxMessageDto implements InboxMessageResponse {
  @ApiProperty()
  id: string;

  @ApiProperty({ enum: InboxMessageKind, description: 'Later features add kinds of their own' })
  kind: InboxMessageKind;

  @ApiProperty({ example: '隐患整改期限将至' })
  title: string;

  @ApiProperty()
  body: string;

  @ApiProperty({ type: String, nullable: true, example: '/pages/hazard/detail?id=9' })
  link: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  readAt: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;
}

export class InboxMessagePageDto extends PageOf(InboxMessageDto) {}

export class InboxUnreadCountDto implements InboxUnreadCount {
  @ApiProperty({ minimum: 0 })
  count: number;
}

export class InboxReadAllDto implements InboxReadAllResponse {
  @ApiProperty({ minimum: 0, description: 'Messages it marked read' })
  marked: number;
}

export function toInboxMessage(message: InboxMessage): InboxMessageDto {
  return {
    id: String(message.id),
    kind: message.kind as InboxMessageKind,
    title: message.title,
    body: message.body,
    link: message.link,
    readAt: message.readAt?.toISOString() ?? null,
    createdAt: message.createdAt.toISOString(),
  };
}
