export { fetchSubscriptionTemplates } from './fetch-subscription-templates';
export { askForSubscriptions } from './request-subscriptions';
export { useSubscriptionTemplates } from './use-subscription-templates';
