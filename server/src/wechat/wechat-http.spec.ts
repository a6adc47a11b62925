import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Logger } from '@nestjs/common';
import { WechatApiError, WechatConfigurationError, WechatResponseError, WechatUnavailableError } from './wechat-errors';
import { type WechatCall, WechatHttp } from './wechat-http';

/** A server whose answers each spec scripts, for what the fake WeChat never does (5xx, non-JSON). */
async function scriptedServer(
  answers: Array<{ status: number; contentType: string; body: string }>,
): Promise<{ url: string; server: Server; received: () => number }> {
  let received = 0;
  const server = createServer((request, response) => {
    request.resume();
    const answer = answers[Math.min(received, answers.length - 1)];
    received += 1;
    response.writeHead(answer?.status ?? 500, { 'Content-Type': answer?.contentType ?? 'text/plain' });
    response.end(answer?.body ?? '');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, server, received: () => received };
}

function httpFor(url: string): WechatHttp {
  return new WechatHttp({
    appId: 'wx0000000000000001',
    appSecret: 'secret',
    apiBaseUrl: `${url}/`,
    timeoutMs: 1000,
    maxRetries: 2,
    retryDelayMs: 5,
    tokenRefreshMarginSeconds: 300,
  });
}

const repeatableCall: WechatCall = {
  api: 'msg_sec_check',
  method: 'POST',
  path: '/wxa/msg_sec_check',
  body: {},
  repeatable: true,
};

describe('WechatHttp', () => {
  const servers: Server[] = [];

  beforeAll(() => Logger.overrideLogger(false));

  afterEach(async () => {
    await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
  });

  async function serve(answers: Array<{ status: number; contentType: string; body: string }>) {
    const scripted = await scriptedServer(answers);
    servers.push(scripted.server);
    return scripted;
  }

  it('retries an HTTP 5xx of a repeatable call and takes the answer that follows', async () => {
    const scripted = await serve([
      { status: 502, contentType: 'text/html', body: '<html>bad gateway</html>' },
      { status: 200, contentType: 'application/json', body: '{"errcode":0,"errmsg":"ok"}' },
    ]);

    await expect(httpFor(scripted.url).sendJson(repeatableCall)).resolves.toEqual({ errcode: 0, errmsg: 'ok' });
    expect(scripted.received()).toBe(2);
  });

  it('does not repeat a non-repeatable call after an HTTP 5xx', async () => {
    const scripted = await serve([{ status: 503, contentType: 'text/html', body: 'unavailable' }]);

    await expect(httpFor(scripted.url).sendJson({ ...repeatableCall, repeatable: false })).rejects.toMatchObject({
      constructor: WechatUnavailableError,
      reason: 'server-error',
      attempts: 1,
    });
    expect(scripted.received()).toBe(1);
  });

  it('reads JSON whatever the content type says', async () => {
    const scripted = await serve([
      { status: 200, contentType: 'text/plain', body: '{"openid":"o1","session_key":"k"}' },
    ]);

    await expect(httpFor(scripted.url).sendJson(repeatableCall)).resolves.toEqual({ openid: 'o1', session_key: 'k' });
  });

  it('throws WechatResponseError for an answer that is not JSON', async () => {
    const scripted = await serve([{ status: 200, contentType: 'text/html', body: '<html>portal</html>' }]);

    await expect(httpFor(scripted.url).sendJson(repeatableCall)).rejects.toBeInstanceOf(WechatResponseError);
    expect(scripted.received()).toBe(1);
  });

  it('types configuration errcodes apart from the others', async () => {
    const scripted = await serve([
      { status: 200, contentType: 'application/json', body: '{"errcode":40164,"errmsg":"invalid ip"}' },
    ]);
    const other = await serve([
      { status: 200, contentType: 'application/json', body: '{"errcode":45009,"errmsg":"quota"}' },
    ]);

    await expect(httpFor(scripted.url).sendJson(repeatableCall)).rejects.toMatchObject({
      constructor: WechatConfigurationError,
      errcode: 40164,
    });
    await expect(httpFor(other.url).sendJson(repeatableCall)).rejects.toMatchObject({
      constructor: WechatApiError,
      errcode: 45009,
      errmsg: 'quota',
      api: 'msg_sec_check',
    });
  });

  it('answers image bytes only for calls that accept an image', async () => {
    const scripted = await serve([{ status: 200, contentType: 'image/jpeg; charset=binary', body: 'JFIF' }]);
    const http = httpFor(scripted.url);

    await expect(http.send({ ...repeatableCall, acceptsImage: true })).resolves.toEqual({
      kind: 'image',
      image: { contentType: 'image/jpeg', data: Buffer.from('JFIF') },
    });
    await expect(http.sendJson(repeatableCall)).rejects.toBeInstanceOf(WechatResponseError);
  });
});
