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
