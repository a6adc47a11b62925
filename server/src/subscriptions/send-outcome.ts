import {
  WechatApiError,
  WechatConfigurationError,
  WechatErrcode,
  WechatError,
  WechatUnavailableError,
} from '../wechat/wechat-errors';

/** The WeChat client's name of the send call (`WechatError.api`): an error from any other call means nothing was sent. */
const SEND_API = 'subscribeMessage.send';

/**
 * What a failed send means for the delivery:
 * - `refused`: 43101, the person refused or has no grant left — skipped, never retried, grant count zeroed;
 * - `retry`: WeChat certainly did not act on it (busy, unreachable, our token or configuration) — try again later;
 * - `rejected`: WeChat answered an error about the message (bad template, page, data, quota) — failed, the grant unused;
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
    return error.errcode === WechatErrcode.SubscriptionRefused
      ? { kind: 'refused', error: message }
      : { kind: 'rejected', error: message };
  }
  if (error instanceof WechatConfigurationError) return { kind: 'retry', error: message };
  if (error instanceof WechatUnavailableError && (error.reason === 'busy' || error.reason === 'unreachable')) {
    return { kind: 'retry', error: message };
  }
  return { kind: 'unknown', error: message };
}
