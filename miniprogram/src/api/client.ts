/**
 * The one HTTP client of the mini program (WeChat and H5 alike, through `Taro.request`).
 *
 * - Base URL per target (src/api/config.ts), JSON both ways, `Authorization: Bearer <access token>`.
 * - A non-2xx answer becomes an `ApiError` carrying the server's code and Chinese message (falling
 *   back to the shared `ERROR_MESSAGES`, then to a generic network sentence).
 * - 401 `AUTH_ACCESS_TOKEN_EXPIRED` (or `AUTH_UNAUTHENTICATED` while a refresh token is held): the
 *   session is refreshed once through `POST /auth/refresh` — concurrent 401s share that one refresh —
 *   and the original request is sent again once. When the server refuses the refresh, the tokens
 *   are cleared and the person is sent to the login page.
 * - Requests that are safe to repeat (GETs, and creates carrying a client key) are re-sent after a
 *   network failure with the same key, so a weak signal at the gate never makes a second ticket.
 */

import { AuthErrorCode, ERROR_MESSAGES, type TokenPairResponse } from '@ankang/shared';
import Taro from '@tarojs/taro';
import { apiBaseUrl } from './config';
import { ApiError, apiErrorFromResponse, isApiError, networkError } from './errors';
import { LOGIN_PAGE_URL, loginUrlReturningTo } from './login-return';
import { clearTokens, readTokens, type StoredTokens, saveTokenPair } from './tokens';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * - `required` (default): send the bearer token, refresh on 401, go to login when the session is lost.
 * - `optional`: send the bearer token when one is held; a 401 is just an error.
 * - `none`: never send a token (login, refresh, dev users).
 */
export type AuthMode = 'required' | 'optional' | 'none';

export type QueryValue = string | number | boolean | null | undefined;

export interface ApiRequestOptions {
  method?: HttpMethod;
  /** Path under the API base, e.g. `/me`. */
  path: string;
  query?: Record<string, QueryValue>;
  /** Sent as JSON. */
  body?: unknown;
  auth?: AuthMode;
  /** Client key of a retry-safe create (see client-key.ts); sent as the `Idempotency-Key` header. */
  clientKey?: string;
  timeoutMs?: number;
  /** Re-sends after a network failure. Default: 1 for GET, 2 with a client key, otherwise 0. */
  networkRetries?: number;
  /** When this request finds the session gone, login comes back to this page (e.g. a scanned workplace). */
  returnUrl?: string;
}

export { LOGIN_PAGE_URL };
export const REFRESH_PATH = '/auth/refresh';
export const IDEMPOTENCY_KEY_HEADER = 'Idempotency-Key';
const DEFAULT_TIMEOUT_MS = 15_000;
/** Two "session lost" events this close together navigate once. */
const SESSION_LOST_DEBOUNCE_MS = 1_500;

interface ClientSettings {
  /** Base delay between network retries; the n-th retry waits n times this. */
  retryDelayMs: number;
  /** Called (once per burst) when the session is gone: tokens are already cleared. */
  onSessionLost: (returnUrl?: string) => void;
}

const defaultSettings: ClientSettings = {
  retryDelayMs: 600,
  onSessionLost: (returnUrl) => {
    Taro.reLaunch({ url: loginUrlReturningTo(returnUrl) }).catch(() => undefined);
  },
};

let settings: ClientSettings = { ...defaultSettings };
let refreshInFlight: Promise<StoredTokens> | null = null;
let lastSessionLostAt = Number.NEGATIVE_INFINITY;

export function configureApiClient(overrides: Partial<ClientSettings>): void {
  settings = { ...settings, ...overrides };
}

/** The base delay between re-sends after a network failure (uploads follow the client's setting). */
export function networkRetryDelayMs(): number {
  return settings.retryDelayMs;
}

/** Back to defaults, no refresh in flight (tests). */
export function resetApiClient(): void {
  settings = { ...defaultSettings };
  refreshInFlight = null;
  lastSessionLostAt = Number.NEGATIVE_INFINITY;
}

interface RawResponse {
  statusCode: number;
  data: unknown;
}

function isSuccess(response: RawResponse): boolean {
  return response.statusCode >= 200 && response.statusCode < 300;
}

