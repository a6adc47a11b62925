import type { TransformFnParams } from 'class-transformer';
import { ValidateIf } from 'class-validator';

/**
 * An optional field that, when present, must be valid: unlike @IsOptional() it lets `null` through
 * to the validators, so `{"name": null}` is refused rather than read as "leave it as it is".
 */
export function OptionalNotNull(): PropertyDecorator {
  return ValidateIf((_object: unknown, value: unknown) => value !== undefined);
}

/** Text fields lose surrounding white space before they are validated and stored. */
export function trimmed({ value }: TransformFnParams): unknown {
  return typeof value === 'string' ? value.trim() : value;
}

/** Query strings carry booleans as text. Anything but `true`/`false` stays text and fails @IsBoolean(). */
export function toBoolean({ value }: TransformFnParams): unknown {
  if (value === 'true') return true;
  if (value === 'false') return false;
  return value;
}
