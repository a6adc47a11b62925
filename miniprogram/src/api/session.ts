import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { loginUrlReturningTo } from './login-return';
import { hasSession } from './tokens';

/**
 * For pages that need a signed-in person: true when a session is held, otherwise false and the
 * person is sent to the login page (which asks for privacy consent first), which comes back to
 * `returnUrl` when given (a ticket opened from a message, 随手拍 at a scanned workplace).
 */
export function useRequireSession(returnUrl?: string): boolean {
  const [signedIn] = useState(hasSession);
  const [loginUrl] = useState(() => loginUrlReturningTo(returnUrl));
  useEffect(() => {
    if (!signedIn) {
      Taro.reLaunch({ url: loginUrl }).catch(() => undefined);
    }
  }, [signedIn, loginUrl]);
  return signedIn;
}
