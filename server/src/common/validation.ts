import { CommonErrorCode, type FieldError } from '@ankang/shared';
import { type ValidationError, ValidationPipe } from '@nestjs/common';
import { AppException } from './app-exception';

/**
 * Chinese wording of class-validator's constraints, so `details` speaks to the person on the phone.
 * Listed most fundamental first: a field that is not text is told so, not that it is too long.
 */
const CONSTRAINT_MESSAGES: Record<string, (constraint: string) => string> = {
  whitelistValidation: () => '不允许的字段',
  isNotEmpty: () => '不能为空',
  isDefined: () => '必须填写',
  isString: () => '必须是文本',
  isInt: () => '必须是整数',
  isNumber: () => '必须是数字',
  isBoolean: () => '必须是是或否',
  isUUID: () => '格式不正确',
  isEnum: () => '取值不在允许范围内',
  isIn: () => '取值不在允许范围内',
  isISO8601: () => '必须是 ISO 8601 时间',
  isJWT: () => '格式不正确',
  matches: () => '格式不正确',
  maxLength: (constraint) => `长度不能超过 ${lengthOf(constraint)} 个字符`,
  minLength: (constraint) => `长度不能少于 ${lengthOf(constraint)} 个字符`,
  length: () => '长度不符合要求',
  min: () => '数值过小',
  max: () => '数值过大',
  nestedValidation: () => '内容有误',
};

const PRIORITY = Object.keys(CONSTRAINT_MESSAGES);

function lengthOf(constraintMessage: string): string {
  return constraintMessage.match(/(\d+)/)?.[1] ?? '';
}

/** Flattens nested validation errors into one `{field, message}` per offending field. */
export function fieldErrors(errors: ValidationError[], parent = ''): FieldError[] {
  const result: FieldError[] = [];
  for (const error of errors) {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const constraints = error.constraints ?? {};
    const names = Object.keys(constraints);
    if (names.length > 0) {
      const name = PRIORITY.find((known) => known in constraints) ?? names[0];
      result.push({ field, message: CONSTRAINT_MESSAGES[name]?.(constraints[name]) ?? '格式不正确' });
    }
    if (error.children?.length) result.push(...fieldErrors(error.children, field));
  }
  return result;
}

/** Whitelisting, unknown fields refused, payloads transformed into their DTO classes. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => new AppException(CommonErrorCode.ValidationFailed, fieldErrors(errors)),
  });
}
