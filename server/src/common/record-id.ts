import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches } from 'class-validator';

/** Ids travel as decimal strings (see the API conventions); anything else names no record. */
export const RECORD_ID_PATTERN = /^[1-9][0-9]{0,9}$/;

/** A record id in a body or query: a decimal string. */
export function IsRecordId(): PropertyDecorator {
  return applyDecorators(IsString(), Matches(RECORD_ID_PATTERN));
}

/** `:id` of a route, validated like any other input. */
export class RecordIdParams {
  @ApiProperty({ example: '42' })
  @IsRecordId()
  id: string;
}
