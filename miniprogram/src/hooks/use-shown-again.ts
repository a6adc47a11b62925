import { useDidShow } from '@tarojs/taro';
import { useRef } from 'react';

/**
 * Runs `refresh` each time the page shows again (back from a page it opened), not on its first
 * show: the first load is the page's own.
 */
export function useShownAgain(refresh: () => void): void {
  const firstShow = useRef(true);
  useDidShow(() => {
    if (firstShow.current) {
      firstShow.current = false;
      return;
    }
    refresh();
  });
}