export function buildUrl(path: string, query?: Record<string, QueryValue>): string {
  const normalisedPath = path.startsWith('/') ? path : `/${path}`;
  const pairs = Object.entries(query ?? {})
    .filter(([, value]) => value !== undefined && value !== null)
    .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`);
  return `${apiBaseUrl()}${normalisedPath}${pairs.length > 0 ? `?${pairs.join('&')}` : ''}`;
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

async function sendOnce(options: ApiRequestOptions, accessToken: string | undefined): Promise<RawResponse> {
  const header: Record<string, string> = { Accept: 'application/json' };
  if (options.body !== undefined) {
    header['Content-Type'] = 'application/json';
  }
  if (accessToken) {
    header.Authorization = `Bearer ${accessToken}`;
  }
  if (options.clientKey) {
    header[IDEMPOTENCY_KEY_HEADER] = options.clientKey;
  }
  try {
    const response = await Taro.request({
      url: buildUrl(options.path, options.query),
      method: options.method ?? 'GET',
      header,
      data: options.body as TaroGeneral.IAnyObject | undefined,
      dataType: 'json',
      timeout: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    });
    return { statusCode: response.statusCode, data: response.statusCode === 204 ? undefined : response.data };
  } catch (cause) {
    throw networkError(cause);
  }
}

async function send(options: ApiRequestOptions, accessToken: string | undefined): Promise<RawResponse> {
  const method = options.method ?? 'GET';
  const retries = options.networkRetries ?? (method === 'GET' ? 1 : options.clientKey ? 2 : 0);
  for (let attempt = 0; ; attempt += 1) {
    try {
      return await sendOnce(options, accessToken);
    } catch (error) {
      if (!(isApiError(error) && error.isNetworkError) || attempt >= retries) {
        throw error;
      }
      await delay(settings.retryDelayMs * (attempt + 1));
    }
  }
}

function sessionLost(returnUrl?: string): void {
  clearTokens();
  const now = Date.now();
  if (now - lastSessionLostAt < SESSION_LOST_DEBOUNCE_MS) {
    return;
  }
  lastSessionLostAt = now;
  settings.onSessionLost(returnUrl);
}

/** The server refused the refresh itself (not a network or server failure): the session is over. */
function refreshRefused(error: ApiError): boolean {
  return error.status >= 400 && error.status < 500 && error.status !== 408 && error.status !== 429;
}

async function performRefresh(refreshToken: string, returnUrl: string | undefined): Promise<StoredTokens> {
  const response = await send({ method: 'POST', path: REFRESH_PATH, body: { refreshToken }, auth: 'none' }, undefined);
  if (isSuccess(response)) {
    return saveTokenPair(response.data as TokenPairResponse);
  }
  const error = apiErrorFromResponse(response.statusCode, response.data);
  if (refreshRefused(error)) {
    sessionLost(returnUrl);
  }
  throw error;
}

/**
 * Exchanges the refresh token for a new pair, once for everyone: callers that arrive while a
 * refresh is running share it, and a caller whose token was already replaced gets the new one.
 * When the session turns out to be gone, login comes back to `returnUrl`.
 */
export function refreshSession(staleAccessToken?: string, returnUrl?: string): Promise<StoredTokens> {
  const current = readTokens();
  if (!current) {
    sessionLost(returnUrl);
    const code = AuthErrorCode.RefreshTokenInvalid;
    return Promise.reject(new ApiError(code, ERROR_MESSAGES[code], 401));
  }
  if (refreshInFlight) {
    return refreshInFlight;
  }
  if (staleAccessToken !== undefined && current.accessToken !== staleAccessToken) {
    return Promise.resolve(current);
  }
  const flight = performRefresh(current.refreshToken, returnUrl).finally(() => {
    if (refreshInFlight === flight) {
      refreshInFlight = null;
    }
  });
  refreshInFlight = flight;
  return flight;
}

function worthRefreshing(error: ApiError, tokens: StoredTokens | null): boolean {
  if (!tokens?.refreshToken) {
    return false;
  }
  return error.code === AuthErrorCode.AccessTokenExpired || error.code === AuthErrorCode.Unauthenticated;
}

/** Sends one API request and resolves with the response body, or rejects with an `ApiError`. */
export async function apiRequest<T>(options: ApiRequestOptions): Promise<T> {
  const auth = options.auth ?? 'required';
  const tokens = auth === 'none' ? null : readTokens();
  const first = await send(options, tokens?.accessToken);
  if (isSuccess(first)) {
    return first.data as T;
  }
  const error = apiErrorFromResponse(first.statusCode, first.data);
  if (auth !== 'required' || error.status !== 401) {
    throw error;
  }
  if (!worthRefreshing(error, tokens)) {
    sessionLost(options.returnUrl);
    throw error;
  }
  const fresh = await refreshSession(tokens?.accessToken, options.returnUrl);
  const second = await send(options, fresh.accessToken);
  if (isSuccess(second)) {
    return second.data as T;
  }
  const retryError = apiErrorFromResponse(second.statusCode, second.data);
  if (retryError.status === 401) {
    sessionLost(options.returnUrl);
  }
  throw retryError;
}
