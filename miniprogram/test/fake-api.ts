/**
 * A fake of the Ankang API behind the mocked `Taro.request`: routes keyed `METHOD /path` (path
 * under /api/v1), each a fixed response or a function of the request. Unknown routes answer 404.
 */
import type { ErrorCode, RoleGrantSummary, TokenPairResponse } from '@ankang/shared';
import { ERROR_MESSAGES, OrgKind, Role } from '@ankang/shared';
import { saveTokenPair } from '../src/api';
import { request } from './mocks/taro';

export interface RecordedRequest {
  method: string;
  path: string;
  url: string;
  header: Record<string, string>;
  data: unknown;
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
