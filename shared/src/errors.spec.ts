import {
  ALL_ERROR_CODES,
  AuthErrorCode,
  CommonErrorCode,
  ERROR_MESSAGES,
  HazardErrorCode,
  isErrorCode,
  NoticeErrorCode,
  OrgErrorCode,
  ProfileErrorCode,
  SubscriptionErrorCode,
  TrainingErrorCode,
  WechatErrorCode,
} from './errors';

describe('error codes', () => {
  it('gives every code of every area a Chinese message', () => {
    const codes = [
      ...Object.values(CommonErrorCode),
      ...Object.values(AuthErrorCode),
      ...Object.values(WechatErrorCode),
      ...Object.values(OrgErrorCode),
      ...Object.values(ProfileErrorCode),
      ...Object.values(HazardErrorCode),
      ...Object.values(TrainingErrorCode),
      ...Object.values(NoticeErrorCode),
      ...Object.values(SubscriptionErrorCode),
    ];
    expect([...ALL_ERROR_CODES].sort()).toEqual([...codes].sort());
    for (const code of codes) {
      expect(ERROR_MESSAGES[code]).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('keeps codes unique across areas', () => {
    expect(new Set(ALL_ERROR_CODES).size).toBe(ALL_ERROR_CODES.length);
  });

  it('recognises its own codes only', () => {
    expect(isErrorCode(AuthErrorCode.WechatCodeInvalid)).toBe(true);
    expect(isErrorCode('toString')).toBe(false);
    expect(isErrorCode(42)).toBe(false);
  });
});
