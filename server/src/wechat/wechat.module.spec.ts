import { type FakeWechat, startFakeWechat } from '@ankang/fake-wechat';
import { Injectable, Logger, Module } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { WechatModule } from './wechat.module';
import { fakeWechatOptions } from './wechat.spec-helpers';
import { WechatClient } from './wechat-client';
import { WechatConfigurationError } from './wechat-errors';
import { WECHAT_OPTIONS, type WechatOptions } from './wechat-options';

const SETTINGS = Symbol('SETTINGS');

@Module({ providers: [{ provide: SETTINGS, useValue: { timeoutMs: 1500 } }], exports: [SETTINGS] })
class SettingsModule {}

/** A consumer in another module, to prove the client is available everywhere (global module). */
@Injectable()
class LoginConsumer {
  constructor(readonly wechat: WechatClient) {}
}

@Module({ providers: [LoginConsumer] })
class ConsumerModule {}

describe('WechatModule', () => {
  let fake: FakeWechat;

  beforeAll(async () => {
    Logger.overrideLogger(false);
    fake = await startFakeWechat();
  });

  afterAll(async () => {
    await fake.close();
  });

  function optionsFor(timeoutMs: number): WechatOptions {
    return fakeWechatOptions(fake, { timeoutMs, maxRetries: 1 });
  }

  it('builds the options from injected providers and gives every module the client', async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [
        WechatModule.forRootAsync({
          imports: [SettingsModule],
          inject: [SETTINGS],
          useFactory: (settings: { timeoutMs: number }) => optionsFor(settings.timeoutMs),
        }),
        ConsumerModule,
      ],
    }).compile();

    expect(moduleRef.get<WechatOptions>(WECHAT_OPTIONS).timeoutMs).toBe(1500);
    const consumer = moduleRef.get(LoginConsumer);
    expect(consumer.wechat).toBe(moduleRef.get(WechatClient));
    await expect(consumer.wechat.code2Session('user:module')).resolves.toMatchObject({
      openId: fake.openIdFor('module'),
    });
    await moduleRef.close();
  });

  it('registers fixed options with forRoot', async () => {
    const moduleRef = await Test.createTestingModule({ imports: [WechatModule.forRoot(optionsFor(800))] }).compile();

    expect(moduleRef.get(WechatClient).isConfigured()).toBe(true);
    await moduleRef.close();
  });

  it.each([
    ['an appid without a secret', { appSecret: null }],
    ['an empty appid', { appId: '', appSecret: '' }],
    ['a base URL that is not http', { apiBaseUrl: 'ftp://example.com' }],
    ['a negative retry count', { maxRetries: -1 }],
    ['a zero timeout', { timeoutMs: 0 }],
  ])('refuses to start with %s', async (_case, override) => {
    const building = Test.createTestingModule({
      imports: [WechatModule.forRootAsync({ useFactory: async () => ({ ...optionsFor(1000), ...override }) })],
    }).compile();

    await expect(building).rejects.toBeInstanceOf(WechatConfigurationError);
  });

  it('starts unconfigured when appid and secret are both null', async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [WechatModule.forRoot({ ...optionsFor(1000), appId: null, appSecret: null })],
    }).compile();

    expect(moduleRef.get(WechatClient).isConfigured()).toBe(false);
    await moduleRef.close();
  });
});
