/** Where the API lives for this build: the H5 page asks its own origin, WeChat asks the configured host. */
export const H5_DEFAULT_API_BASE_URL = '/api/v1';
export const WEAPP_DEFAULT_API_BASE_URL = 'http://127.0.0.1:3000/api/v1';

export function apiBaseUrl(): string {
  const configured = typeof ANKANG_API_BASE_URL === 'string' ? ANKANG_API_BASE_URL : '';
  const base = configured || (process.env.TARO_ENV === 'h5' ? H5_DEFAULT_API_BASE_URL : WEAPP_DEFAULT_API_BASE_URL);
  return base.replace(/\/+$/, '');
}

export function isH5(): boolean {
  return process.env.TARO_ENV === 'h5';
}

export function isWeapp(): boolean {
  return process.env.TARO_ENV === 'weapp';
}

/** The path every URL the server hands out starts with (photo URLs like `/api/v1/hazards/9/photos/3`). */
const SERVER_API_PREFIX = '/api/v1';

/**
 * A URL the server handed out (a photo's `url`) as this build reaches it: under the configured API
 * base (WeChat talks to an absolute host; H5 to its own origin, possibly behind a path prefix).
 */
export function resolveServerUrl(url: string): string {
  if (/^https?:\/\//i.test(url)) {
    return url;
  }
  if (url.startsWith(`${SERVER_API_PREFIX}/`)) {
    return `${apiBaseUrl()}${url.slice(SERVER_API_PREFIX.length)}`;
  }
  const origin = /^https?:\/\/[^/]+/i.exec(apiBaseUrl())?.[0] ?? '';
  return `${origin}${url.startsWith('/') ? url : `/${url}`}`;
}
