/** The errcodes the fake answers with, named after what WeChat means by them. */
export const FakeErrcode = {
  SystemBusy: -1,
  Ok: 0,
  InvalidCredential: 40001,
  InvalidGrantType: 40002,
  InvalidOpenId: 40003,
  InvalidAppId: 40013,
  InvalidCode: 40029,
  InvalidTemplateId: 40037,
  InvalidUrl: 40066,
  InvalidArguments: 40097,
  InvalidAppSecret: 40125,
  InvalidScene: 40129,
  CodeUsed: 40163,
  SceneTooLong: 40169,
  HighRiskUser: 40226,
  AccessTokenMissing: 41001,
  CodeMissing: 41008,
  InvalidPage: 41030,
  AccessTokenExpired: 42001,
  RequireGetMethod: 43001,
  RequirePostMethod: 43002,
  SubscriptionRefused: 43101,
  DailyQuotaReached: 45009,
  MinuteQuotaReached: 45011,
  DataFormatError: 47001,
  InvalidSubscribeData: 47003,
  UserNotRecentlyActive: 61010,
} as const;

const messages: Record<number, string> = {
  [FakeErrcode.SystemBusy]: 'system error',
  [FakeErrcode.Ok]: 'ok',
  [FakeErrcode.InvalidCredential]: 'invalid credential, access_token is invalid or not latest',
  [FakeErrcode.InvalidGrantType]: 'invalid grant_type',
  [FakeErrcode.InvalidOpenId]: 'invalid openid',
  [FakeErrcode.InvalidAppId]: 'invalid appid',
  [FakeErrcode.InvalidCode]: 'invalid code',
  [FakeErrcode.InvalidTemplateId]: 'invalid template_id',
  [FakeErrcode.InvalidUrl]: 'invalid url',
  [FakeErrcode.InvalidArguments]: 'invalid args',
  [FakeErrcode.InvalidAppSecret]: 'invalid appsecret',
  [FakeErrcode.InvalidScene]: 'invalid scene',
  [FakeErrcode.CodeUsed]: 'code been used',
  [FakeErrcode.SceneTooLong]: 'invalid length for scene',
  [FakeErrcode.HighRiskUser]: 'high risk user',
  [FakeErrcode.AccessTokenMissing]: 'access_token missing',
  [FakeErrcode.CodeMissing]: 'missing code',
  [FakeErrcode.InvalidPage]: 'invalid page',
  [FakeErrcode.AccessTokenExpired]: 'access_token expired',
  [FakeErrcode.RequireGetMethod]: 'require GET method',
  [FakeErrcode.RequirePostMethod]: 'require POST method',
  [FakeErrcode.SubscriptionRefused]: 'user refuse to accept the msg',
  [FakeErrcode.DailyQuotaReached]: 'reach max api daily quota limit',
  [FakeErrcode.MinuteQuotaReached]: 'api minute-quota reach limit  mustslower  retry next minute',
  [FakeErrcode.DataFormatError]: 'data format error',
  [FakeErrcode.InvalidSubscribeData]: 'argument invalid!',
  [FakeErrcode.UserNotRecentlyActive]: 'user not visited the mini program in the last 2 hours',
};

export interface WechatErrorBody {
  errcode: number;
  errmsg: string;
}

let requestSerial = 0;

/**
 * Builds an error body. Real errmsgs end with a request id (`rid`), so clients learn not to match
 * on the exact text; the fake does the same.
 */
export function errorBody(errcode: number, errmsg?: string): WechatErrorBody {
  requestSerial += 1;
  const requestId = `${Date.now().toString(16)}-${requestSerial.toString(16).padStart(6, '0')}`;
  return { errcode, errmsg: `${errmsg ?? messages[errcode] ?? 'error'} rid: ${requestId}` };
}
