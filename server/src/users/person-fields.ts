import { DISPLAY_NAME_MAX_LENGTH, EMPLOYEE_NUMBER_MAX_LENGTH, enumValues, WorkerGroup } from '@ankang/shared';
import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsEnum, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { OptionalNotNull, trimmed } from '../common/request-fields';

/**
 * A person's own fields, validated alike wherever they are edited (by the person on 我的, by an
 * officer on the staff pages).
 */

/** Visible text only: no control, format or unassigned characters (they would garble lists and exports). */
const PRINTABLE_TEXT = /^[^\p{C}]+$/u;

/** Optional; when present a non-blank name of at most 32 characters (`null` is refused). */
export function DisplayNameField(): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({ minLength: 1, maxLength: DISPLAY_NAME_MAX_LENGTH, example: '张建国' }),
    OptionalNotNull(),
    Transform(trimmed),
    IsString(),
    IsNotEmpty(),
    MaxLength(DISPLAY_NAME_MAX_LENGTH),
    Matches(PRINTABLE_TEXT),
  );
}

/** Optional; `null` or blank clears it. */
export function EmployeeNumberField(): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({ type: String, nullable: true, maxLength: EMPLOYEE_NUMBER_MAX_LENGTH, example: 'HK-0012' }),
    Transform(({ value }) => (typeof value === 'string' ? value.trim() || null : value)),
    IsOptional(),
    IsString(),
    MaxLength(EMPLOYEE_NUMBER_MAX_LENGTH),
    Matches(PRINTABLE_TEXT),
  );
}

/** Optional; the whole new set of groups, a group named twice counting once. */
export function WorkerGroupsField(): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({ enum: WorkerGroup, isArray: true, description: 'The whole set: replaces the groups held' }),
    OptionalNotNull(),
    Transform(({ value }) => (Array.isArray(value) ? [...new Set(value)] : value)),
    IsArray(),
    ArrayMaxSize(enumValues(WorkerGroup).length),
    IsEnum(WorkerGroup, { each: true }),
  );
}
