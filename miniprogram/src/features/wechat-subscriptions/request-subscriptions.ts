import {
  type RecordWechatSubscriptionsRequest,
  WECHAT_SUBSCRIBE_ANSWERS,
  WECHAT_SUBSCRIBE_TEMPLATES_PER_REQUEST,
  type WechatSubscribeAnswer,
} from '@ankang/shared';
import Taro from '@tarojs/taro';
import { apiRequest, isWeapp } from '../../api';

/**
 * Asks the person (WeChat only) to allow the given subscribe messages and tells the server what
 * they chose, so each `accept` becomes one message the server may send. Call it directly inside a
 * tap handler, before anything is awaited: WeChat refuses the dialog outside a tap. Never throws.
 */
export function askForSubscriptions(templateIds: readonly string[]): Promise<void> {
  const tmplIds = templateIds.slice(0, WECHAT_SUBSCRIBE_TEMPLATES_PER_REQUEST);
  if (!isWeapp() || tmplIds.length === 0) {
    return Promise.resolve();
  }
  let asked: Promise<Record<string, unknown>>;
  try {
    asked = Taro.requestSubscribeMessage({ tmplIds } as Taro.requestSubscribeMessage.Option) as unknown as Promise<
      Record<string, unknown>
    >;
  } catch {
    return Promise.resolve();
  }
  return asked
    .then(async (answer) => {
      const results: Record<string, WechatSubscribeAnswer> = {};
      for (const id of tmplIds) {
        const result = answer?.[id];
        if (WECHAT_SUBSCRIBE_ANSWERS.includes(result as WechatSubscribeAnswer)) {
          results[id] = result as WechatSubscribeAnswer;
        }
      }
      if (Object.keys(results).length > 0) {
        const body: RecordWechatSubscriptionsRequest = { results };
        await apiRequest<unknown>({ method: 'POST', path: '/me/wechat-subscriptions', body });
      }
    })
    .catch(() => undefined);
}
