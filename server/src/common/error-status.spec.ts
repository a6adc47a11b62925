import { ALL_ERROR_CODES, AuthErrorCode, CommonErrorCode, WechatErrorCode } from '@ankang/shared';
import { httpStatusForCode } from './error-status';

describe('httpStatusForCode', () => {
  it('gives every code an error status', () => {
    for (const code of ALL_ERROR_CODES) {
      const status = httpStatusForCode(code);
      expect(status >= 400 && status < 600).toBe(true);
    }
  });

  it('keeps the caller-facing distinctions the mini program relies on', () => {
    expect(httpStatusForCode(CommonErrorCode.ValidationFailed)).toBe(400);
    expect(httpStatusForCode(AuthErrorCode.AccessTokenExpired)).toBe(401);
    expect(httpStatusForCode(AuthErrorCode.WechatCodeInvalid)).toBe(401);
    expect(httpStatusForCode(AuthErrorCode.Forbidden)).toBe(403);
    expect(httpStatusForCode(CommonErrorCode.NotFound)).toBe(404);
    expect(httpStatusForCode(CommonErrorCode.RateLimited)).toBe(429);
    expect(httpStatusForCode(WechatErrorCode.Unavailable)).toBe(503);
  });

  it('throws on a value that is not a code, rather than answering 200', () => {
    expect(() => httpStatusForCode('NOT_A_CODE' as never)).toThrow('Unhandled error code');
  });
});
