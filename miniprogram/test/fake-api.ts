/**
 * A fake of the Ankang API behind the mocked `Taro.request`: routes keyed `METHOD /path` (path
 * under /api/v1), each a fixed response or a function of the request. Unknown routes answer 404.
 */
import type { ErrorCode, RoleGrantSummary, TokenPairResponse } from '@ankang/shared';
import { ERROR_MESSAGES, OrgKind, Role } from '@ankang/shared';
import { saveTokenPair } from '../src/api';
import { request, uploadFile } from './mocks/taro';

export interface RecordedRequest {
  method: string;
  path: string;
  url: string;
  header: Record<string, string>;
  /** The JSON body, or an upload's form fields. */
  data: unknown;
  /** WeChat uploads (`Taro.uploadFile`): the file sent. */
  filePath?: string;
  /** H5 uploads (fetch + FormData): the file part and its name. */
  file?: Blob;
  fileName?: string;
}

export interface FakeResponse {
  statusCode: number;
  data?: unknown;
}

export type Route = FakeResponse | ((req: RecordedRequest) => FakeResponse | Promise<FakeResponse>);

export class NetworkDown extends Error {
  readonly errMsg = 'request:fail timeout';
}

export function fakeApi(routes: Record<string, Route>) {
  const calls: RecordedRequest[] = [];
  request.mockImplementation(
    async (options: { url: string; method?: string; header?: Record<string, string>; data?: unknown }) => {
      const url = new URL(options.url, 'http://ankang.test');
      const recorded: RecordedRequest = {
        method: options.method ?? 'GET',
        path: url.pathname.replace(/^.*?\/api\/v1/, ''),
        url: options.url,
        header: { ...(options.header ?? {}) },
        data: options.data,
      };
      calls.push(recorded);
      const route = routes[`${recorded.method} ${recorded.path}`];
      if (!route) {
        return apiError(404, 'COMMON_ROUTE_NOT_FOUND' as ErrorCode);
      }
      const response = typeof route === 'function' ? await route(recorded) : route;
      return { header: {}, cookies: [], errMsg: 'request:ok', ...response };
    },
  );
  // Uploads answer like WeChat's uploadFile: the body as a string.
  uploadFile.mockImplementation(
    async (options: { url: string; header?: Record<string, string>; formData?: unknown; filePath: string }) => {
      const url = new URL(options.url, 'http://ankang.test');
      const recorded: RecordedRequest = {
        method: 'POST',
        path: url.pathname.replace(/^.*?\/api\/v1/, ''),
        url: options.url,
        header: { ...(options.header ?? {}) },
        data: options.formData,
        filePath: options.filePath,
      };
      calls.push(recorded);
      const route = routes[`POST ${recorded.path}`];
      const response = !route
        ? apiError(404, 'COMMON_ROUTE_NOT_FOUND' as ErrorCode)
        : typeof route === 'function'
          ? await route(recorded)
          : route;
      return {
        errMsg: 'uploadFile:ok',
        statusCode: response.statusCode,
        data: response.data === undefined ? '' : JSON.stringify(response.data),
      };
    },
  );
  // H5 uploads go through fetch with a FormData body; anything else falls through to the fetch the
  // test had before (downloads).
  const previousFetch = globalThis.fetch;
  const fetchMock = jest.fn(async (input: string | URL | Request, init?: RequestInit) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const method = init?.method ?? 'GET';
    const path = new URL(url, 'http://ankang.test').pathname.replace(/^.*?\/api\/v1/, '');
    const route = routes[`${method} ${path}`];
    if (!(init?.body instanceof FormData) || !route) {
      return previousFetch(input, init);
    }
    const fields: Record<string, string> = {};
    let file: Blob | undefined;
    let fileName: string | undefined;
    for (const [name, value] of init.body.entries()) {
      if (typeof value === 'string') {
        fields[name] = value;
      } else {
        file = value;
        fileName = (value as File).name;
      }
    }
    const recorded: RecordedRequest = {
      method,
      path,
      url,
      header: { ...((init.headers as Record<string, string>) ?? {}) },
      data: fields,
      file,
      fileName,
    };
    calls.push(recorded);
    const response = typeof route === 'function' ? await route(recorded) : route;
    return {
      ok: response.statusCode >= 200 && response.statusCode < 300,
      status: response.statusCode,
      text: async () => (response.data === undefined ? '' : JSON.stringify(response.data)),
    } as Response;
  });
  Object.defineProperty(globalThis, 'fetch', { value: fetchMock, configurable: true, writable: true });
  return {
    calls,
    callsTo(method: string, path: string): RecordedRequest[] {
      return calls.filter((call) => call.method === method && call.path === path);
    },
  };
}

export function ok(data: unknown, statusCode = 200): FakeResponse {
  return { statusCode, data };
}

export function apiError(statusCode: number, code: ErrorCode, message: string = ERROR_MESSAGES[code]): FakeResponse {
  return { statusCode, data: { code, message, requestId: 'req-test-1' } };
}

export function tokenPair(suffix: string): TokenPairResponse {
  return {
    accessToken: `access-${suffix}`,
    accessTokenExpiresIn: 900,
    refreshToken: `refresh-${suffix}`,
    refreshTokenExpiresIn: 2_592_000,
    tokenType: 'Bearer',
    isNewUser: false,
  };
}

function base64Url(text: string): string {
  return Buffer.from(text).toString('base64').replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** A phone signed in as the person with this id: the refresh token is a JWT whose `sub` is the id. */
export function signInAs(userId: string, suffix = userId): TokenPairResponse {
  const pair = tokenPair(suffix);
  const header = base64Url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
  const claims = base64Url(JSON.stringify({ typ: 'refresh', sub: userId, jti: `session-${suffix}` }));
  pair.refreshToken = `${header}.${claims}.signature-${suffix}`;
  saveTokenPair(pair);
  return pair;
}

/** A phone that is signed in with `access-<suffix>` / `refresh-<suffix>`. */
export function signIn(suffix = '1'): TokenPairResponse {
  const pair = tokenPair(suffix);
  saveTokenPair(pair);
  return pair;
}

export function grant(role: Role, orgUnitName: string, orgUnitKind: OrgKind = OrgKind.Enterprise): RoleGrantSummary {
  return { role, orgUnitId: `${role}-${orgUnitName}`, orgUnitName, orgUnitKind };
}

export { OrgKind, Role };
