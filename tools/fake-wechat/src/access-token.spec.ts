import { type FakeWechat, startFakeWechat } from './fake-wechat';
import { accessToken, postJson, postRaw, sleep, stableToken } from './fake-wechat.spec-helpers';

const phonePath = '/wxa/business/getuserphonenumber';

async function usePhoneEndpoint(fake: FakeWechat, token: string | undefined): Promise<number> {
  const reply = await postJson(
    fake,
    phonePath,
    { code: 'phone:13800138000' },
    token === undefined ? {} : { access_token: token },
  );
  return reply.body.errcode as number;
}

describe('POST /cgi-bin/stable_token and access tokens', () => {
  let fake: FakeWechat;

  beforeAll(async () => {
    fake = await startFakeWechat();
  });

  afterAll(async () => {
    await fake.close();
  });

  beforeEach(() => fake.reset());

  it('issues a token valid for 7200 s and hands out the same one while it is valid', async () => {
    const first = await stableToken(fake);
    const second = await stableToken(fake);

    expect(first.body).toEqual({ access_token: expect.any(String), expires_in: 7200 });
    expect(second.body.access_token).toBe(first.body.access_token);
    expect(second.body.expires_in).toBeLessThanOrEqual(7200);
    expect(fake.currentAccessToken()).toBe(first.body.access_token);
    expect(await usePhoneEndpoint(fake, first.body.access_token)).toBe(0);
  });

  it('takes the token lifetime from the options', async () => {
    const shortLived = await startFakeWechat({ tokenTtlSeconds: 60 });
    try {
      expect((await stableToken(shortLived)).body.expires_in).toBe(60);
    } finally {
      await shortLived.close();
    }
  });

  it('rotates the token on force_refresh, invalidating the old one, and counts forced refreshes', async () => {
    const old = await accessToken(fake);
    const forced = await stableToken(fake, true);

    expect(forced.body.access_token).not.toBe(old);
    expect(await usePhoneEndpoint(fake, old)).toBe(40001);
    expect(await usePhoneEndpoint(fake, forced.body.access_token)).toBe(0);
    expect(fake.forceRefreshCount()).toBe(1);
  });

  it('answers 45009 once the forced refreshes of the day are spent', async () => {
    const limited = await startFakeWechat({ forceRefreshDailyLimit: 2 });
    try {
      expect((await stableToken(limited, true)).body.access_token).toEqual(expect.any(String));
      expect((await stableToken(limited, true)).body.access_token).toEqual(expect.any(String));
      expect((await stableToken(limited, true)).body.errcode).toBe(45009);
      expect(limited.forceRefreshCount()).toBe(2);
    } finally {
      await limited.close();
    }
  });

  it('answers 42001 for an expired token and issues a new one afterwards', async () => {
    const shortLived = await startFakeWechat({ tokenTtlSeconds: 1 });
    try {
      const old = await accessToken(shortLived);
      await sleep(1100);

      expect(await usePhoneEndpoint(shortLived, old)).toBe(42001);
      const renewed = await accessToken(shortLived);
      expect(renewed).not.toBe(old);
      expect(await usePhoneEndpoint(shortLived, renewed)).toBe(0);
    } finally {
      await shortLived.close();
    }
  });

  it('renews in normal mode near expiry while the old token stays valid until it expires', async () => {
    const shortLived = await startFakeWechat({ tokenTtlSeconds: 4, tokenRenewWindowSeconds: 3 });
    try {
      const old = await accessToken(shortLived);
      await sleep(1100);
      const renewed = await stableToken(shortLived);

      expect(renewed.body.access_token).not.toBe(old);
      expect(renewed.body.expires_in).toBe(4);
      expect(await usePhoneEndpoint(shortLived, old)).toBe(0);
    } finally {
      await shortLived.close();
    }
  });

  it('answers 40001 for an unknown token and 41001 without one', async () => {
    expect(await usePhoneEndpoint(fake, 'made-up')).toBe(40001);
    expect(await usePhoneEndpoint(fake, undefined)).toBe(41001);
  });

  it('expireToken makes the current token answer 42001', async () => {
    const token = await accessToken(fake);
    fake.injectFault({ kind: 'expireToken' });

    expect(await usePhoneEndpoint(fake, token)).toBe(42001);
    expect(await accessToken(fake)).not.toBe(token);
  });

  it('invalidateToken makes the current token answer 40001 and the next normal call issue a new one', async () => {
    const token = await accessToken(fake);
    fake.injectFault({ kind: 'invalidateToken' });

    expect(await usePhoneEndpoint(fake, token)).toBe(40001);
    const next = await accessToken(fake);
    expect(next).not.toBe(token);
    expect(await usePhoneEndpoint(fake, next)).toBe(0);
    expect(fake.forceRefreshCount()).toBe(0);
  });

  it('rejectTokenUntilForceRefresh keeps handing out the rejected token until a forced refresh', async () => {
    const token = await accessToken(fake);
    fake.injectFault({ kind: 'rejectTokenUntilForceRefresh' });

    expect(await usePhoneEndpoint(fake, token)).toBe(40001);
    expect(await accessToken(fake)).toBe(token);
    const forced = await stableToken(fake, true);
    expect(await usePhoneEndpoint(fake, forced.body.access_token)).toBe(0);
  });

  it.each([
    ['a wrong grant_type', { grant_type: 'authorization_code' }, 40002],
    ['a wrong appid', { appid: 'wx0000000000000bad' }, 40013],
    ['a wrong secret', { secret: 'wrong' }, 40125],
  ])('answers %s with %i', async (_case, override, errcode) => {
    const reply = await postJson(fake, '/cgi-bin/stable_token', {
      grant_type: 'client_credential',
      appid: fake.appId,
      secret: fake.appSecret,
      ...override,
    });

    expect(reply.body.errcode).toBe(errcode);
  });

  it('answers 47001 to a body that is not JSON and 43002 to a GET', async () => {
    const notJson = await postRaw(fake, '/cgi-bin/stable_token', 'grant_type=client_credential');
    const get = await fetch(`${fake.url}/cgi-bin/stable_token`);

    expect(((await notJson.json()) as { errcode: number }).errcode).toBe(47001);
    expect(((await get.json()) as { errcode: number }).errcode).toBe(43002);
  });
});
