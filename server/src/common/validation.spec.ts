import { CommonErrorCode } from '@ankang/shared';
import { IsString, MaxLength } from 'class-validator';
import { AppException } from './app-exception';
import { createValidationPipe } from './validation';

class Sample {
  @IsString()
  @MaxLength(5)
  name: string;
}

describe('validation pipe', () => {
  const pipe = createValidationPipe();
  const validate = (value: unknown) => pipe.transform(value, { type: 'body', metatype: Sample });

  it('passes a valid body through as the DTO class', async () => {
    await expect(validate({ name: 'ok' })).resolves.toBeInstanceOf(Sample);
  });

  it.each([
    [{ name: 'far too long' }, 'name', '长度不能超过 5 个字符'],
    [{ name: 7 }, 'name', '必须是文本'],
    [{ name: 'ok', role: 'admin' }, 'role', '不允许的字段'],
  ])('refuses %j with a Chinese message for the field', async (body, field, message) => {
    const error = await validate(body).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AppException);
    expect((error as AppException).code).toBe(CommonErrorCode.ValidationFailed);
    expect((error as AppException).details).toEqual([{ field, message }]);
  });
});
