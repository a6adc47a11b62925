import type { LogoutRequest } from '@ankang/shared';
import { apiRequest, clearTokens, readTokens } from '../../api';

/**
 * Ends the session on the server (revoking the refresh token) and forgets it on the phone. The
 * local session is cleared even when the server cannot be reached: the person asked to leave.
 */
export async function logout(): Promise<void> {
  const tokens = readTokens();
  try {
    if (tokens) {
      const body: LogoutRequest = { refreshToken: tokens.refreshToken };
      await apiRequest<unknown>({ method: 'POST', path: '/auth/logout', body, auth: 'optional' });
    }
  } catch {
    // Already expired or offline: the refresh token dies with its expiry.
  } finally {
    clearTokens();
  }
}
