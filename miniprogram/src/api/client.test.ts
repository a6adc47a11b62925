import { AuthErrorCode, CommonErrorCode, ERROR_MESSAGES } from '@ankang/shared';
import { apiError, fakeApi, NetworkDown, ok, signIn, tokenPair } from '../../test/fake-api';
import { reLaunch, request } from '../../test/mocks/taro';
import { apiRequest } from './client';
import { ApiError, ClientErrorCode, NETWORK_ERROR_MESSAGE } from './errors';
import { readTokens } from './tokens';

async function caught(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(ApiError);
    return error as ApiError;
  }
  throw new Error('expected the request to fail');
}

describe('API client', () => {
  describe('requests', () => {
    it('sends JSON with the bearer token to the target base URL', async () => {
      signIn('a');
      const api = fakeApi({ 'POST /things': ok({ id: 7 }, 201) });

      await expect(apiRequest({ method: 'POST', path: '/things', body: { name: '灭火器' } })).resolves.toEqual({
        id: 7,
      });

      const [call] = api.calls;
      expect(call.url).toBe('/api/v1/things');
      expect(call.header.Authorization).toBe('Bearer access-a');
      expect(call.header['Content-Type']).toBe('application/json');
      expect(call.data).toEqual({ name: '灭火器' });
    });

    it('uses the configured host on WeChat and encodes the query', async () => {
      process.env.TARO_ENV = 'weapp';
      const api = fakeApi({ 'GET /hazards': ok({ items: [], nextCursor: null }) });

      await apiRequest({ path: '/hazards', query: { cursor: 'a b', limit: 20, state: undefined }, auth: 'none' });

      expect(api.calls[0].url).toBe('http://127.0.0.1:3000/api/v1/hazards?cursor=a%20b&limit=20');
      expect(api.calls[0].header.Authorization).toBeUndefined();
    });

    it('sends no token when the request is not authenticated', async () => {
      signIn('a');
      const api = fakeApi({ 'GET /auth/dev-users': ok([]) });
      await apiRequest({ path: '/auth/dev-users', auth: 'none' });
      expect(api.calls[0].header.Authorization).toBeUndefined();
    });
  });

  describe('errors', () => {
    it('turns the error body into an ApiError with the server’s code, Chinese message and request id', async () => {
      signIn();
      fakeApi({
        'POST /things': {
          statusCode: 400,
          data: {
            code: CommonErrorCode.ValidationFailed,
            message: '描述不能为空',
            details: [{ field: 'description', message: '不能为空' }],
            requestId: 'req-42',
          },
        },
      });

      const error = await caught(apiRequest({ method: 'POST', path: '/things', body: {} }));

      expect(error.code).toBe(CommonErrorCode.ValidationFailed);
      expect(error.message).toBe('描述不能为空');
      expect(error.status).toBe(400);
      expect(error.requestId).toBe('req-42');
      expect(error.details).toEqual([{ field: 'description', message: '不能为空' }]);
    });

    it('falls back to the shared Chinese message when the server sends none', async () => {
      signIn();
      fakeApi({
        'GET /me': { statusCode: 429, data: { code: CommonErrorCode.RateLimited, message: '', requestId: 'r' } },
      });
      const error = await caught(apiRequest({ path: '/me' }));
      expect(error.code).toBe(CommonErrorCode.RateLimited);
      expect(error.message).toBe(ERROR_MESSAGES[CommonErrorCode.RateLimited]);
    });

    it('gives the generic network message for a body that is not the API’s', async () => {
      fakeApi({ 'GET /health': { statusCode: 418, data: '<html>teapot</html>' } });
      const error = await caught(apiRequest({ path: '/health', auth: 'none' }));
      expect(error.code).toBe(ClientErrorCode.BadResponse);
      expect(error.message).toBe(NETWORK_ERROR_MESSAGE);
    });

    it('reports a network failure in Chinese after retrying a GET once', async () => {
      request.mockRejectedValue(new NetworkDown());
      const error = await caught(apiRequest({ path: '/health', auth: 'none' }));
      expect(error.code).toBe(ClientErrorCode.Network);
      expect(error.message).toBe('网络不给力，请检查网络后重试');
      expect(error.status).toBe(0);
      expect(request).toHaveBeenCalledTimes(2);
    });

    it('does not blindly re-send a POST without a client key', async () => {
      signIn();
      request.mockRejectedValue(new NetworkDown());
      await caught(apiRequest({ method: 'POST', path: '/things', body: {} }));
      expect(request).toHaveBeenCalledTimes(1);
    });

    it('re-sends a keyed create with the same Idempotency-Key after network failures', async () => {
      signIn();
      const api = fakeApi({ 'POST /hazards': ok({ id: 'h-1' }, 201) });
      const headers: string[] = [];
      const dropped = async (options: { header: Record<string, string> }) => {
        headers.push(options.header['Idempotency-Key']);
        throw new NetworkDown();
      };
      request.mockImplementationOnce(dropped).mockImplementationOnce(dropped);

      const key = '0b7a4b00-0000-4000-8000-000000000001';
      await expect(apiRequest({ method: 'POST', path: '/hazards', body: {}, clientKey: key })).resolves.toEqual({
        id: 'h-1',
      });

      expect(headers).toEqual([key, key]);
      expect(api.calls.map((call) => call.header['Idempotency-Key'])).toEqual([key]);
    });
  });

  describe('session refresh', () => {
    it('refreshes an expired access token once and retries the request with the new one', async () => {
      signIn('old');
      const api = fakeApi({
        'GET /me': (req) =>
          req.header.Authorization === 'Bearer access-new'
            ? ok({ displayName: '王师傅' })
            : apiError(401, AuthErrorCode.AccessTokenExpired),
        'POST /auth/refresh': (req) =>
          (req.data as { refreshToken: string }).refreshToken === 'refresh-old'
            ? ok(tokenPair('new'))
            : apiError(401, AuthErrorCode.RefreshTokenInvalid),
      });

      await expect(apiRequest({ path: '/me' })).resolves.toEqual({ displayName: '王师傅' });

      expect(api.callsTo('POST', '/auth/refresh')).toHaveLength(1);
      expect(api.callsTo('POST', '/auth/refresh')[0].header.Authorization).toBeUndefined();
      expect(api.callsTo('GET', '/me').map((call) => call.header.Authorization)).toEqual([
        'Bearer access-old',
        'Bearer access-new',
      ]);
      expect(readTokens()).toMatchObject({ accessToken: 'access-new', refreshToken: 'refresh-new' });
    });

    it('shares one refresh between concurrent 401s (single flight)', async () => {
      signIn('old');
      let refreshes = 0;
      const api = fakeApi({
        'GET /me': (req) =>
          req.header.Authorization === 'Bearer access-new'
            ? ok({ n: 1 })
            : apiError(401, AuthErrorCode.AccessTokenExpired),
        'GET /notices': (req) =>
          req.header.Authorization === 'Bearer access-new'
            ? ok({ n: 2 })
            : apiError(401, AuthErrorCode.AccessTokenExpired),
        'GET /lessons/today': (req) =>
          req.header.Authorization === 'Bearer access-new'
            ? ok({ n: 3 })
            : apiError(401, AuthErrorCode.AccessTokenExpired),
        'POST /auth/refresh': async () => {
          refreshes += 1;
          await new Promise((resolve) => setTimeout(resolve, 20));
          return ok(tokenPair('new'));
        },
      });

      const results = await Promise.all([
        apiRequest({ path: '/me' }),
        apiRequest({ path: '/notices' }),
        apiRequest({ path: '/lessons/today' }),
      ]);

      expect(results).toEqual([{ n: 1 }, { n: 2 }, { n: 3 }]);
      expect(refreshes).toBe(1);
      expect(api.callsTo('POST', '/auth/refresh')).toHaveLength(1);
    });

    it('does not refresh again for a 401 that arrives after the token was already replaced', async () => {
      signIn('old');
      let release: () => void = () => undefined;
      const slow = new Promise<void>((resolve) => {
        release = resolve;
      });
      const api = fakeApi({
        'GET /slow': async (req) => {
          await slow;
          return req.header.Authorization === 'Bearer access-new'
            ? ok('slow')
            : apiError(401, AuthErrorCode.AccessTokenExpired);
        },
        'GET /me': (req) =>
          req.header.Authorization === 'Bearer access-new' ? ok('me') : apiError(401, AuthErrorCode.AccessTokenExpired),
        'POST /auth/refresh': ok(tokenPair('new')),
      });

      const slowRequest = apiRequest({ path: '/slow' });
      await expect(apiRequest({ path: '/me' })).resolves.toBe('me');
      release();
      await expect(slowRequest).resolves.toBe('slow');
      expect(api.callsTo('POST', '/auth/refresh')).toHaveLength(1);
    });

    it('refreshes on AUTH_UNAUTHENTICATED while a refresh token is held', async () => {
      signIn('old');
      const api = fakeApi({
        'GET /me': (req) =>
          req.header.Authorization === 'Bearer access-new' ? ok('me') : apiError(401, AuthErrorCode.Unauthenticated),
        'POST /auth/refresh': ok(tokenPair('new')),
      });
      await expect(apiRequest({ path: '/me' })).resolves.toBe('me');
      expect(api.callsTo('POST', '/auth/refresh')).toHaveLength(1);
    });

    it('sends a person without a session to login without trying to refresh', async () => {
      const api = fakeApi({ 'GET /me': apiError(401, AuthErrorCode.Unauthenticated) });
      const error = await caught(apiRequest({ path: '/me' }));
      expect(error.message).toBe('请先登录');
      expect(api.callsTo('POST', '/auth/refresh')).toHaveLength(0);
      expect(reLaunch).toHaveBeenCalledWith({ url: '/pages/login/index' });
    });

    it('clears the tokens and goes to login, once, when the refresh is refused', async () => {
      signIn('old');
      const api = fakeApi({
        'GET /me': apiError(401, AuthErrorCode.AccessTokenExpired),
        'GET /notices': apiError(401, AuthErrorCode.AccessTokenExpired),
        'POST /auth/refresh': apiError(401, AuthErrorCode.RefreshTokenInvalid),
      });

      const errors = await Promise.all([caught(apiRequest({ path: '/me' })), caught(apiRequest({ path: '/notices' }))]);

      for (const error of errors) {
        expect(error.code).toBe(AuthErrorCode.RefreshTokenInvalid);
        expect(error.message).toBe('登录状态已失效，请重新登录');
      }
      expect(api.callsTo('POST', '/auth/refresh')).toHaveLength(1);
      expect(readTokens()).toBeNull();
      expect(reLaunch).toHaveBeenCalledTimes(1);
      expect(reLaunch).toHaveBeenCalledWith({ url: '/pages/login/index' });
    });

    it('keeps the session when the refresh fails only for lack of network', async () => {
      signIn('old');
      fakeApi({ 'GET /me': apiError(401, AuthErrorCode.AccessTokenExpired) });
      const answer = request.getMockImplementation();
      request.mockImplementation(async (options: { url: string }) => {
        if (options.url.endsWith('/auth/refresh')) {
          throw new NetworkDown();
        }
        return answer?.(options);
      });

      const error = await caught(apiRequest({ path: '/me' }));

      expect(error.code).toBe(ClientErrorCode.Network);
      expect(readTokens()).toMatchObject({ refreshToken: 'refresh-old' });
      expect(reLaunch).not.toHaveBeenCalled();
    });

    it('retries only once: a second 401 ends the session', async () => {
      signIn('old');
      const api = fakeApi({
        'GET /me': apiError(401, AuthErrorCode.AccessTokenExpired),
        'POST /auth/refresh': ok(tokenPair('new')),
      });
      const error = await caught(apiRequest({ path: '/me' }));
      expect(error.code).toBe(AuthErrorCode.AccessTokenExpired);
      expect(api.callsTo('GET', '/me')).toHaveLength(2);
      expect(api.callsTo('POST', '/auth/refresh')).toHaveLength(1);
      expect(readTokens()).toBeNull();
      expect(reLaunch).toHaveBeenCalledWith({ url: '/pages/login/index' });
    });

    it('leaves 403 alone: no refresh, the session stays', async () => {
      signIn('a');
      const api = fakeApi({ 'GET /admin': apiError(403, AuthErrorCode.Forbidden) });
      const error = await caught(apiRequest({ path: '/admin' }));
      expect(error.message).toBe('您没有权限进行此操作');
      expect(api.callsTo('POST', '/auth/refresh')).toHaveLength(0);
      expect(readTokens()).not.toBeNull();
    });
  });
});
