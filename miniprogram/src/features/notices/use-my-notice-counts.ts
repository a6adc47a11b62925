import type { MyNoticeCounts } from '@ankang/shared';
import { useDidShow } from '@tarojs/taro';
import { useCallback, useState } from 'react';
import { fetchMyNoticeCounts } from './fetch-my-notice-counts';

const NONE: MyNoticeCounts = { unread: 0, unacknowledged: 0 };

/**
 * The person's notice counts, fetched each time the page shows: notices arrive while the person is
 * elsewhere, and reading one lowers the count before they come back.
 */
export function useMyNoticeCounts(enabled: boolean): MyNoticeCounts {
  const [counts, setCounts] = useState<MyNoticeCounts>(NONE);

  const refresh = useCallback(async () => {
    try {
      setCounts(await fetchMyNoticeCounts());
    } catch {
      // A badge is a hint: offline or a failed call leaves it as it was.
    }
  }, []);

  useDidShow(() => {
    if (enabled) {
      void refresh();
    }
  });

  return counts;
}
