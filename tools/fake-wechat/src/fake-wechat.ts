import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { endpoints, WechatPath } from './endpoints';
import { type FakeSettings, FakeState, type RecordedRequest, type SubscribeCounts } from './fake-state';
import { type CallFault, type FakeFault, FaultValidationError, isTokenFault, parseFault } from './faults';
import { DEVELOPER_USER_NAME, openIdFor, unionIdFor } from './identities';
import { errorBody, FakeErrcode } from './wechat-errcodes';

export const DEFAULT_APP_ID = 'wx00000000000000a1';
export const DEFAULT_APP_SECRET = 'fakewechatsecret0000000000000000';
export const DEFAULT_RISKY_WORDS: readonly string[] = ['[risky]', '违禁词'];
export const DEFAULT_REVIEW_WORDS: readonly string[] = ['[review]'];
export const CONTROL_PREFIX = '/__fake/';

const maximumBodyBytes = 1024 * 1024;

export interface FakeWechatOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  host?: string;
  appId?: string;
  appSecret?: string;
  /** Lifetime of issued access tokens; WeChat's is 7200. */
  tokenTtlSeconds?: number;
  /** Normal-mode stable_token issues a new token when the current one has this little left; default min(300, ttl / 2). */
  tokenRenewWindowSeconds?: number;
  /** Forced refreshes allowed before 45009 (WeChat allows 20 a day); counted until reset. */
  forceRefreshDailyLimit?: number;
  riskyWords?: string[];
  reviewWords?: string[];
  /** Seed of probabilistic faults (default 1). */
  faultSeed?: number;
  /** Keep at most this many calls in the request log (default: all). */
  requestLogLimit?: number | null;
  /** Keep call bodies in the request log (default true). */
  recordBodies?: boolean;
}

/** The settings `configure()` and `POST /__fake/config` may change at run time. */
export type FakeRuntimeSettings = Partial<Omit<FakeSettings, 'appId' | 'appSecret'>>;

export interface FakeStateSnapshot {
  appId: string;
  accessToken: string | null;
  forceRefreshCount: number;
  usedJsCodeCount: number;
  faults: ReturnType<FakeState['faults']['list']>;
  settings: Omit<FakeSettings, 'appSecret'>;
}

interface Sleeper {
  timer: NodeJS.Timeout;
  resolve: (continued: boolean) => void;
}

type ParsedBody = { ok: true; value: unknown } | { ok: false };

function parseJson(text: string): ParsedBody {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maximumBodyBytes) {
        reject(new Error('body too large'));
        request.destroy();
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function sendJson(response: ServerResponse, body: unknown, status = 200): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
  });
  response.end(text);
}

function parseRuntimeSettings(value: unknown): FakeRuntimeSettings {
  if (!isPlainObject(value)) {
    throw new FaultValidationError('settings must be an object');
  }
  const settings: FakeRuntimeSettings = {};
  for (const key of ['riskyWords', 'reviewWords'] as const) {
    const words = value[key];
    if (words !== undefined) {
      if (!Array.isArray(words) || !words.every((word) => typeof word === 'string' && word !== '')) {
        throw new FaultValidationError(`${key} must be an array of non-empty strings`);
      }
      settings[key] = words as string[];
    }
  }
  for (const key of ['tokenTtlSeconds', 'tokenRenewWindowSeconds', 'forceRefreshDailyLimit'] as const) {
    const number = value[key];
    if (number !== undefined) {
      if (typeof number !== 'number' || !Number.isInteger(number) || number < (key === 'tokenTtlSeconds' ? 1 : 0)) {
        throw new FaultValidationError(
          `${key} must be a ${key === 'tokenTtlSeconds' ? 'positive' : 'non-negative'} integer`,
        );
      }
      settings[key] = number;
    }
  }
  if (value.faultSeed !== undefined) {
    if (typeof value.faultSeed !== 'number' || !Number.isSafeInteger(value.faultSeed)) {
      throw new FaultValidationError('faultSeed must be an integer');
    }
    settings.faultSeed = value.faultSeed;
  }
  if (value.requestLogLimit !== undefined) {
    const limit = value.requestLogLimit;
    if (limit !== null && (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 0)) {
      throw new FaultValidationError('requestLogLimit must be a non-negative integer or null (no limit)');
    }
    settings.requestLogLimit = limit;
  }
  if (value.recordBodies !== undefined) {
    if (typeof value.recordBodies !== 'boolean') throw new FaultValidationError('recordBodies must be true or false');
    settings.recordBodies = value.recordBodies;
  }
  return settings;
}

