import { AuthErrorCode, CommonErrorCode, Role, WechatErrorCode } from '@ankang/shared';
import jwt from 'jsonwebtoken';
import { AuthSession } from '../src/auth/auth-session.entity';
import { seedDemoProvince } from '../src/seed/seed-demo-province';
import { User } from '../src/users/user.entity';
import { createUser, wechatCodeFor } from './factories/org.factory';
import { testBackends } from './support/backends';
import { expectErrorShape, request } from './support/http';
import { startTestApp, type TestApp } from './support/test-app';

const JSCODE2SESSION = '/sns/jscode2session';

describe.each(testBackends())('identity on %s', (backend) => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp(backend);
    await seedDemoProvince(app.dataSource);
  });

  afterAll(async () => {
    await app?.close();
  });

  const login = (code: string) => request('POST', `${app.baseUrl}/auth/wechat-login`, { body: { code } });

  describe('WeChat login', () => {
    it('creates the user on the first login and finds the same user on the next', async () => {
      const first = await login(wechatCodeFor('first-login'));
      expect(first.status).toBe(200);
      expect(first.body).toEqual(
        expect.objectContaining({ tokenType: 'Bearer', isNewUser: true, accessToken: expect.any(String) }),
      );
      const me = await request('GET', `${app.baseUrl}/me`, { token: first.body.accessToken });
      expect(me.status).toBe(200);
      expect(me.body).toEqual(expect.objectContaining({ displayName: '微信用户', roles: [], enterprise: null }));

      const second = await login(wechatCodeFor('first-login'));
      expect(second.body.isNewUser).toBe(false);
      const meAgain = await request('GET', `${app.baseUrl}/me`, { token: second.body.accessToken });
      expect(meAgain.body.id).toBe(me.body.id);
      const stored = await app.dataSource.getRepository(User).findOneByOrFail({ id: Number(me.body.id) });
      expect(stored.openId).toBe(app.wechat.openIdFor('first-login'));
    });

    it('makes one user when two first logins of the same person race', async () => {
      const [left, right] = await Promise.all([login(wechatCodeFor('racer')), login(wechatCodeFor('racer'))]);
      expect([left.status, right.status]).toEqual([200, 200]);
      const count = await app.dataSource.getRepository(User).countBy({ openId: app.wechat.openIdFor('racer') });
      expect(count).toBe(1);
    });

    it.each([
      ['a missing code', {}],
      ['an empty code', { code: '' }],
      ['a code that is not text', { code: 12345 }],
      ['a code with spaces', { code: 'two words' }],
      ['a code that is far too long', { code: 'x'.repeat(500) }],
      ['an unknown field', { code: 'user:someone', admin: true }],
    ])('refuses %s with a coded 400 naming the field, without calling WeChat', async (_case, body) => {
      const before = app.wechat.requestCount(JSCODE2SESSION);
      const response = await request('POST', `${app.baseUrl}/auth/wechat-login`, { body });
      expect(response.status).toBe(400);
      expectErrorShape(response.body, CommonErrorCode.ValidationFailed);
      expect(response.body.details).toEqual([
        expect.objectContaining({ field: expect.any(String), message: expect.stringMatching(/[\u4e00-\u9fff]/) }),
      ]);
      expect(app.wechat.requestCount(JSCODE2SESSION)).toBe(before);
    });

    it.each([
      ['invalid', 401, AuthErrorCode.WechatCodeInvalid],
      ['used', 401, AuthErrorCode.WechatCodeUsed],
      ['ratelimit', 429, AuthErrorCode.WechatLoginRateLimited],
      ['risky', 403, AuthErrorCode.WechatUserHighRisk],
    ])('maps a WeChat "%s" code to %i %s', async (prefix, status, code) => {
      const response = await login(`${prefix}:${Date.now()}`);
      expect(response.status).toBe(status);
      expectErrorShape(response.body, code);
    });

    it('refuses a login code WeChat already accepted once', async () => {
      const code = wechatCodeFor('single-use');
      expect((await login(code)).status).toBe(200);
      const replay = await login(code);
      expect(replay.status).toBe(401);
      expectErrorShape(replay.body, AuthErrorCode.WechatCodeUsed);
    });

    it('retries while WeChat is busy and then succeeds', async () => {
      const before = app.wechat.requestCount(JSCODE2SESSION);
      app.wechat.injectFault({ kind: 'busy', count: 2, path: JSCODE2SESSION });
      const response = await login(wechatCodeFor('patient'));
      expect(response.status).toBe(200);
      expect(app.wechat.requestCount(JSCODE2SESSION) - before).toBe(3);
    });

    it('answers 503 when WeChat stays busy after the retries', async () => {
      const before = app.wechat.requestCount(JSCODE2SESSION);
      app.wechat.injectFault({ kind: 'busy', count: 10, path: JSCODE2SESSION });
      const response = await login(wechatCodeFor('unlucky'));
      const attempts = app.wechat.requestCount(JSCODE2SESSION) - before;
      app.wechat.reset();
      expect(response.status).toBe(503);
      expectErrorShape(response.body, WechatErrorCode.Unavailable);
      expect(attempts).toBe(3);
    });

    it('answers 503 when WeChat does not answer in time', async () => {
      app.wechat.injectFault({ kind: 'latency', ms: 3000, count: 3, path: JSCODE2SESSION });
      const response = await login(wechatCodeFor('slow'));
      app.wechat.reset();
      expect(response.status).toBe(503);
      expectErrorShape(response.body, WechatErrorCode.Unavailable);
    });

    it('refuses a disabled user', async () => {
      await createUser(app.dataSource, { openId: app.wechat.openIdFor('disabled-person'), disabledAt: new Date() });
      const response = await login(wechatCodeFor('disabled-person'));
      expect(response.status).toBe(403);
      expectErrorShape(response.body, AuthErrorCode.UserDisabled);
    });
  });

  describe('access tokens', () => {
    it('refuses /me without a token, with a malformed token and with a refresh token', async () => {
      const none = await request('GET', `${app.baseUrl}/me`);
      expect(none.status).toBe(401);
      expectErrorShape(none.body, AuthErrorCode.Unauthenticated);
      const garbage = await request('GET', `${app.baseUrl}/me`, { token: 'not.a.token' });
      expectErrorShape(garbage.body, AuthErrorCode.Unauthenticated);
      const tokens = (await login(wechatCodeFor('token-kinds'))).body;
      const wrongKind = await request('GET', `${app.baseUrl}/me`, { token: tokens.refreshToken });
      expect(wrongKind.status).toBe(401);
      expectErrorShape(wrongKind.body, AuthErrorCode.Unauthenticated);
    });

    it('tells an expired access token apart so the client knows to refresh', async () => {
      const user = await createUser(app.dataSource);
      const expired = jwt.sign({ typ: 'access', exp: Math.floor(Date.now() / 1000) - 10 }, app.config.jwt.secret, {
        subject: String(user.id),
      });
      const response = await request('GET', `${app.baseUrl}/me`, { token: expired });
      expect(response.status).toBe(401);
      expectErrorShape(response.body, AuthErrorCode.AccessTokenExpired);
    });

    it('refuses a token signed with another secret', async () => {
      const forged = jwt.sign({ typ: 'access' }, 'x'.repeat(40), { subject: '1' });
      const response = await request('GET', `${app.baseUrl}/me`, { token: forged });
      expectErrorShape(response.body, AuthErrorCode.Unauthenticated);
    });
  });

  describe('refresh tokens', () => {
    const refresh = (refreshToken: unknown) =>
      request('POST', `${app.baseUrl}/auth/refresh`, { body: { refreshToken } });

    it('rotates: the new pair works and the old refresh token is spent', async () => {
      const first = (await login(wechatCodeFor('rotator'))).body;
      const second = await refresh(first.refreshToken);
      expect(second.status).toBe(200);
      expect(second.body.refreshToken).not.toBe(first.refreshToken);
      const me = await request('GET', `${app.baseUrl}/me`, { token: second.body.accessToken });
      expect(me.status).toBe(200);
      const third = await refresh(second.body.refreshToken);
      expect(third.status).toBe(200);
    });

    it('lets a lost answer be retried at once, but revokes the family when a spent token returns later', async () => {
      const first = (await login(wechatCodeFor('replayer'))).body;
      const rotated = await refresh(first.refreshToken);
      const retried = await refresh(first.refreshToken);
      expect(retried.status).toBe(200);

      // Age the rotation past the grace period: presenting it now means the token was copied.
      const sessions = app.dataSource.getRepository(AuthSession);
      const spent = await sessions.findOneByOrFail({ id: jwtId(first.refreshToken) });
      await sessions.update({ id: spent.id }, { rotatedAt: new Date(Date.now() - 10 * 60_000) });
      const replay = await refresh(first.refreshToken);
      expect(replay.status).toBe(401);
      expectErrorShape(replay.body, AuthErrorCode.RefreshTokenInvalid);
      const victim = await refresh(rotated.body.refreshToken);
      expect(victim.status).toBe(401);
      const alsoRevoked = await refresh(retried.body.refreshToken);
      expect(alsoRevoked.status).toBe(401);
    });

    it('refuses an access token, garbage and a missing token as refresh tokens', async () => {
      const tokens = (await login(wechatCodeFor('refresh-kinds'))).body;
      expectErrorShape((await refresh(tokens.accessToken)).body, AuthErrorCode.RefreshTokenInvalid);
      expectErrorShape((await refresh('abc')).body, CommonErrorCode.ValidationFailed);
      expectErrorShape(
        (await request('POST', `${app.baseUrl}/auth/refresh`, { body: {} })).body,
        CommonErrorCode.ValidationFailed,
      );
    });

    it('ends the session on logout, and logout is idempotent', async () => {
      const tokens = (await login(wechatCodeFor('leaver'))).body;
      const logout = () =>
        request('POST', `${app.baseUrl}/auth/logout`, { body: { refreshToken: tokens.refreshToken } });
      expect((await logout()).status).toBe(204);
      expect((await logout()).status).toBe(204);
      expectErrorShape((await refresh(tokens.refreshToken)).body, AuthErrorCode.RefreshTokenInvalid);
    });
  });

  describe('dev login', () => {
    it('lists the seeded demo users with their roles', async () => {
      const response = await request('GET', `${app.baseUrl}/auth/dev-users`);
      expect(response.status).toBe(200);
      const roles = new Set(response.body.flatMap((user: any) => user.roles.map((grant: any) => grant.role)));
      expect([...roles].sort()).toEqual(Object.values(Role).sort());
      expect(response.body[0]).toEqual(
        expect.objectContaining({ username: 'demo-worker', displayName: '张建国', description: expect.any(String) }),
      );
    });

    it('logs in as a demo user, whose /me shows their enterprise and roles', async () => {
      const tokens = await request('POST', `${app.baseUrl}/auth/dev-login`, { body: { username: 'demo-officer' } });
      expect(tokens.status).toBe(200);
      const me = await request('GET', `${app.baseUrl}/me`, { token: tokens.body.accessToken });
      expect(me.body).toEqual(
        expect.objectContaining({
          displayName: '王强',
          phone: '13800000011',
          enterprise: expect.objectContaining({ name: '河口煤业有限公司' }),
          roles: [expect.objectContaining({ role: Role.Officer, orgUnitName: '河口煤业有限公司' })],
        }),
      );
    });

    it('refuses an account that is not a demo user', async () => {
      await createUser(app.dataSource, { username: 'real-staff-account' });
      for (const username of ['real-staff-account', 'nobody']) {
        const response = await request('POST', `${app.baseUrl}/auth/dev-login`, { body: { username } });
        expect(response.status).toBe(404);
        expectErrorShape(response.body, AuthErrorCode.DevLoginUserNotFound);
      }
    });
  });
});

