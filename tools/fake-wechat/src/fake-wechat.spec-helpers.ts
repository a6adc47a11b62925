import type { FakeWechat } from './fake-wechat';

/** Helpers the fake's own specs share: plain HTTP calls, as a client of WeChat would make them. */
export interface JsonReply {
  status: number;
  contentType: string;
  // biome-ignore lint/suspicious/noExplicitAny: specs read arbitrary WeChat fields
  body: any;
}

export async function getJson(fake: FakeWechat, path: string, query: Record<string, string> = {}): Promise<JsonReply> {
  const response = await fetch(`${fake.url}${path}?${new URLSearchParams(query)}`);
  return {
    status: response.status,
    contentType: response.headers.get('content-type') ?? '',
    body: await response.json(),
  };
}

export async function postRaw(
  fake: FakeWechat,
  path: string,
  body: string,
  query: Record<string, string> = {},
): Promise<Response> {
  return fetch(`${fake.url}${path}?${new URLSearchParams(query)}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body,
  });
}

export async function postJson(
  fake: FakeWechat,
  path: string,
  body: unknown,
  query: Record<string, string> = {},
): Promise<JsonReply> {
  const response = await postRaw(fake, path, JSON.stringify(body), query);
  return {
    status: response.status,
    contentType: response.headers.get('content-type') ?? '',
    body: await response.json(),
  };
}

export async function stableToken(fake: FakeWechat, forceRefresh = false): Promise<JsonReply> {
  return postJson(fake, '/cgi-bin/stable_token', {
    grant_type: 'client_credential',
    appid: fake.appId,
    secret: fake.appSecret,
    force_refresh: forceRefresh,
  });
}

export async function accessToken(fake: FakeWechat): Promise<string> {
  const reply = await stableToken(fake);
  return reply.body.access_token as string;
}

export async function codeToSession(fake: FakeWechat, jsCode: string): Promise<JsonReply> {
  return getJson(fake, '/sns/jscode2session', {
    appid: fake.appId,
    secret: fake.appSecret,
    js_code: jsCode,
    grant_type: 'authorization_code',
  });
}

export function sleep(milliseconds: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, milliseconds));
}