/** A running fake WeChat server; see README.md. */
export class FakeWechat {
  readonly url: string;
  readonly port: number;
  readonly host: string;
  /** The openid every code outside the grammar (e.g. a real DevTools `wx.login` code) logs in as. */
  readonly defaultOpenId: string;
  private state: FakeState;
  private readonly sleepers = new Set<Sleeper>();
  private closed = false;

  /** Use `startFakeWechat()`. */
  constructor(
    private readonly server: Server,
    private readonly initialSettings: FakeSettings,
  ) {
    const address = server.address() as AddressInfo;
    this.port = address.port;
    this.host = address.address;
    const urlHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
    this.url = `http://${urlHost}:${address.port}`;
    this.state = new FakeState(initialSettings);
    this.defaultOpenId = openIdFor(initialSettings.appId, DEVELOPER_USER_NAME);
    server.on('request', (request: IncomingMessage, response: ServerResponse) => {
      this.handle(request, response).catch((error: unknown) => {
        if (!response.headersSent) {
          sendJson(response, { error: error instanceof Error ? error.message : String(error) }, 500);
        }
      });
    });
  }

  get appId(): string {
    return this.state.settings.appId;
  }

  get appSecret(): string {
    return this.state.settings.appSecret;
  }

  /** The openid that `user:<name>` logs in as. */
  openIdFor(name: string): string {
    return openIdFor(this.state.settings.appId, name);
  }

  /** The unionid that `union:<name>` returns. */
  unionIdFor(name: string): string {
    return unionIdFor(name);
  }

  /** Calls received (control API excluded), oldest first, optionally only those to one path. */
  requests(path?: string): RecordedRequest[] {
    return this.state.requests.filter((request) => path === undefined || request.path === path);
  }

  requestCount(path?: string): number {
    return this.requests(path).length;
  }

  /** Calls received per path. */
  requestCounts(): Record<string, number> {
    const counts: Record<string, number> = {};
    for (const request of this.state.requests) {
      counts[request.path] = (counts[request.path] ?? 0) + 1;
    }
    return counts;
  }

  /** Token faults act at once; call faults wait for the calls they match. */
  injectFault(fault: FakeFault | FakeFault[]): void {
    const faults = (Array.isArray(fault) ? fault : [fault]).map(parseFault);
    for (const parsed of faults) {
      if (isTokenFault(parsed)) {
        this.applyTokenFault(parsed.kind);
      } else {
        this.state.faults.add(parsed as CallFault);
      }
    }
  }

  /** The fake's own tally of subscribe messages: calls, accepted, distinct accepted, duplicates. */
  subscribeCounts(): SubscribeCounts {
    return this.state.subscribeCounts();
  }

  currentAccessToken(): string | null {
    return this.state.tokens.currentToken;
  }

  forceRefreshCount(): number {
    return this.state.tokens.forceRefreshCount;
  }

  configure(settings: FakeRuntimeSettings): void {
    this.state.configure(parseRuntimeSettings(settings));
  }

  snapshot(): FakeStateSnapshot {
    const { appSecret: _secret, ...settings } = this.state.settings;
    return {
      appId: this.state.settings.appId,
      accessToken: this.state.tokens.currentToken,
      forceRefreshCount: this.state.tokens.forceRefreshCount,
      usedJsCodeCount: this.state.usedJsCodes.size,
      faults: this.state.faults.list(),
      settings,
    };
  }

