import { fetchWechatSubscriptions } from './fetch-wechat-subscriptions';

/**
 * The template ids to ask for in a tap, one per configured purpose, the notice template first.
 * Empty when the server has none configured.
 */
export async function fetchSubscriptionTemplates(): Promise<string[]> {
  const templates = await fetchWechatSubscriptions();
  return [...new Set(templates.map((template) => template.templateId))];
}
