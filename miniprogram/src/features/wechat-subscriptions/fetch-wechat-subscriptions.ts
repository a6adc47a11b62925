import { WechatSubscribePurpose, type WechatSubscriptions, type WechatSubscriptionTemplate } from '@ankang/shared';
import { apiRequest } from '../../api';

/**
 * Safety notices first: WeChat asks about at most three templates at once, and a notice reaches
 * every worker of a region, while hazard news concerns few.
 */
const PURPOSE_ORDER: readonly WechatSubscribePurpose[] = [WechatSubscribePurpose.Notice];

function rank(template: WechatSubscriptionTemplate): number {
  const index = PURPOSE_ORDER.indexOf(template.purpose);
  return index === -1 ? PURPOSE_ORDER.length : index;
}

/**
 * The subscribe-message templates the server sends with (`GET /me/wechat-subscriptions`), one per
 * configured purpose, with how many one-time grants the person holds for each; notices first.
 */
export async function fetchWechatSubscriptions(): Promise<WechatSubscriptionTemplate[]> {
  const answer = await apiRequest<WechatSubscriptions>({ path: '/me/wechat-subscriptions' });
  const templates = (answer?.templates ?? []).filter((template) => Boolean(template?.templateId));
  // Array.prototype.sort is stable: the server's order stays among equals.
  return [...templates].sort((first, second) => rank(first) - rank(second));
}
