import {
  isAccessTokenRejection,
  WechatApiError,
  WechatConfigurationError,
  WechatErrcode,
  WechatError,
  WechatUnavailableError,
} from '../wechat/wechat-errors';

/** The WeChat client's name of the send call (`WechatError.api`): an error from any other call means nothing was sent. */
const SEND_API = 'subscribeMessage.send';

/** Quota and rate limits: WeChat did not take the message, and will later. */
const RETRY_ERRCODES: ReadonlySet<number> = new Set([WechatErrcode.DailyQuotaReached, WechatErrcode.RateLimited]);

/**
 * What a failed send means for the delivery:
 * - `refused`: 43101, the person refused or has no grant left — skipped, never retried, grant count zeroed;
 * - `retry`: WeChat certainly did not act on it (busy -1, 45009 quota, 45011 rate limit, unreachable, our token
 *   still refused after the client's one refresh, our configuration) — try again later with backoff;
 * - `rejected`: WeChat answered an error about the message (40003 bad openid, bad template, page, data) — failed,
 *   never retried, the grant unused;
 * - `unknown`: the call may have reached WeChat (timeout, dropped connection, odd answer) — failed, since
 *   a repeat could deliver it twice.
 */
export type SendFailure =
  | { kind: 'refused'; error: string }
  | { kind: 'retry'; error: string }
  | { kind: 'rejected'; error: string }
  | { kind: 'unknown'; error: string };

export function classifySendFailure(error: unknown): SendFailure {
  const message = error instanceof Error ? error.message : String(error);
  if (!(error instanceof WechatError)) return { kind: 'unknown', error: message };
  if (error.api !== SEND_API) return { kind: 'retry', error: message };
  if (error instanceof WechatApiError) {
    if (error.errcode === WechatErrcode.SubscriptionRefused) return { kind: 'refused', error: message };
    // WeChat refused these before acting on the message: a later attempt may well go through.
    if (RETRY_ERRCODES.has(error.errcode) || isAccessTokenRejection(error)) return { kind: 'retry', error: message };
    return { kind: 'rejected', error: message };
  }
  if (error instanceof WechatConfigurationError) return { kind: 'retry', error: message };
  if (error instanceof WechatUnavailableError && (error.reason === 'busy' || error.reason === 'unreachable')) {
    return { kind: 'retry', error: message };
  }
  return { kind: 'unknown', error: message };
}
