/** WeChat errcodes the server handles by name. */
export const WechatErrcode = {
  SystemBusy: -1,
  Ok: 0,
  /** The access token is invalid or was superseded by a newer one. */
  InvalidCredential: 40001,
  InvalidGrantType: 40002,
  InvalidOpenId: 40003,
  InvalidAppId: 40013,
  InvalidCode: 40029,
  InvalidTemplateId: 40037,
  InvalidArguments: 40097,
  InvalidAppSecret: 40125,
  InvalidScene: 40129,
  CodeAlreadyUsed: 40163,
  IpNotWhitelisted: 40164,
  SceneTooLong: 40169,
  HighRiskUser: 40226,
  AccessTokenMissing: 41001,
  InvalidPage: 41030,
  AccessTokenExpired: 42001,
  /** The user refused the subscribe message or has no one-time grant left: do not retry. */
  SubscriptionRefused: 43101,
  DailyQuotaReached: 45009,
  RateLimited: 45011,
  InvalidSubscribeData: 47003,
  UserNotRecentlyActive: 61010,
} as const;
export type WechatErrcode = (typeof WechatErrcode)[keyof typeof WechatErrcode];

/** Errcodes that mean our own appid, secret or server setup is wrong, not the request. */
const CONFIGURATION_ERRCODES: ReadonlySet<number> = new Set([
  WechatErrcode.InvalidGrantType,
  WechatErrcode.InvalidAppId,
  WechatErrcode.InvalidAppSecret,
  WechatErrcode.IpNotWhitelisted,
]);

/** Base of every error the WeChat client raises; `api` names the WeChat API (e.g. `jscode2session`). */
export class WechatError extends Error {
  constructor(
    readonly api: string,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** WeChat answered a non-zero errcode that is about this request (bad code, quota, refused…). */
export class WechatApiError extends WechatError {
  constructor(
    api: string,
    readonly errcode: number,
    readonly errmsg: string,
  ) {
    super(api, `WeChat ${api} answered errcode ${errcode}: ${errmsg}`);
  }
}

/** WeChat is busy, too slow or out of reach, still after the retries. */
export class WechatUnavailableError extends WechatError {
  constructor(
    api: string,
    readonly reason: WechatUnavailableReason,
    readonly attempts: number,
    options?: ErrorOptions,
  ) {
    super(api, `WeChat ${api} unavailable (${reason}) after ${attempts} attempt${attempts === 1 ? '' : 's'}`, options);
  }
}

export type WechatUnavailableReason = 'busy' | 'timeout' | 'unreachable' | 'network' | 'server-error';

/** Our side is set up wrong: bad appid/secret, IP not whitelisted, or WeChat not configured at all. */
export class WechatConfigurationError extends WechatError {
  constructor(
    api: string,
    message: string,
    readonly errcode: number | null = null,
    readonly errmsg: string | null = null,
  ) {
    super(api, message);
  }
}

/** WECHAT_APPID / WECHAT_SECRET are not set, so nothing can be asked of WeChat. */
export class WechatNotConfiguredError extends WechatConfigurationError {
  constructor(api: string) {
    super(api, `WeChat is not configured (no appid and secret), so ${api} cannot be called`);
  }
}

/** WeChat answered something that is neither an error nor the documented success shape. */
export class WechatResponseError extends WechatError {}

export function isConfigurationErrcode(errcode: number): boolean {
  return CONFIGURATION_ERRCODES.has(errcode);
}

/** 40001 / 42001: the access token was refused, so a fresh one may succeed. */
export function isAccessTokenRejection(error: unknown): error is WechatApiError {
  return (
    error instanceof WechatApiError &&
    (error.errcode === WechatErrcode.InvalidCredential || error.errcode === WechatErrcode.AccessTokenExpired)
  );
}
