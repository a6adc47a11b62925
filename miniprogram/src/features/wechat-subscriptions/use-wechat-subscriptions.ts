import type { WechatSubscriptionTemplate } from '@ankang/shared';
import { useCallback, useEffect, useState } from 'react';
import { isWeapp } from '../../api';
import { fetchWechatSubscriptions } from './fetch-wechat-subscriptions';

export interface WechatSubscriptionsState {
  /** The templates with the grants left for each; empty on H5 and before the answer. */
  templates: WechatSubscriptionTemplate[];
  /** Asks the server again (after the person answered the dialog). */
  refresh: () => Promise<void>;
}

/**
 * The person's subscribe-message grants (WeChat only: H5 has no subscribe messages), loaded ahead
 * so a tap can ask for the templates at once.
 */
export function useWechatSubscriptions(enabled = true): WechatSubscriptionsState {
  const [templates, setTemplates] = useState<WechatSubscriptionTemplate[]>([]);
  const active = enabled && isWeapp();

  const refresh = useCallback(async () => {
    if (!active) {
      return;
    }
    try {
      setTemplates(await fetchWechatSubscriptions());
    } catch {
      // The counts are a hint; what was shown stays.
    }
  }, [active]);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  return { templates, refresh };
}
