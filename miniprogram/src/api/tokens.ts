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

const BASE64_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** base64url to a (Latin-1) string without atob, which the WeChat JS engine lacks. */
function decodeBase64Url(input: string): string | null {
  const text = input.replace(/-/g, '+').replace(/_/g, '/');
  let bits = 0;
  let buffer = 0;
  let output = '';
  for (const character of text) {
    if (character === '=') {
      break;
    }
    const value = BASE64_ALPHABET.indexOf(character);
    if (value < 0) {
      return null;
    }
    buffer = (buffer << 6) | value;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      output += String.fromCharCode((buffer >> bits) & 0xff);
    }
  }
  return output;
}

/**
 * The id of the person the session belongs to, read from the refresh token's `sub` claim on the
 * phone (no request: it works offline). Used to keep one person's queued reports and follow-up
 * tokens away from another who signs in on the same phone. Null without a session.
 */
export function sessionUserId(): string | null {
  const tokens = readTokens();
  const payload = tokens?.refreshToken.split('.')[1];
  if (!payload) {
    return null;
  }
  try {
    const claims: unknown = JSON.parse(decodeBase64Url(payload) ?? '');
    const subject = claims && typeof claims === 'object' ? (claims as { sub?: unknown }).sub : undefined;
    return typeof subject === 'string' || typeof subject === 'number' ? String(subject) : null;
  } catch {
    return null;
  }
}
