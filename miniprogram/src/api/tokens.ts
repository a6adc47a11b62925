import type { TokenPairResponse } from '@ankang/shared';
import Taro from '@tarojs/taro';

/** Storage key of the session; one entry so access and refresh token never get out of step. */
export const TOKEN_STORAGE_KEY = 'ankang.session';

export interface StoredTokens {
  accessToken: string;
  refreshToken: string;
  /** Epoch milliseconds, computed from `accessTokenExpiresIn` when stored. */
  accessTokenExpiresAt: number;
  refreshTokenExpiresAt: number;
}

function isStoredTokens(value: unknown): value is StoredTokens {
  if (!value || typeof value !== 'object') {
    return false;
  }
  const record = value as Record<string, unknown>;
  return typeof record.accessToken === 'string' && typeof record.refreshToken === 'string';
}

export function readTokens(): StoredTokens | null {
  try {
    const value: unknown = Taro.getStorageSync(TOKEN_STORAGE_KEY);
    return isStoredTokens(value) ? value : null;
  } catch {
    return null;
  }
}

export function saveTokenPair(pair: TokenPairResponse, now = Date.now()): StoredTokens {
  const tokens: StoredTokens = {
    accessToken: pair.accessToken,
    refreshToken: pair.refreshToken,
    accessTokenExpiresAt: now + pair.accessTokenExpiresIn * 1000,
    refreshTokenExpiresAt: now + pair.refreshTokenExpiresIn * 1000,
  };
  Taro.setStorageSync(TOKEN_STORAGE_KEY, tokens);
  return tokens;
}

export function clearTokens(): void {
  try {
    Taro.removeStorageSync(TOKEN_STORAGE_KEY);
  } catch {
    // Storage unavailable: nothing to clear.
  }
}

/** True while a refresh token is held (the access token may have expired; the client refreshes it). */
export function hasSession(): boolean {
  return readTokens() !== null;
}
