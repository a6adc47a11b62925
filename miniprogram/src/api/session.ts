import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { LOGIN_PAGE_URL } from './login-return';
import { hasSession } from './tokens';

/**
 * For pages that need a signed-in person: true when a session is held, otherwise false and the
 * person is sent to the login page (which asks for privacy consent first).
 */
export function useRequireSession(): boolean {
  const [signedIn] = useState(hasSession);
  useEffect(() => {
    if (!signedIn) {
      Taro.reLaunch({ url: LOGIN_PAGE_URL }).catch(() => undefined);
    }
  }, [signedIn]);
  return signedIn;
}
