import { type FakeWechat, startFakeWechat, WechatPath } from '@ankang/fake-wechat';
import { Logger, type LoggerService } from '@nestjs/common';
import { createWechatClient } from './wechat.spec-helpers';
import { WechatClient } from './wechat-client';
import {
  WechatApiError,
  WechatConfigurationError,
  WechatErrcode,
  WechatNotConfiguredError,
  WechatUnavailableError,
} from './wechat-errors';
import type { WechatOptions } from './wechat-options';
import { TextCheckScene } from './wechat-types';

/** Collects what the client logs, so specs stay quiet and can check nothing secret is written. */
class CapturingLogger implements LoggerService {
  readonly lines: string[] = [];
  log(...parts: unknown[]) {
    this.lines.push(parts.map(String).join(' '));
  }
  error(...parts: unknown[]) {
    this.log(...parts);
  }
  warn(...parts: unknown[]) {
    this.log(...parts);
  }
  debug(...parts: unknown[]) {
    this.log(...parts);
  }
  verbose(...parts: unknown[]) {
    this.log(...parts);
  }
}

function createClient(fake: FakeWechat, overrides: Partial<WechatOptions> = {}): WechatClient {
  return createWechatClient(fake, overrides).client;
}

describe('WechatClient', () => {
  let fake: FakeWechat;
  let client: WechatClient;
  const logger = new CapturingLogger();

  beforeAll(async () => {
    Logger.overrideLogger(logger);
    fake = await startFakeWechat();
  });

  afterAll(async () => {
    await fake.close();
  });

  beforeEach(() => {
    fake.reset();
    logger.lines.length = 0;
    client = createClient(fake);
  });

  describe('code2Session', () => {
    it('answers the openid and session key of the code', async () => {
      const session = await client.code2Session('user:alice');

      expect(session).toEqual({ openId: fake.openIdFor('alice'), sessionKey: expect.any(String) });
      expect(session.sessionKey).not.toBe('');
    });

    it('passes the unionid on when WeChat gives one', async () => {
      const session = await client.code2Session('union:bob');

      expect(session.unionId).toBe(fake.unionIdFor('bob'));
    });

    it.each([
      ['invalid', WechatErrcode.InvalidCode],
      ['used', WechatErrcode.CodeAlreadyUsed],
      ['ratelimit', WechatErrcode.RateLimited],
      ['risky', WechatErrcode.HighRiskUser],
    ])('throws a WechatApiError for a %s code, without retrying', async (code, errcode) => {
      const error = await client.code2Session(code).catch((caught: unknown) => caught);

      expect(error).toBeInstanceOf(WechatApiError);
      expect(error).toMatchObject({ errcode, api: 'jscode2session' });
      expect(fake.requestCount(WechatPath.CodeToSession)).toBe(1);
    });

    it('throws 40163 for a code used twice', async () => {
      await client.code2Session('user:alice');

      await expect(client.code2Session('user:alice')).rejects.toMatchObject({ errcode: WechatErrcode.CodeAlreadyUsed });
    });

    it('retries while WeChat is busy and then succeeds', async () => {
      fake.injectFault({ kind: 'busy', count: 2, path: WechatPath.CodeToSession });

      const session = await client.code2Session('user:patient');

      expect(session.openId).toBe(fake.openIdFor('patient'));
      expect(fake.requestCount(WechatPath.CodeToSession)).toBe(3);
    });

    it('gives up with WechatUnavailableError after maxRetries when WeChat stays busy', async () => {
      fake.injectFault({ kind: 'busy', count: 10, path: WechatPath.CodeToSession });

      const error = await client.code2Session('user:unlucky').catch((caught: unknown) => caught);

      expect(error).toBeInstanceOf(WechatUnavailableError);
      expect(error).toMatchObject({ reason: 'busy', attempts: 3 });
      expect(fake.requestCount(WechatPath.CodeToSession)).toBe(3);
    });

    it('does not repeat a timed-out exchange, since WeChat may have spent the code', async () => {
      const impatient = createClient(fake, { timeoutMs: 200 });
      fake.injectFault({ kind: 'latency', ms: 1000, path: WechatPath.CodeToSession });

      const error = await impatient.code2Session('user:slow').catch((caught: unknown) => caught);

      expect(error).toBeInstanceOf(WechatUnavailableError);
      expect(error).toMatchObject({ reason: 'timeout', attempts: 1 });
      expect(fake.requestCount(WechatPath.CodeToSession)).toBe(1);
    });

    it('does not repeat an exchange whose connection dropped', async () => {
      fake.injectFault({ kind: 'disconnect', path: WechatPath.CodeToSession });

      await expect(client.code2Session('user:dropped')).rejects.toMatchObject({ reason: 'network', attempts: 1 });
      expect(fake.requestCount(WechatPath.CodeToSession)).toBe(1);
    });

    it('throws WechatConfigurationError for a wrong appid or secret', async () => {
      const wrongSecret = createClient(fake, { appSecret: 'wrong' });
      const wrongAppId = createClient(fake, { appId: 'wx0000000000000bad' });

      await expect(wrongSecret.code2Session('user:alice')).rejects.toMatchObject({
        constructor: WechatConfigurationError,
        errcode: WechatErrcode.InvalidAppSecret,
      });
      await expect(wrongAppId.code2Session('user:alice')).rejects.toMatchObject({
        constructor: WechatConfigurationError,
        errcode: WechatErrcode.InvalidAppId,
      });
    });

    it('never logs the secret, the code or the session key', async () => {
      fake.injectFault({ kind: 'busy', count: 1, path: WechatPath.CodeToSession });
      const session = await client.code2Session('user:secretive:code-1');
      await client.code2Session('invalid:code-2').catch(() => undefined);

      expect(logger.lines.length).toBeGreaterThan(0);
      const logged = logger.lines.join('\n');
      expect(logged).not.toContain(fake.appSecret);
      expect(logged).not.toContain(session.sessionKey);
      expect(logged).not.toContain('code-1');
      expect(logged).not.toContain('code-2');
    });
  });

  describe('when WeChat is not configured', () => {
    it('says so and fails every call with WechatNotConfiguredError without calling WeChat', async () => {
      const unconfigured = createClient(fake, { appId: null, appSecret: null });

      expect(unconfigured.isConfigured()).toBe(false);
      expect(client.isConfigured()).toBe(true);
      await expect(unconfigured.code2Session('user:alice')).rejects.toBeInstanceOf(WechatNotConfiguredError);
      await expect(unconfigured.getStableAccessToken()).rejects.toBeInstanceOf(WechatNotConfiguredError);
      await expect(unconfigured.getPhoneNumber('phone:13800138000')).rejects.toBeInstanceOf(WechatNotConfiguredError);
      await expect(unconfigured.checkText('text', fake.defaultOpenId, TextCheckScene.Comment)).rejects.toBeInstanceOf(
        WechatConfigurationError,
      );
      expect(fake.requestCount()).toBe(0);
    });
  });

  describe('getPhoneNumber', () => {
    it('answers the phone number of the code', async () => {
      await expect(client.getPhoneNumber('phone:13800138000')).resolves.toEqual({
        phoneNumber: '13800138000',
        purePhoneNumber: '13800138000',
        countryCode: '86',
      });
    });

    it('throws WechatApiError 40029 for an invalid code', async () => {
      await expect(client.getPhoneNumber('nonsense')).rejects.toMatchObject({
        constructor: WechatApiError,
        errcode: WechatErrcode.InvalidCode,
        api: 'getuserphonenumber',
      });
    });
  });

  describe('checkText', () => {
    it('passes ordinary text and flags a risky word', async () => {
      const clean = await client.checkText('三号车间通道堆放杂物', fake.defaultOpenId, TextCheckScene.Comment);
      const risky = await client.checkText('这里有违禁词', fake.defaultOpenId, TextCheckScene.Comment);

      expect(clean).toEqual({ suggest: 'pass', label: 100, traceId: expect.any(String) });
      expect(risky.suggest).toBe('risky');
    });

    it('answers pass for blank text without asking WeChat', async () => {
      await expect(client.checkText('  ', fake.defaultOpenId, TextCheckScene.Comment)).resolves.toEqual({
        suggest: 'pass',
        label: 100,
        traceId: null,
      });
      expect(fake.requestCount(WechatPath.TextCheck)).toBe(0);
    });

    it('checks text over 2500 characters in pieces and reports the worst', async () => {
      const text = `${'安'.repeat(3000)}违禁词`;

      const result = await client.checkText(text, fake.defaultOpenId, TextCheckScene.Forum);

      expect(result.suggest).toBe('risky');
      expect(fake.requestCount(WechatPath.TextCheck)).toBe(2);
      for (const request of fake.requests(WechatPath.TextCheck)) {
        expect([...(request.body as { content: string }).content].length).toBeLessThanOrEqual(2500);
      }
    });

    it('repeats a timed-out check, which is safe to repeat', async () => {
      const impatient = createClient(fake, { timeoutMs: 200 });
      await impatient.getStableAccessToken();
      fake.injectFault({ kind: 'latency', ms: 1000, count: 1, path: WechatPath.TextCheck });

      const result = await impatient.checkText('text', fake.defaultOpenId, TextCheckScene.Comment);

      expect(result.suggest).toBe('pass');
      expect(fake.requestCount(WechatPath.TextCheck)).toBe(2);
    });

    it('fails with WechatUnavailableError when every attempt times out', async () => {
      const impatient = createClient(fake, { timeoutMs: 150, maxRetries: 1 });
      await impatient.getStableAccessToken();
      fake.injectFault({ kind: 'latency', ms: 1000, path: WechatPath.TextCheck });

      await expect(impatient.checkText('text', fake.defaultOpenId, TextCheckScene.Comment)).rejects.toMatchObject({
        constructor: WechatUnavailableError,
        reason: 'timeout',
        attempts: 2,
      });
      expect(fake.requestCount(WechatPath.TextCheck)).toBe(2);
    });
  });

  describe('sendSubscribeMessage', () => {
    it('sends the message with values cut to WeChat limits', async () => {
      await client.sendSubscribeMessage({
        toOpenId: fake.defaultOpenId,
        templateId: 'notice-template',
        page: 'pages/notice/detail?id=9',
        data: { thing1: '关于夏季高温天气户外作业防暑降温工作的紧急通知', time2: '2025-07-01 08:30' },
        miniProgramState: 'developer',
      });

      const [request] = fake.requests(WechatPath.SubscribeSend);
      expect(request?.errcode).toBe(0);
      expect(request?.body).toEqual({
        touser: fake.defaultOpenId,
        template_id: 'notice-template',
        page: 'pages/notice/detail?id=9',
        data: { thing1: { value: '关于夏季高温天气户外作业防暑降温工作的…' }, time2: { value: '2025-07-01 08:30' } },
        miniprogram_state: 'developer',
        lang: 'zh_CN',
      });
    });

    it('throws 43101 when the user refused, without retrying', async () => {
      fake.injectFault({ kind: 'errcode', errcode: WechatErrcode.SubscriptionRefused, path: WechatPath.SubscribeSend });

      await expect(
        client.sendSubscribeMessage({ toOpenId: fake.defaultOpenId, templateId: 't', data: { thing1: 'x' } }),
      ).rejects.toMatchObject({ errcode: WechatErrcode.SubscriptionRefused });
      expect(fake.requestCount(WechatPath.SubscribeSend)).toBe(1);
    });

    it('never repeats a message whose outcome is unknown', async () => {
      const impatient = createClient(fake, { timeoutMs: 200 });
      await impatient.getStableAccessToken();
      fake.injectFault({ kind: 'latency', ms: 1000, path: WechatPath.SubscribeSend });

      await expect(
        impatient.sendSubscribeMessage({ toOpenId: fake.defaultOpenId, templateId: 't', data: { thing1: 'x' } }),
      ).rejects.toBeInstanceOf(WechatUnavailableError);
      expect(fake.requestCount(WechatPath.SubscribeSend)).toBe(1);
    });
  });

  describe('getUnlimitedQrCode', () => {
    it('answers the image bytes and their content type', async () => {
      const image = await client.getUnlimitedQrCode({ scene: 'w=ABC123', page: 'pages/workplace/index', width: 280 });

      expect(image.contentType).toBe('image/png');
      expect(image.data.subarray(1, 4).toString('ascii')).toBe('PNG');
      expect(image.data.readUInt32BE(16)).toBe(280);
    });

    it('throws WeChat errors for bad arguments', async () => {
      await expect(client.getUnlimitedQrCode({ scene: 'x'.repeat(33) })).rejects.toMatchObject({
        errcode: WechatErrcode.SceneTooLong,
      });
      await expect(client.getUnlimitedQrCode({ scene: 'w=1', page: '/pages/workplace/index' })).rejects.toMatchObject({
        errcode: WechatErrcode.InvalidPage,
      });
    });
  });

  describe('when WeChat cannot be reached', () => {
    it('retries a refused connection and then fails with WechatUnavailableError', async () => {
      const closed = await startFakeWechat();
      const unreachableUrl = closed.url;
      await closed.close();
      const unreachable = createClient(fake, { apiBaseUrl: unreachableUrl, maxRetries: 1 });

      const error = await unreachable.code2Session('user:alice').catch((caught: unknown) => caught);

      expect(error).toBeInstanceOf(WechatUnavailableError);
      // Nothing was sent, so even the single-use code exchange is tried again.
      expect(error).toMatchObject({ reason: 'unreachable', attempts: 2 });
    });
  });
});