  /** Back to the state at start: no tokens, no used codes, no faults, no recorded calls, start settings. */
  reset(): void {
    this.state = new FakeState(this.initialSettings);
  }

  async close(): Promise<void> {
    if (this.closed) {
      return;
    }
    this.closed = true;
    for (const sleeper of this.sleepers) {
      clearTimeout(sleeper.timer);
      sleeper.resolve(false);
    }
    this.sleepers.clear();
    const closing = new Promise<void>((resolve) => this.server.close(() => resolve()));
    this.server.closeAllConnections();
    await closing;
  }

  private applyTokenFault(kind: 'expireToken' | 'invalidateToken' | 'rejectTokenUntilForceRefresh'): void {
    const tokens = this.state.tokens;
    if (kind === 'expireToken') tokens.expireCurrent();
    else if (kind === 'invalidateToken') tokens.invalidateCurrent();
    else tokens.rejectCurrentUntilForceRefresh();
  }

  /** Resolves false when the fake closes first, so the call is dropped rather than answered late. */
  private sleep(milliseconds: number): Promise<boolean> {
    return new Promise((resolve) => {
      const sleeper: Sleeper = {
        timer: setTimeout(() => {
          this.sleepers.delete(sleeper);
          resolve(true);
        }, milliseconds),
        resolve,
      };
      this.sleepers.add(sleeper);
    });
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://fake-wechat');
    const path = url.pathname;
    const query = Object.fromEntries(url.searchParams);
    let rawBody: string;
    try {
      rawBody = await readBody(request);
    } catch {
      sendJson(response, { error: 'body too large' }, 413);
      return;
    }
    if (path.startsWith(CONTROL_PREFIX)) {
      this.handleControl(request.method ?? 'GET', path, query, rawBody, response);
      return;
    }

    const parsed = rawBody === '' ? null : parseJson(rawBody);
    const record: RecordedRequest = {
      method: request.method ?? 'GET',
      path,
      query,
      body: parsed === null ? null : parsed.ok ? parsed.value : rawBody,
      receivedAt: new Date().toISOString(),
      errcode: null,
    };
    // Keep a handle on this call's state: a reset while it sleeps must not mix it into the new one.
    const state = this.state;
    state.record(record);
    const subscribeSend = path === WechatPath.SubscribeSend;
    if (subscribeSend) state.countSubscribeCall();

    const decision = state.faults.decide(path);
    if (decision.latencyMs > 0 && !(await this.sleep(decision.latencyMs))) {
      request.socket.destroy();
      return;
    }
    if (decision.answer?.kind === 'disconnect') {
      request.socket.destroy();
      return;
    }
    const answer = (body: Record<string, unknown>, status = 200) => {
      record.errcode = typeof body.errcode === 'number' ? body.errcode : 0;
      if (subscribeSend) {
        const message = parsed?.ok && isPlainObject(parsed.value) ? parsed.value : {};
        state.countSubscribeAnswer(record.errcode, {
          touser: message.touser,
          template_id: message.template_id,
          page: message.page,
          data: message.data,
        });
      }
      sendJson(response, body, status);
    };
    if (decision.answer?.kind === 'errcode') {
      answer({ ...errorBody(decision.answer.errcode, decision.answer.errmsg) });
      return;
    }

    const endpoint = endpoints[path];
    if (endpoint === undefined) {
      answer({ ...errorBody(FakeErrcode.InvalidUrl) }, 404);
      return;
    }
    if (record.method !== endpoint.method) {
      answer({
        ...errorBody(endpoint.method === 'GET' ? FakeErrcode.RequireGetMethod : FakeErrcode.RequirePostMethod),
      });
      return;
    }
    let body: Record<string, unknown> = {};
    if (endpoint.method === 'POST') {
      if (parsed === null || !parsed.ok || !isPlainObject(parsed.value)) {
        answer({ ...errorBody(FakeErrcode.DataFormatError) });
        return;
      }
      body = parsed.value;
    }
    if (endpoint.needsAccessToken) {
      const tokenErrcode = state.tokens.verify(query.access_token ?? null);
      if (tokenErrcode !== FakeErrcode.Ok) {
        answer({ ...errorBody(tokenErrcode) });
        return;
      }
    }

    const result = endpoint.handle({ query, body }, state);
    if (result.kind === 'json') {
      answer(result.body);
      return;
    }
    record.errcode = 0;
    response.writeHead(200, { 'Content-Type': result.contentType, 'Content-Length': result.data.length });
    response.end(result.data);
  }

