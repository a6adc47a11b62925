import { CommonErrorCode, PAGE_LIMIT_DEFAULT, PAGE_LIMIT_MAX, type Page, type PageQuery } from '@ankang/shared';
import type { Type as ClassType } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { AppException } from './app-exception';

/** `?cursor=&limit=` of every list. Extend it with the list's own filters. */
export class PageQueryDto implements PageQuery {
  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @IsOptional()
  @IsString()
  @MaxLength(512)
  cursor?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: PAGE_LIMIT_MAX, default: PAGE_LIMIT_DEFAULT })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(PAGE_LIMIT_MAX)
  limit?: number;
}

export type CursorValue = string | number;

/**
 * Cursors are opaque to clients: the sort key of the last item of a page, as base64url JSON. The
 * next page starts strictly after it, so rows written meanwhile never shift or repeat items.
 */
export function encodeCursor(values: readonly CursorValue[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

/** The sort key in a cursor, checked against the expected shape; a tampered cursor is a coded 400. */
export function decodeCursor(cursor: string, shape: readonly ('string' | 'number')[]): CursorValue[] {
  let values: unknown;
  try {
    values = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    values = null;
  }
  const valid =
    Array.isArray(values) &&
    values.length === shape.length &&
    values.every(
      (value, index) => typeof value === shape[index] && (typeof value !== 'number' || Number.isFinite(value)),
    );
  if (!valid) {
    throw new AppException(CommonErrorCode.ValidationFailed, [
      { field: 'cursor', message: '分页游标无效，请从第一页重新加载' },
    ]);
  }
  return values as CursorValue[];
}

export function pageLimit(query: PageQuery): number {
  return query.limit ?? PAGE_LIMIT_DEFAULT;
}

/**
 * A page from rows fetched with `limit + 1`: the extra row only says there is a next page.
 * `cursorOf` gives the sort key of a row.
 */
export function toPage<Row, Item>(
  rows: Row[],
  limit: number,
  cursorOf: (row: Row) => readonly CursorValue[],
  toItem: (row: Row) => Item,
): Page<Item> {
  const pageRows = rows.slice(0, limit);
  const last = pageRows.at(-1);
  return {
    items: pageRows.map(toItem),
    nextCursor: rows.length > limit && last !== undefined ? encodeCursor(cursorOf(last)) : null,
  };
}

/** The response class of a list, for OpenAPI: `class UserPageDto extends PageOf(UserSummaryDto) {}`. */
export function PageOf<Item>(item: ClassType<Item>): ClassType<Page<Item>> {
  class PageOfItems implements Page<Item> {
    @ApiProperty({ type: [item] })
    items: Item[];

    @ApiProperty({ type: String, nullable: true, description: 'Pass back as ?cursor= for the next page' })
    nextCursor: string | null;
  }
  return PageOfItems;
}
