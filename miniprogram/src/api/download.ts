/**
 * Downloads of files the API guards (workplace QR codes, poster sheets): they need the
 * `Authorization` header, so neither an `<image src>` nor a plain link can fetch them.
 *
 * - WeChat: `Taro.downloadFile({url, header})` into a temporary file, for `previewImage`,
 *   `saveImageToPhotosAlbum` or `shareFileMessage`.
 * - H5: `fetch` with the header into a Blob and an object URL, for an `<img>` or a download link.
 *
 * An expired access token is refreshed once (sharing the client's single-flight refresh) and the
 * download tried again; a failure becomes the same `ApiError` with the server's Chinese message.
 */

import { AuthErrorCode } from '@ankang/shared';
import Taro from '@tarojs/taro';
import { buildUrl, type QueryValue, refreshSession } from './client';
import { isH5, resolveServerUrl } from './config';
import { type ApiError, apiErrorFromResponse, networkError } from './errors';
import { readTokens } from './tokens';

export type DownloadOptions =
  | {
      /** Path under the API base, e.g. `/workplaces/7/qrcode`. */
      path: string;
      query?: Record<string, QueryValue>;
    }
  | {
      /** A URL the server handed out, e.g. a photo's `/api/v1/hazards/9/photos/3?variant=thumbnail`. */
      url: string;
    };

export interface DownloadedFile {
  /** WeChat: a temporary file path; H5: an object URL (call `release` when done with it). */
  url: string;
  /** The response's content type where the platform tells it (H5), else null. */
  contentType: string | null;
  release(): void;
}

type Attempt = { ok: true; file: DownloadedFile } | { ok: false; error: ApiError };

function authorizationHeader(accessToken: string | undefined): Record<string, string> {
  return accessToken ? { Authorization: `Bearer ${accessToken}` } : {};
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** WeChat writes an error body into the temporary file too: read it back for the server's message. */
function weappErrorBody(tempFilePath: string | undefined): unknown {
  if (!tempFilePath) {
    return undefined;
  }
  try {
    const text = Taro.getFileSystemManager().readFileSync(tempFilePath, 'utf8');
    return typeof text === 'string' ? parseJson(text) : undefined;
  } catch {
    return undefined;
  }
}

async function downloadInWeapp(url: string, accessToken: string | undefined): Promise<Attempt> {
  let result: { statusCode: number; tempFilePath: string };
  try {
    result = await Taro.downloadFile({ url, header: authorizationHeader(accessToken) });
  } catch (cause) {
    throw networkError(cause);
  }
  if (result.statusCode >= 200 && result.statusCode < 300) {
    return { ok: true, file: { url: result.tempFilePath, contentType: null, release: () => undefined } };
  }
  return { ok: false, error: apiErrorFromResponse(result.statusCode, weappErrorBody(result.tempFilePath)) };
}

async function downloadInBrowser(url: string, accessToken: string | undefined): Promise<Attempt> {
  let response: Response;
  try {
    response = await fetch(url, { headers: { Accept: '*/*', ...authorizationHeader(accessToken) } });
  } catch (cause) {
    throw networkError(cause);
  }
  if (!response.ok) {
    const text = await response.text().catch(() => '');
    return { ok: false, error: apiErrorFromResponse(response.status, parseJson(text)) };
  }
  const blob = await response.blob();
  const objectUrl = URL.createObjectURL(blob);
  return {
    ok: true,
    file: {
      url: objectUrl,
      contentType: response.headers.get('content-type') ?? (blob.type || null),
      release: () => URL.revokeObjectURL(objectUrl),
    },
  };
}

function attempt(url: string, accessToken: string | undefined): Promise<Attempt> {
  return isH5() ? downloadInBrowser(url, accessToken) : downloadInWeapp(url, accessToken);
}

/** Downloads a guarded file with the session's bearer token. */
export async function downloadAuthorized(options: DownloadOptions): Promise<DownloadedFile> {
  const url = 'url' in options ? resolveServerUrl(options.url) : buildUrl(options.path, options.query);
  const tokens = readTokens();
  const first = await attempt(url, tokens?.accessToken);
  if (first.ok) {
    return first.file;
  }
  const expired =
    first.error.status === 401 &&
    (first.error.code === AuthErrorCode.AccessTokenExpired || first.error.code === AuthErrorCode.Unauthenticated);
  if (!expired || !tokens) {
    throw first.error;
  }
  const fresh = await refreshSession(tokens.accessToken);
  const second = await attempt(url, fresh.accessToken);
  if (second.ok) {
    return second.file;
  }
  throw second.error;
}

/** H5: hands an object URL to the browser as a download named `fileName`. */
export function saveInBrowser(objectUrl: string, fileName: string): void {
  const link = document.createElement('a');
  link.href = objectUrl;
  link.download = fileName;
  link.rel = 'noopener';
  link.style.display = 'none';
  document.body.appendChild(link);
  link.click();
  link.remove();
}

/** A file extension for a downloaded content type (what the browser names the saved file). */
export function extensionFor(contentType: string | null, fallback: string): string {
  const type = (contentType ?? '').split(';')[0].trim().toLowerCase();
  const known: Record<string, string> = {
    'image/jpeg': 'jpg',
    'image/png': 'png',
    'image/svg+xml': 'svg',
    'image/webp': 'webp',
    'text/html': 'html',
    'application/pdf': 'pdf',
  };
  return known[type] ?? fallback;
}
