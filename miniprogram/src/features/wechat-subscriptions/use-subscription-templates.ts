import { useEffect, useState } from 'react';
import { isWeapp } from '../../api';
import { fetchSubscriptionTemplates } from './fetch-subscription-templates';

/**
 * The template ids to ask for, loaded ahead (WeChat only) so a tap can ask at once: the dialog may
 * not wait for a request. Empty on H5, before the answer, and when the server has none configured.
 */
export function useSubscriptionTemplates(enabled = true): string[] {
  const [templateIds, setTemplateIds] = useState<string[]>([]);
  useEffect(() => {
    if (!enabled || !isWeapp()) {
      return;
    }
    let current = true;
    fetchSubscriptionTemplates().then(
      (ids) => {
        if (current) {
          setTemplateIds(ids);
        }
      },
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [enabled]);
  return templateIds;
}
