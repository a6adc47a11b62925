export { fetchSubscriptionTemplates } from './fetch-subscription-templates';
export { fetchWechatSubscriptions } from './fetch-wechat-subscriptions';
export { askForSubscriptions } from './request-subscriptions';
export { useSubscriptionTemplates } from './use-subscription-templates';
export { useWechatSubscriptions, type WechatSubscriptionsState } from './use-wechat-subscriptions';
