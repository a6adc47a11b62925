import type { Page } from '@ankang/shared';
import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import { useCallback, useEffect, useRef, useState } from 'react';
import { errorMessage } from '../api';
import { useShownAgain } from './use-shown-again';

export type PagedListState = 'loading' | 'ready' | 'failed';

export interface PagedList<T> {
  items: T[];
  /** The first page's state: loading, ready (possibly empty) or failed (with `message`). */
  state: PagedListState;
  message: string;
  hasMore: boolean;
  loadingMore: boolean;
  /** A failed "load more" (the items already shown stay). */
  moreFailed: string | null;
  loadMore: () => Promise<void>;
  reload: () => Promise<void>;
  /** Changes the items shown (an approved request leaves the list) without asking the server. */
  update: (change: (items: T[]) => T[]) => void;
}

/**
 * A cursor-paginated list (`{items, nextCursor}`): the first page when `key` changes (a new filter
 * or node), the next on `loadMore` (reaching the bottom, or 加载更多). Answers that arrive after
 * the key changed are dropped, so a slow old page never lands in a new list.
 */
export function usePagedList<T>(
  key: string | null,
  fetchPage: (cursor: string | undefined) => Promise<Page<T>>,
): PagedList<T> {
  const [items, setItems] = useState<T[]>([]);
  const [state, setState] = useState<PagedListState>('loading');
  const [message, setMessage] = useState('');
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const [moreFailed, setMoreFailed] = useState<string | null>(null);
  const generation = useRef(0);
  const fetchRef = useRef(fetchPage);
  fetchRef.current = fetchPage;
  const moreInFlight = useRef(false);

  const reload = useCallback(async () => {
    generation.current += 1;
    const mine = generation.current;
    moreInFlight.current = false;
    setState('loading');
    setItems([]);
    setNextCursor(null);
    setMoreFailed(null);
    setLoadingMore(false);
    try {
      const page = await fetchRef.current(undefined);
      if (mine !== generation.current) {
        return;
      }
      setItems(page.items);
      setNextCursor(page.nextCursor);
      setState('ready');
    } catch (error) {
      if (mine !== generation.current) {
        return;
      }
      setMessage(errorMessage(error));
      setState('failed');
    }
  }, []);

  const loadMore = useCallback(async () => {
    if (state !== 'ready' || !nextCursor || moreInFlight.current) {
      return;
    }
    const mine = generation.current;
    moreInFlight.current = true;
    setLoadingMore(true);
    setMoreFailed(null);
    try {
      const page = await fetchRef.current(nextCursor);
      if (mine !== generation.current) {
        return;
      }
      setItems((current) => [...current, ...page.items]);
      setNextCursor(page.nextCursor);
    } catch (error) {
      if (mine === generation.current) {
        setMoreFailed(errorMessage(error));
      }
    } finally {
      if (mine === generation.current) {
        moreInFlight.current = false;
        setLoadingMore(false);
      }
    }
  }, [state, nextCursor]);

  useEffect(() => {
    if (key === null) {
      generation.current += 1;
      setItems([]);
      setNextCursor(null);
      setState('ready');
      return;
    }
    void reload();
  }, [key, reload]);

  const update = useCallback((change: (current: T[]) => T[]) => setItems(change), []);

  return {
    items,
    state,
    message,
    hasMore: state === 'ready' && nextCursor !== null,
    loadingMore,
    moreFailed,
    loadMore,
    reload,
    update,
  };
}

interface PagedListPageOptions {
  /**
   * Load the list afresh each time the page shows again (back from a page it opened, where an item
   * may have changed); false while there is no list to load yet (not signed in).
   */
  reloadWhenShownAgain?: boolean;
}

/**
 * A page whose content is one paged list: pulling down (where the page enables it) loads it
 * afresh, reaching the bottom loads the next page.
 */
export function usePagedListPage(
  list: Pick<PagedList<unknown>, 'reload' | 'loadMore'>,
  { reloadWhenShownAgain = false }: PagedListPageOptions = {},
): void {
  useShownAgain(() => {
    if (reloadWhenShownAgain) {
      void list.reload();
    }
  });
  usePullDownRefresh(() => {
    void list.reload().finally(() => Taro.stopPullDownRefresh());
  });
  useReachBottom(() => {
    void list.loadMore();
  });
}
