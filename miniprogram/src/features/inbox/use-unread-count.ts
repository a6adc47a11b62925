import Taro, { useDidShow } from '@tarojs/taro';
import { useCallback, useState } from 'react';
import { fetchUnreadCount } from './fetch-unread-count';

/** The 我的 tab (index in app.config's tabBar list) carries the unread badge. */
const MINE_TAB_INDEX = 3;

/**
 * The unread count for a tab page, fetched each time the page shows (messages arrive while the
 * person is elsewhere), and mirrored as the badge on the 我的 tab.
 */
export function useUnreadCount(enabled: boolean): number {
  const [count, setCount] = useState(0);

  const refresh = useCallback(async () => {
    try {
      const unread = await fetchUnreadCount();
      setCount(unread);
      if (unread > 0) {
        await Taro.setTabBarBadge({ index: MINE_TAB_INDEX, text: unread > 99 ? '99+' : String(unread) });
      } else {
        await Taro.removeTabBarBadge({ index: MINE_TAB_INDEX });
      }
    } catch {
      // A badge is a hint: offline or a failed call leaves it as it was.
    }
  }, []);

  useDidShow(() => {
    if (enabled) {
      void refresh();
    }
  });

  return count;
}
