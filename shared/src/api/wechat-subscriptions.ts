import type { WechatSubscribePurpose } from '../enums';

/** What `wx.requestSubscribeMessage` answers for one template id. */
export type WechatSubscribeAnswer = 'accept' | 'reject' | 'ban' | 'filter';

export const WECHAT_SUBSCRIBE_ANSWERS: readonly WechatSubscribeAnswer[] = ['accept', 'reject', 'ban', 'filter'];

/** WeChat asks about at most this many templates in one `wx.requestSubscribeMessage`. */
export const WECHAT_SUBSCRIBE_TEMPLATES_PER_REQUEST = 3;

/**
 * `POST /me/wechat-subscriptions`: the result of `wx.requestSubscribeMessage`, as it came (an
 * `errMsg` key is ignored). Each `accept` is one message the server may send with that template.
 */
export interface RecordWechatSubscriptionsRequest {
  results: Record<string, WechatSubscribeAnswer>;
}

/** One template the server sends with, and how many one-time grants the person holds for it. */
export interface WechatSubscriptionTemplate {
  purpose: WechatSubscribePurpose;
  templateId: string;
  /** Messages the server may still send with this template (each accepted request adds one). */
  remaining: number;
}

/**
 * `GET /me/wechat-subscriptions` (and the answer to the POST): the templates to pass to
 * `wx.requestSubscribeMessage`, one per configured purpose. Empty when the server sends none.
 */
export interface WechatSubscriptions {
  templates: WechatSubscriptionTemplate[];
}
