import { type FakeWechat, startFakeWechat, WechatPath } from '@ankang/fake-wechat';
import { Logger } from '@nestjs/common';
import { createWechatClient } from './wechat.spec-helpers';
import { WechatApiError, WechatErrcode } from './wechat-errors';

const PHONE_CODE = 'phone:13800138000';

function sleep(milliseconds: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, milliseconds));
}

describe('AccessTokenHolder and calls with an access token', () => {
  let fake: FakeWechat;

  beforeAll(async () => {
    // Quiet: the holder's warnings are expected here.
    Logger.overrideLogger(false);
    fake = await startFakeWechat();
  });

  afterAll(async () => {
    await fake.close();
  });

  beforeEach(() => fake.reset());

  it('fetches the token once and reuses it', async () => {
    const { client } = createWechatClient(fake);

    for (let call = 0; call < 5; call += 1) {
      await client.getPhoneNumber(PHONE_CODE);
    }

    expect(fake.requestCount(WechatPath.StableToken)).toBe(1);
    expect(await client.getStableAccessToken()).toBe(fake.currentAccessToken());
    const [tokenRequest] = fake.requests(WechatPath.StableToken);
    expect(tokenRequest?.body).toEqual({
      grant_type: 'client_credential',
      appid: fake.appId,
      secret: fake.appSecret,
      force_refresh: false,
    });
  });

  it('makes exactly one stable_token request for 10 concurrent calls without a token', async () => {
    const { client } = createWechatClient(fake);

    const numbers = await Promise.all(Array.from({ length: 10 }, () => client.getPhoneNumber(PHONE_CODE)));

    expect(numbers.every((number) => number.purePhoneNumber === '13800138000')).toBe(true);
    expect(fake.requestCount(WechatPath.StableToken)).toBe(1);
    expect(fake.requestCount(WechatPath.PhoneNumber)).toBe(10);
  });

  it.each([
    ['expired (42001)', 'expireToken', 42001],
    ['invalidated (40001)', 'invalidateToken', 40001],
  ] as const)('refreshes an %s token exactly once and the call succeeds', async (_case, kind, errcode) => {
    const { client } = createWechatClient(fake);
    const before = await client.getStableAccessToken();
    fake.injectFault({ kind });

    await expect(client.getPhoneNumber(PHONE_CODE)).resolves.toMatchObject({ purePhoneNumber: '13800138000' });

    expect(fake.requestCount(WechatPath.StableToken)).toBe(2);
    expect(fake.requests(WechatPath.PhoneNumber).map((request) => request.errcode)).toEqual([errcode, 0]);
    expect(fake.forceRefreshCount()).toBe(0);
    expect(await client.getStableAccessToken()).not.toBe(before);
  });

  it('forces a refresh once when stable_token hands back the refused token', async () => {
    const { client } = createWechatClient(fake);
    await client.getStableAccessToken();
    fake.injectFault({ kind: 'rejectTokenUntilForceRefresh' });

    await expect(client.getPhoneNumber(PHONE_CODE)).resolves.toMatchObject({ purePhoneNumber: '13800138000' });

    const tokenRequests = fake.requests(WechatPath.StableToken).map((request) => request.body);
    expect(tokenRequests).toEqual([
      expect.objectContaining({ force_refresh: false }),
      expect.objectContaining({ force_refresh: false }),
      expect.objectContaining({ force_refresh: true }),
    ]);
    expect(fake.forceRefreshCount()).toBe(1);
  });

  it('shares one replacement between concurrent calls refused with the same token', async () => {
    const { client } = createWechatClient(fake);
    await client.getStableAccessToken();
    fake.injectFault({ kind: 'rejectTokenUntilForceRefresh' });

    await Promise.all(Array.from({ length: 10 }, () => client.getPhoneNumber(PHONE_CODE)));

    expect(fake.forceRefreshCount()).toBe(1);
    expect(fake.requestCount(WechatPath.StableToken)).toBe(3);
  });

  it('retries a refused call only once and never forces refreshes in a loop', async () => {
    const { client } = createWechatClient(fake);
    await client.getStableAccessToken();
    // WeChat refuses every token for the next four calls, whatever we do.
    fake.injectFault({ kind: 'errcode', errcode: 40001, count: 4, path: WechatPath.PhoneNumber });

    const first = await client.getPhoneNumber(PHONE_CODE).catch((caught: unknown) => caught);
    const second = await client.getPhoneNumber(PHONE_CODE).catch((caught: unknown) => caught);

    expect(first).toBeInstanceOf(WechatApiError);
    expect(first).toMatchObject({ errcode: WechatErrcode.InvalidCredential });
    expect(second).toMatchObject({ errcode: WechatErrcode.InvalidCredential });
    expect(fake.requestCount(WechatPath.PhoneNumber)).toBe(4);
    expect(fake.forceRefreshCount()).toBe(1);
  });

  it('refreshes the token the margin before it expires, before WeChat refuses it', async () => {
    const shortLived = await startFakeWechat({ tokenTtlSeconds: 2 });
    try {
      const { client } = createWechatClient(shortLived, { tokenRefreshMarginSeconds: 1 });
      const first = await client.getStableAccessToken();
      await client.getPhoneNumber(PHONE_CODE);
      expect(shortLived.requestCount(WechatPath.StableToken)).toBe(1);

      await sleep(1100);
      await client.getPhoneNumber(PHONE_CODE);

      expect(shortLived.requestCount(WechatPath.StableToken)).toBe(2);
      expect(await client.getStableAccessToken()).not.toBe(first);
      expect(shortLived.requests(WechatPath.PhoneNumber).map((request) => request.errcode)).toEqual([0, 0]);
    } finally {
      await shortLived.close();
    }
  });

  it('keeps using the held token when an early refresh fails while it is still valid', async () => {
    const shortLived = await startFakeWechat({ tokenTtlSeconds: 4 });
    try {
      const { client } = createWechatClient(shortLived, { tokenRefreshMarginSeconds: 2, maxRetries: 0 });
      const held = await client.getStableAccessToken();
      await sleep(2100);
      shortLived.injectFault({ kind: 'busy', path: WechatPath.StableToken });

      expect(await client.getStableAccessToken()).toBe(held);
      await expect(client.getPhoneNumber(PHONE_CODE)).resolves.toMatchObject({ countryCode: '86' });
    } finally {
      await shortLived.close();
    }
  });

  it('retries stable_token while WeChat is busy', async () => {
    const { client } = createWechatClient(fake);
    fake.injectFault({ kind: 'busy', count: 2, path: WechatPath.StableToken });

    const token = await client.getStableAccessToken();

    expect(token).toBe(fake.currentAccessToken());
    expect(fake.requestCount(WechatPath.StableToken)).toBe(3);
  });
});
