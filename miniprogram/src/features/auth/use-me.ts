import type { MeResponse } from '@ankang/shared';
import { useCallback, useEffect, useState } from 'react';
import { errorMessage, useRequireSession } from '../../api';
import { fetchMe } from './fetch-me';

export type MeLoad = { state: 'loading' } | { state: 'ready'; me: MeResponse } | { state: 'failed'; message: string };

/**
 * The signed-in person for a page that needs one: sends the visitor to login when there is no
 * session, loads `/me` once signed in, and offers `reload` for pull-down refresh and 重新加载, and
 * `replace` for the answer of a request that changed the person (PATCH /me, POST /me/phone).
 */
export function useMe(): {
  signedIn: boolean;
  load: MeLoad;
  reload: () => Promise<void>;
  replace: (me: MeResponse) => void;
} {
  const signedIn = useRequireSession();
  const [load, setLoad] = useState<MeLoad>({ state: 'loading' });

  const reload = useCallback(async () => {
    try {
      setLoad({ state: 'ready', me: await fetchMe() });
    } catch (error) {
      setLoad({ state: 'failed', message: errorMessage(error) });
    }
  }, []);

  const replace = useCallback((me: MeResponse) => setLoad({ state: 'ready', me }), []);

  useEffect(() => {
    if (signedIn) {
      void reload();
    }
  }, [signedIn, reload]);

  return { signedIn, load, reload, replace };
}