describe.each(testBackends())('identity settings on %s', (backend) => {
  it('has no dev login when it is disabled', async () => {
    const app = await startTestApp(backend, { DEV_LOGIN: 'false' });
    try {
      await seedDemoProvince(app.dataSource);
      const list = await request('GET', `${app.baseUrl}/auth/dev-users`);
      expect(list.status).toBe(404);
      expectErrorShape(list.body, AuthErrorCode.DevLoginDisabled);
      const login = await request('POST', `${app.baseUrl}/auth/dev-login`, { body: { username: 'demo-worker' } });
      expectErrorShape(login.body, AuthErrorCode.DevLoginDisabled);
    } finally {
      await app.close();
    }
  });

  it('rate-limits login per client address with 429 and retry-after', async () => {
    const app = await startTestApp(backend, { LOGIN_RATE_LIMIT_PER_MINUTE: '3' });
    try {
      const statuses: number[] = [];
      let last: Awaited<ReturnType<typeof request>> | undefined;
      for (let attempt = 0; attempt < 5; attempt += 1) {
        last = await request('POST', `${app.baseUrl}/auth/wechat-login`, {
          body: { code: wechatCodeFor(`burst-${attempt}`) },
        });
        statuses.push(last.status);
      }
      expect(statuses).toEqual([200, 200, 200, 429, 429]);
      expectErrorShape(last?.body, CommonErrorCode.RateLimited);
      expect(Number(last?.headers.get('retry-after'))).toBeGreaterThan(0);
    } finally {
      await app.close();
    }
  });
});

function jwtId(token: string): string {
  return JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()).jti;
}
