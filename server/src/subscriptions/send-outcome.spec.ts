import {
  WechatApiError,
  WechatConfigurationError,
  WechatNotConfiguredError,
  WechatResponseError,
  WechatUnavailableError,
} from '../wechat/wechat-errors';
import { classifySendFailure } from './send-outcome';

const SEND = 'subscribeMessage.send';

describe('classifySendFailure', () => {
  it('skips for good on 43101: the person refused or has no grant left', () => {
    expect(classifySendFailure(new WechatApiError(SEND, 43101, 'user refuse to accept the msg')).kind).toBe('refused');
  });

  it.each([40003, 40037, 41030, 47003])('fails, never retries, on errcode %i about the message itself', (errcode) => {
    expect(classifySendFailure(new WechatApiError(SEND, errcode, 'bad')).kind).toBe('rejected');
  });

  it.each(['busy', 'unreachable'] as const)('retries when WeChat certainly did not act on it (%s)', (reason) => {
    expect(classifySendFailure(new WechatUnavailableError(SEND, reason, 3)).kind).toBe('retry');
  });

  it.each([
    [45009, 'quota reached'],
    [45011, 'rate limited'],
    [40001, 'our token, still refused after the client replaced it'],
    [42001, 'our token expired'],
  ])('retries on errcode %i (%s): WeChat did not take the message', (errcode) => {
    expect(classifySendFailure(new WechatApiError(SEND, errcode, 'later')).kind).toBe('retry');
  });

  it.each(['timeout', 'network', 'server-error'] as const)(
    'never repeats a send that may have arrived (%s)',
    (reason) => {
      expect(classifySendFailure(new WechatUnavailableError(SEND, reason, 1)).kind).toBe('unknown');
    },
  );

  it('retries when the access token could not be had: nothing was sent', () => {
    expect(classifySendFailure(new WechatUnavailableError('stable_token', 'timeout', 3)).kind).toBe('retry');
    expect(classifySendFailure(new WechatApiError('stable_token', 45009, 'quota')).kind).toBe('retry');
  });

  it('retries on our own configuration errors, which an operator can fix', () => {
    expect(classifySendFailure(new WechatConfigurationError(SEND, 'ip not whitelisted', 40164)).kind).toBe('retry');
    expect(classifySendFailure(new WechatNotConfiguredError(SEND)).kind).toBe('retry');
  });

  it('treats an odd answer or an unexpected error as an unknown outcome', () => {
    expect(classifySendFailure(new WechatResponseError(SEND, 'not JSON')).kind).toBe('unknown');
    expect(classifySendFailure(new Error('boom'))).toEqual({ kind: 'unknown', error: 'boom' });
  });
});
