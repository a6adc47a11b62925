import { WechatConfigurationError } from './wechat-errors';

export interface WechatOptions {
  /** Null (with appSecret) when WeChat is not configured, e.g. in a local demo: calls then fail fast. */
  appId: string | null;
  appSecret: string | null;
  /** `https://api.weixin.qq.com`, or the fake's URL in development and tests. */
  apiBaseUrl: string;
  /** Per attempt, including reading the answer. */
  timeoutMs: number;
  /** Extra attempts after a transient failure (busy, timeout, connection error). */
  maxRetries: number;
  /** First pause between attempts; doubles each time. */
  retryDelayMs: number;
  /** Refresh the access token this long before it expires (at most half its lifetime). */
  tokenRefreshMarginSeconds: number;
}

/** Injection token of the `WechatOptions`. */
export const WECHAT_OPTIONS = Symbol('WECHAT_OPTIONS');

export const WECHAT_API_BASE_URL = 'https://api.weixin.qq.com';

export function isWechatConfigured(options: WechatOptions): boolean {
  return options.appId !== null && options.appSecret !== null;
}

/** Rejects options that would make every call fail in a confusing way later. */
export function validateWechatOptions(options: WechatOptions): WechatOptions {
  const problems: string[] = [];
  if ((options.appId === null) !== (options.appSecret === null)) {
    problems.push('appId and appSecret must be both set or both null');
  }
  if (options.appId === '' || options.appSecret === '') {
    problems.push('appId and appSecret must not be empty strings (use null)');
  }
  if (!URL.canParse(options.apiBaseUrl) || !/^https?:$/.test(new URL(options.apiBaseUrl).protocol)) {
    problems.push(`apiBaseUrl must be an http(s) URL, got "${options.apiBaseUrl}"`);
  }
  const integers: Array<[keyof WechatOptions, number]> = [
    ['timeoutMs', 1],
    ['maxRetries', 0],
    ['retryDelayMs', 0],
    ['tokenRefreshMarginSeconds', 0],
  ];
  for (const [name, minimum] of integers) {
    const value = options[name];
    if (typeof value !== 'number' || !Number.isInteger(value) || value < minimum) {
      problems.push(`${name} must be an integer of at least ${minimum}`);
    }
  }
  if (problems.length > 0) {
    throw new WechatConfigurationError('options', `Invalid WeChat options: ${problems.join('; ')}`);
  }
  return options;
}
