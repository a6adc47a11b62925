import type { WechatSubscriptions } from '@ankang/shared';
import { apiRequest } from '../../api';

/**
 * The subscribe-message templates the server sends with (`GET /me/wechat-subscriptions`), one per
 * configured purpose, to ask for in a tap. Empty when the server has none configured.
 */
export async function fetchSubscriptionTemplates(): Promise<string[]> {
  const answer = await apiRequest<WechatSubscriptions>({ path: '/me/wechat-subscriptions' });
  const ids = (answer?.templates ?? []).map((template) => template.templateId).filter(Boolean);
  return [...new Set(ids)];
}
