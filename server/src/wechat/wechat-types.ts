/** What `jscode2session` tells about the user. The session key stays on the server and is never logged. */
export interface WechatSession {
  openId: string;
  sessionKey: string;
  /** Only when the mini program is bound to an Open Platform account. */
  unionId?: string;
}

export interface WechatPhoneNumber {
  /** With the country code for numbers outside China. */
  phoneNumber: string;
  purePhoneNumber: string;
  countryCode: string;
}

/** msg_sec_check scenes. */
export const TextCheckScene = {
  Profile: 1,
  Comment: 2,
  Forum: 3,
  SocialLog: 4,
} as const;
export type TextCheckScene = (typeof TextCheckScene)[keyof typeof TextCheckScene];

export type TextCheckSuggestion = 'pass' | 'review' | 'risky';

export interface TextCheckResult {
  suggest: TextCheckSuggestion;
  /** WeChat's label: 100 normal, 10001 advertising, 20001 politics, 20002 porn, 20003 abuse, 20006 crime, 20008 fraud, 20012 vulgar, 20013 copyright, 21000 other. */
  label: number;
  /** Null when nothing was sent (blank text). */
  traceId: string | null;
}

export type MiniProgramState = 'developer' | 'trial' | 'formal';

export interface SubscribeMessage {
  toOpenId: string;
  templateId: string;
  /** Page to open, with an optional query, e.g. `pages/notice/detail?id=9`. */
  page?: string;
  /** Template keys to values, e.g. `{thing1: '高温作业通知'}`; values over WeChat's limits are cut to fit. */
  data: Record<string, string>;
  miniProgramState?: MiniProgramState;
  lang?: 'zh_CN' | 'en_US' | 'zh_HK' | 'zh_TW';
}

export interface UnlimitedQrCodeRequest {
  /** At most 32 characters of `0-9A-Za-z!#$&'()*+,/:;=?@-._~`. */
  scene: string;
  /** No leading `/`, no query; WeChat's default is the home page. */
  page?: string;
  checkPath?: boolean;
  envVersion?: 'release' | 'trial' | 'develop';
  /** 280–1280 px; WeChat's default is 430. */
  width?: number;
}

export interface WechatImage {
  contentType: string;
  data: Buffer;
}

/** Raw answers, as WeChat spells them. */
export interface CodeToSessionResponse {
  openid?: unknown;
  session_key?: unknown;
  unionid?: unknown;
}

export interface StableTokenResponse {
  access_token?: unknown;
  expires_in?: unknown;
}

export interface PhoneNumberResponse {
  phone_info?: {
    phoneNumber?: unknown;
    purePhoneNumber?: unknown;
    countryCode?: unknown;
  };
}

export interface TextCheckResponse {
  trace_id?: unknown;
  result?: { suggest?: unknown; label?: unknown };
}
