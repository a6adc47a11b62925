import { type FakeWechat, startFakeWechat } from './fake-wechat';
import { accessToken, codeToSession, getJson, postJson, stableToken } from './fake-wechat.spec-helpers';
import { connectFakeWechat } from './fake-wechat-remote';

const sessionPath = '/sns/jscode2session';
const tokenPath = '/cgi-bin/stable_token';

describe('faults, request log and control API', () => {
  let fake: FakeWechat;

  beforeAll(async () => {
    fake = await startFakeWechat();
  });

  afterAll(async () => {
    await fake.close();
  });

  beforeEach(() => fake.reset());

  describe('JS API', () => {
    it('answers the next N calls to one path with -1 and leaves other paths alone', async () => {
      fake.injectFault({ kind: 'busy', count: 2, path: sessionPath });

      expect((await stableToken(fake)).body.access_token).toEqual(expect.any(String));
      expect((await codeToSession(fake, 'user:alice')).body.errcode).toBe(-1);
      expect((await codeToSession(fake, 'user:alice')).body.errcode).toBe(-1);
      expect((await codeToSession(fake, 'user:alice')).body.openid).toBe(fake.openIdFor('alice'));
    });

    it('applies a fault without a path to whatever comes next', async () => {
      fake.injectFault({ kind: 'busy' });

      expect((await stableToken(fake)).body.errcode).toBe(-1);
      expect((await stableToken(fake)).body.errcode).toBeUndefined();
    });

    it('answers any errcode a test asks for', async () => {
      const token = await accessToken(fake);
      fake.injectFault({ kind: 'errcode', errcode: 43101, path: '/cgi-bin/message/subscribe/send' });

      const reply = await postJson(
        fake,
        '/cgi-bin/message/subscribe/send',
        { touser: fake.defaultOpenId, template_id: 't1', data: { thing1: { value: 'x' } } },
        { access_token: token },
      );
      expect(reply.body.errcode).toBe(43101);
    });

    it('adds latency to the calls of one path until reset', async () => {
      fake.injectFault({ kind: 'latency', ms: 300, path: tokenPath });

      const slowStart = Date.now();
      await stableToken(fake);
      await stableToken(fake);
      const slow = Date.now() - slowStart;
      const fastStart = Date.now();
      await codeToSession(fake, 'user:alice');
      const fast = Date.now() - fastStart;

      expect(slow).toBeGreaterThanOrEqual(590);
      expect(fast).toBeLessThan(250);
      fake.reset();
      const afterResetStart = Date.now();
      await stableToken(fake);
      expect(Date.now() - afterResetStart).toBeLessThan(250);
    });

    it('adds latency to a limited number of calls when given a count', async () => {
      fake.injectFault({ kind: 'latency', ms: 300, count: 1 });

      const firstStart = Date.now();
      await stableToken(fake);
      const first = Date.now() - firstStart;
      const secondStart = Date.now();
      await stableToken(fake);

      expect(first).toBeGreaterThanOrEqual(290);
      expect(Date.now() - secondStart).toBeLessThan(250);
    });

    it('drops the connection without an answer on disconnect', async () => {
      fake.injectFault({ kind: 'disconnect', path: tokenPath });

      await expect(stableToken(fake)).rejects.toThrow();
      expect((await stableToken(fake)).body.access_token).toEqual(expect.any(String));
    });

    it('records every call with its parsed query, body and answered errcode', async () => {
      await stableToken(fake);
      await stableToken(fake, true);
      await codeToSession(fake, 'invalid');

      expect(fake.requestCount(tokenPath)).toBe(2);
      expect(fake.requestCount()).toBe(3);
      expect(fake.requestCounts()).toEqual({ [tokenPath]: 2, [sessionPath]: 1 });
      expect(fake.requests(tokenPath)[1]?.body).toEqual(expect.objectContaining({ force_refresh: true }));
      expect(fake.requests(sessionPath)[0]).toEqual(
        expect.objectContaining({
          method: 'GET',
          query: expect.objectContaining({ js_code: 'invalid' }),
          errcode: 40029,
        }),
      );
    });

    it('resets tokens, spent codes, faults and the request log', async () => {
      const token = await accessToken(fake);
      await codeToSession(fake, 'user:alice');
      fake.injectFault({ kind: 'busy', count: 5 });

      fake.reset();

      expect(fake.requestCount()).toBe(0);
      expect(fake.currentAccessToken()).toBeNull();
      expect((await codeToSession(fake, 'user:alice')).body.openid).toBe(fake.openIdFor('alice'));
      expect((await accessToken(fake)) === token).toBe(false);
    });

    it('rejects a fault it does not understand', () => {
      expect(() => fake.injectFault({ kind: 'busy', count: 0 })).toThrow('count must be a positive integer');
      expect(() => fake.injectFault({ kind: 'nonsense' } as never)).toThrow('unknown fault kind');
    });

    it('closes promptly while a call sleeps in injected latency', async () => {
      const sleepy = await startFakeWechat();
      sleepy.injectFault({ kind: 'latency', ms: 60_000 });
      const pending = stableToken(sleepy);
      // Observed below; this only keeps the rejection from counting as unhandled meanwhile.
      pending.catch(() => undefined);
      while (sleepy.requestCount() === 0) {
        await new Promise((resolve) => setTimeout(resolve, 10));
      }

      const start = Date.now();
      await sleepy.close();

      expect(Date.now() - start).toBeLessThan(1000);
      await expect(pending).rejects.toThrow('fetch failed');
    });
  });

  describe('HTTP control API under /__fake/', () => {
    it('injects faults and lists them', async () => {
      const reply = await postJson(fake, '/__fake/faults', [
        { kind: 'busy', count: 2, path: sessionPath },
        { kind: 'latency', ms: 10 },
      ]);

      expect(reply.status).toBe(200);
      expect(reply.body.faults).toEqual([
        { kind: 'busy', count: 2, path: sessionPath, remaining: 2 },
        { kind: 'latency', ms: 10, remaining: null },
      ]);
      expect((await codeToSession(fake, 'user:alice')).body.errcode).toBe(-1);
    });

    it('answers 400 to a malformed fault', async () => {
      const reply = await postJson(fake, '/__fake/faults', { kind: 'latency', ms: -1 });

      expect(reply.status).toBe(400);
      expect(reply.body.error).toContain('ms');
    });

    it('applies token faults at once', async () => {
      const token = await accessToken(fake);
      await postJson(fake, '/__fake/faults', { kind: 'invalidateToken' });

      const reply = await postJson(
        fake,
        '/wxa/business/getuserphonenumber',
        { code: 'phone:1' },
        { access_token: token },
      );
      expect(reply.body.errcode).toBe(40001);
    });

    it('reports the recorded calls, optionally for one path, and never records its own routes', async () => {
      await stableToken(fake);
      await codeToSession(fake, 'user:alice');

      const all = await getJson(fake, '/__fake/requests');
      const tokens = await getJson(fake, '/__fake/requests', { path: tokenPath });

      expect(all.body.count).toBe(2);
      expect(all.body.counts).toEqual({ [tokenPath]: 1, [sessionPath]: 1 });
      expect(tokens.body.count).toBe(1);
      expect(tokens.body.requests[0].body).toEqual(expect.objectContaining({ grant_type: 'client_credential' }));
    });

    it('reports state without the secret, configures and resets', async () => {
      await stableToken(fake, true);

      const state = await getJson(fake, '/__fake/state');
      expect(state.body).toMatchObject({
        appId: fake.appId,
        forceRefreshCount: 1,
        accessToken: fake.currentAccessToken(),
      });
      expect(JSON.stringify(state.body)).not.toContain(fake.appSecret);

      expect(
        (await postJson(fake, '/__fake/config', { reviewWords: ['复核'] })).body.state.settings.reviewWords,
      ).toEqual(['复核']);
      expect((await postJson(fake, '/__fake/config', { tokenTtlSeconds: 0 })).status).toBe(400);

      expect((await postJson(fake, '/__fake/reset', {})).body).toEqual({ ok: true });
      expect(fake.requestCount()).toBe(0);
      expect(fake.forceRefreshCount()).toBe(0);
    });

    it('answers health checks and 404 for unknown control routes', async () => {
      expect((await getJson(fake, '/__fake/health')).body).toEqual({ ok: true, appId: fake.appId });
      expect((await getJson(fake, '/__fake/nothing')).status).toBe(404);
    });

    it('can be driven through connectFakeWechat from another process', async () => {
      const remote = connectFakeWechat(fake.url);

      await remote.injectFault({ kind: 'busy', path: tokenPath });
      expect((await stableToken(fake)).body.errcode).toBe(-1);
      expect(await remote.requestCount(tokenPath)).toBe(1);
      expect((await remote.state()).faults).toEqual([]);
      await remote.configure({ riskyWords: ['x'] });
      expect(fake.snapshot().settings.riskyWords).toEqual(['x']);
      await remote.reset();
      expect(fake.requestCount()).toBe(0);
      await expect(remote.injectFault({ kind: 'nonsense' } as never)).rejects.toThrow('400');
    });
  });
});
