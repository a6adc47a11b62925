import { HazardErrorCode } from '@ankang/shared';
import { AppException } from '../common/app-exception';
import type { TextCheckResult, WechatClient } from '../wechat';
import { WechatUnavailableError } from '../wechat';
import { HazardContentCheck } from './hazard-content-check';

function checkWith(answer: () => Promise<TextCheckResult>, configured = true): HazardContentCheck {
  const wechat = { isConfigured: () => configured, checkText: jest.fn(answer) };
  return new HazardContentCheck(wechat as unknown as WechatClient);
}

describe('HazardContentCheck', () => {
  it('passes and flags for review, refusing only risky text', async () => {
    const pass = checkWith(async () => ({ suggest: 'pass', label: 100, traceId: 't1' }));
    expect(await pass.check('护栏松动', 'openid')).toEqual({ result: 'pass', traceId: 't1' });
    const review = checkWith(async () => ({ suggest: 'review', label: 21000, traceId: 't2' }));
    expect(await review.check('护栏松动', 'openid')).toEqual({ result: 'review', traceId: 't2' });
    const risky = checkWith(async () => ({ suggest: 'risky', label: 20006, traceId: 't3' }));
    await expect(risky.check('违禁词', 'openid')).rejects.toEqual(new AppException(HazardErrorCode.ContentRisky));
  });

  it('skips what cannot be checked', async () => {
    const never = () => Promise.reject(new Error('must not be called'));
    expect(await checkWith(never, false).check('护栏松动', 'openid')).toEqual({
      result: 'skipped',
      reason: 'wechat-not-configured',
    });
    expect(await checkWith(never).check('护栏松动', null)).toEqual({ result: 'skipped', reason: 'no-openid' });
  });

  it('lets the report through when WeChat fails', async () => {
    const failing = checkWith(() => Promise.reject(new WechatUnavailableError('msg_sec_check', 'busy', 3)));
    expect(await failing.check('护栏松动', 'openid')).toEqual({
      result: 'unavailable',
      reason: 'WechatUnavailableError',
    });
  });

  it('lets the report through when WeChat is too slow', async () => {
    jest.useFakeTimers();
    try {
      const hanging = checkWith(() => new Promise<TextCheckResult>(() => undefined));
      const outcome = hanging.check('护栏松动', 'openid');
      await jest.advanceTimersByTimeAsync(3000);
      expect(await outcome).toEqual({ result: 'unavailable', reason: 'timeout' });
    } finally {
      jest.useRealTimers();
    }
  });

  it('does not swallow errors of its own', async () => {
    const broken = checkWith(() => Promise.reject(new TypeError('bug')));
    await expect(broken.check('护栏松动', 'openid')).rejects.toThrow(TypeError);
  });
});
