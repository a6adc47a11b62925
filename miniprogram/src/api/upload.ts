/**
 * Multipart uploads of one file (hazard photos), one file per request as WeChat's uploadFile allows:
 * - WeChat: `Taro.uploadFile` from a temporary or saved file path.
 * - H5: `fetch` with a FormData holding the Blob itself. (Taro's H5 uploadFile first re-reads the
 *   object URL with an XHR, which the server's `connect-src 'self'` policy blocks — and that XHR
 *   never settles when blocked.)
 *
 * Like `apiRequest`: the bearer token, one refresh on an expired token (shared with the client's
 * single-flight refresh), re-sends after a network failure only when the upload carries a client
 * key (the server answers a repeated key with the same record), the server's coded Chinese errors.
 */
import { AuthErrorCode } from '@ankang/shared';
import Taro from '@tarojs/taro';
import { buildUrl, IDEMPOTENCY_KEY_HEADER, networkRetryDelayMs, refreshSession } from './client';
import { isH5 } from './config';
import { ApiError, apiErrorFromResponse, ClientErrorCode, NETWORK_ERROR_MESSAGE, networkError } from './errors';
import { readTokens } from './tokens';

export interface UploadOptions {
  /** Path under the API base, e.g. `/hazard-photos`. */
  path: string;
  /** WeChat: a temporary or saved file path; H5 without `blob`: an object URL. */
  filePath: string;
  /** H5: the file's bytes, posted with fetch. */
  blob?: Blob;
  /** The multipart field that carries the file. */
  name: string;
  /** H5: the file name sent with the part (WeChat names the file itself). */
  fileName?: string;
  formData?: Record<string, string>;
  /** Client key of a retry-safe upload: re-sent after network failures with the same key. */
  clientKey?: string;
  timeoutMs?: number;
  networkRetries?: number;
}

const DEFAULT_TIMEOUT_MS = 60_000;

interface RawResponse {
  statusCode: number;
  data: unknown;
}

function parseBody(data: unknown): unknown {
  if (typeof data !== 'string') {
    return data;
  }
  if (data === '') {
    return undefined;
  }
  try {
    return JSON.parse(data);
  } catch {
    return data;
  }
}

async function uploadWithFetch(
  options: UploadOptions,
  blob: Blob,
  header: Record<string, string>,
): Promise<RawResponse> {
  const form = new FormData();
  for (const [name, value] of Object.entries(options.formData ?? {})) {
    form.append(name, value);
  }
  form.append(options.name, blob, options.fileName ?? 'file');
  const controller = typeof AbortController === 'undefined' ? null : new AbortController();
  const timer = setTimeout(() => controller?.abort(), options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  try {
    // No Content-Type: the browser writes the multipart boundary itself.
    const response = await fetch(buildUrl(options.path), {
      method: 'POST',
      headers: header,
      body: form,
      signal: controller?.signal,
    });
    const text = await response.text().catch(() => '');
    return { statusCode: response.status, data: parseBody(text) };
  } catch (cause) {
    throw networkError(cause);
  } finally {
    clearTimeout(timer);
  }
}

async function uploadOnce(options: UploadOptions, accessToken: string | undefined): Promise<RawResponse> {
  const header: Record<string, string> = { Accept: 'application/json' };
  if (accessToken) {
    header.Authorization = `Bearer ${accessToken}`;
  }
  if (options.clientKey) {
    header[IDEMPOTENCY_KEY_HEADER] = options.clientKey;
  }
  if (isH5() && options.blob) {
    return uploadWithFetch(options, options.blob, header);
  }
  try {
    const response = await Taro.uploadFile({
      url: buildUrl(options.path),
      filePath: options.filePath,
      name: options.name,
      header,
      formData: options.formData ?? {},
      timeout: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      // H5 only (Taro's XHR upload); WeChat ignores it.
      ...(options.fileName ? { fileName: options.fileName } : {}),
    } as Taro.uploadFile.Option);
    return { statusCode: response.statusCode, data: parseBody(response.data) };
  } catch (cause) {
    throw networkError(cause);
  }
}

async function uploadWithRetries(options: UploadOptions, accessToken: string | undefined): Promise<RawResponse> {
  const retries = options.networkRetries ?? (options.clientKey ? 2 : 0);
  for (let attempt = 0; ; attempt += 1) {
    try {
      return await uploadOnce(options, accessToken);
    } catch (error) {
      if (!(error instanceof ApiError && error.isNetworkError) || attempt >= retries) {
        throw error;
      }
      await new Promise((resolve) => setTimeout(resolve, networkRetryDelayMs() * (attempt + 1)));
    }
  }
}

function success(response: RawResponse): boolean {
  return response.statusCode >= 200 && response.statusCode < 300;
}

function answer<T>(response: RawResponse): T {
  if (response.data === undefined || typeof response.data === 'string') {
    // A 2xx without the API's JSON (a proxy page): treat it like a broken answer, not a success.
    throw new ApiError(ClientErrorCode.BadResponse, NETWORK_ERROR_MESSAGE, response.statusCode);
  }
  return response.data as T;
}

/** Uploads one file with the session's bearer token and resolves with the server's JSON answer. */
export async function uploadAuthorized<T>(options: UploadOptions): Promise<T> {
  const tokens = readTokens();
  const first = await uploadWithRetries(options, tokens?.accessToken);
  if (success(first)) {
    return answer<T>(first);
  }
  const error = apiErrorFromResponse(first.statusCode, first.data);
  const expired =
    error.status === 401 &&
    (error.code === AuthErrorCode.AccessTokenExpired || error.code === AuthErrorCode.Unauthenticated);
  if (!expired) {
    throw error;
  }
  // Without a session refreshSession sends the person to login and rejects.
  const fresh = await refreshSession(tokens?.accessToken);
  const second = await uploadWithRetries(options, fresh.accessToken);
  if (success(second)) {
    return answer<T>(second);
  }
  throw apiErrorFromResponse(second.statusCode, second.data);
}
