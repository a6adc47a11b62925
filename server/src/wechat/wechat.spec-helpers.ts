import type { FakeWechat } from '@ankang/fake-wechat';
import { AccessTokenHolder } from './access-token-holder';
import { WechatClient } from './wechat-client';
import { WechatHttp } from './wechat-http';
import type { WechatOptions } from './wechat-options';

/** Options pointing at a fake WeChat server, with retries fast enough for specs. */
export function fakeWechatOptions(fake: FakeWechat, overrides: Partial<WechatOptions> = {}): WechatOptions {
  return {
    appId: fake.appId,
    appSecret: fake.appSecret,
    apiBaseUrl: fake.url,
    timeoutMs: 2000,
    maxRetries: 2,
    retryDelayMs: 5,
    tokenRefreshMarginSeconds: 300,
    ...overrides,
  };
}

/** The client wired by hand as the module wires it, talking real HTTP to the fake. */
export function createWechatClient(fake: FakeWechat, overrides: Partial<WechatOptions> = {}) {
  const options = fakeWechatOptions(fake, overrides);
  const http = new WechatHttp(options);
  const holder = new AccessTokenHolder(options, http);
  return { client: new WechatClient(options, http, holder), holder };
}
