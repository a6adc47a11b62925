import { isChinaDate } from '@ankang/shared';
import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, type TransformFnParams } from 'class-transformer';
import { ArrayUnique, IsArray, IsNotEmpty, IsString, Matches, ValidateBy } from 'class-validator';
import { RECORD_ID_PATTERN } from '../common/record-id';
import { OptionalNotNull } from '../common/request-fields';

/**
 * The fields of hazard requests, validated alike wherever they appear. Text is trimmed and must be
 * visible characters (line breaks allowed where the field is multi-line); lengths count characters
 * as the database does (code points), so a string the validator lets through always fits its column.
 */

const SINGLE_LINE_TEXT = /^[^\p{C}]*$/u;
const MULTI_LINE_TEXT = /^(?:[^\p{C}]|\n)*$/u;

/** Trimmed, with Windows line ends made plain. */
function trimmedText({ value }: TransformFnParams): unknown {
  return typeof value === 'string' ? value.replace(/\r\n?/g, '\n').trim() : value;
}

/** Trimmed; blank becomes absent. */
function trimmedOrAbsent(params: TransformFnParams): unknown {
  const value = trimmedText(params);
  return value === '' ? undefined : value;
}

/** At most `max` characters counted as code points. Named `maxLength` so its message is the familiar one. */
function MaxCharacters(max: number): PropertyDecorator {
  return ValidateBy({
    name: 'maxLength',
    constraints: [max],
    validator: {
      validate: (value: unknown) => typeof value !== 'string' || [...value].length <= max,
      defaultMessage: () => `$property must be shorter than or equal to ${max} characters`,
    },
  });
}

function VisibleText(multiLine: boolean): PropertyDecorator {
  const pattern = multiLine ? MULTI_LINE_TEXT : SINGLE_LINE_TEXT;
  return ValidateBy({
    name: 'matches',
    validator: {
      validate: (value: unknown) => typeof value !== 'string' || pattern.test(value),
      defaultMessage: () => '$property must be visible text',
    },
  });
}

interface TextOptions {
  max: number;
  multiLine?: boolean;
  example?: string;
  description?: string;
}

/** Required text of 1 to `max` characters. */
export function RequiredText(options: TextOptions): PropertyDecorator {
  return applyDecorators(
    ApiProperty({ minLength: 1, maxLength: options.max, example: options.example, description: options.description }),
    Transform(trimmedText),
    IsString(),
    IsNotEmpty(),
    MaxCharacters(options.max),
    VisibleText(options.multiLine ?? false),
  );
}

/** Optional text of at most `max` characters; blank counts as absent, `null` is refused. */
export function OptionalText(options: TextOptions): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({ maxLength: options.max, example: options.example, description: options.description }),
    Transform(trimmedOrAbsent),
    OptionalNotNull(),
    IsString(),
    MaxCharacters(options.max),
    VisibleText(options.multiLine ?? false),
  );
}

/** A real calendar day written `YYYY-MM-DD` (reckoned in China time by whoever uses it). */
export function ChinaDateField(description: string): PropertyDecorator {
  return applyDecorators(
    ApiProperty({ example: '2026-12-15', format: 'date', description }),
    IsString(),
    ValidateBy({
      name: 'matches',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && isChinaDate(value),
        defaultMessage: () => '$property must be a date written YYYY-MM-DD',
      },
    }),
  );
}

/**
 * Ids of uploaded photos, each named once. How many are needed is the service's to say (with its
 * own error code), so the array may be empty here.
 */
export function PhotoIdsField(description: string): PropertyDecorator {
  return applyDecorators(
    ApiProperty({ type: [String], example: ['101', '102'], description }),
    IsArray(),
    ArrayUnique(),
    IsString({ each: true }),
    Matches(RECORD_ID_PATTERN, { each: true }),
  );
}