  private handleControl(
    method: string,
    path: string,
    query: Record<string, string>,
    rawBody: string,
    response: ServerResponse,
  ): void {
    const route = `${method} ${path.slice(CONTROL_PREFIX.length)}`;
    const body: ParsedBody = rawBody === '' ? { ok: true, value: {} } : parseJson(rawBody);
    try {
      switch (route) {
        case 'GET health':
          sendJson(response, { ok: true, appId: this.appId });
          return;
        case 'GET requests':
          sendJson(response, {
            count: this.requestCount(query.path),
            counts: this.requestCounts(),
            requests: this.requests(query.path),
          });
          return;
        case 'GET state':
          sendJson(response, this.snapshot());
          return;
        case 'GET subscribe-counts':
          sendJson(response, this.subscribeCounts());
          return;
        case 'GET faults':
          sendJson(response, { faults: this.state.faults.list() });
          return;
        case 'POST faults':
        case 'POST config': {
          if (!body.ok) {
            sendJson(response, { error: 'the body is not JSON' }, 400);
            return;
          }
          const value = body.value;
          if (route === 'POST faults') {
            this.injectFault(value as FakeFault | FakeFault[]);
            sendJson(response, { ok: true, faults: this.state.faults.list() });
          } else {
            this.configure(value as FakeRuntimeSettings);
            sendJson(response, { ok: true, state: this.snapshot() });
          }
          return;
        }
        case 'POST reset':
          this.reset();
          sendJson(response, { ok: true });
          return;
        default:
          sendJson(response, { error: `no control route ${route}` }, 404);
      }
    } catch (error) {
      if (error instanceof FaultValidationError) {
        sendJson(response, { error: error.message }, 400);
        return;
      }
      throw error;
    }
  }
}

/** Starts a fake WeChat on loopback (a random port unless one is given). */
export async function startFakeWechat(options: FakeWechatOptions = {}): Promise<FakeWechat> {
  const tokenTtlSeconds = options.tokenTtlSeconds ?? 7200;
  const settings: FakeSettings = {
    appId: options.appId ?? DEFAULT_APP_ID,
    appSecret: options.appSecret ?? DEFAULT_APP_SECRET,
    tokenTtlSeconds,
    tokenRenewWindowSeconds: options.tokenRenewWindowSeconds ?? Math.min(300, Math.floor(tokenTtlSeconds / 2)),
    forceRefreshDailyLimit: options.forceRefreshDailyLimit ?? 20,
    riskyWords: options.riskyWords ?? [...DEFAULT_RISKY_WORDS],
    reviewWords: options.reviewWords ?? [...DEFAULT_REVIEW_WORDS],
    faultSeed: options.faultSeed ?? 1,
    requestLogLimit: options.requestLogLimit ?? null,
    recordBodies: options.recordBodies ?? true,
  };
  // Validate the run-time settings the same way the control API does.
  parseRuntimeSettings({
    tokenTtlSeconds: settings.tokenTtlSeconds,
    tokenRenewWindowSeconds: settings.tokenRenewWindowSeconds,
    forceRefreshDailyLimit: settings.forceRefreshDailyLimit,
    riskyWords: settings.riskyWords,
    reviewWords: settings.reviewWords,
    faultSeed: settings.faultSeed,
    requestLogLimit: settings.requestLogLimit,
    recordBodies: settings.recordBodies,
  });
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  return new FakeWechat(server, settings);
}
