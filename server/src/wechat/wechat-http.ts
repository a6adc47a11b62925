import http from 'node:http';
import https from 'node:https';
import { setTimeout as sleep } from 'node:timers/promises';
import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import {
  isConfigurationErrcode,
  WechatApiError,
  WechatConfigurationError,
  WechatErrcode,
  WechatResponseError,
  WechatUnavailableError,
  type WechatUnavailableReason,
} from './wechat-errors';
import { WECHAT_OPTIONS, type WechatOptions } from './wechat-options';
import type { WechatImage } from './wechat-types';

/** One request to WeChat. `query` and `body` may hold secrets and codes: they are never logged. */
export interface WechatCall {
  /** WeChat's name of the API, for errors and logs. */
  api: string;
  method: 'GET' | 'POST';
  path: string;
  query?: Record<string, string>;
  body?: unknown;
  /**
   * Whether the call may be sent again when its outcome is unknown (timeout, dropped connection,
   * HTTP 5xx): WeChat may have acted on it. False for single-use codes and for messages.
   */
  repeatable: boolean;
  /** The endpoint answers image bytes on success (and JSON on failure). */
  acceptsImage?: boolean;
}

export type WechatReply = { kind: 'json'; body: Record<string, unknown> } | { kind: 'image'; image: WechatImage };

interface TransientFailure {
  reason: WechatUnavailableReason;
  /** WeChat certainly did not act on the request, so even a non-repeatable call may be sent again. */
  notProcessed: boolean;
  cause?: unknown;
}

type AttemptOutcome = { reply: WechatReply } | { failure: TransientFailure };

/** Connection errors that happen before the request leaves this machine. */
const NOT_SENT_ERROR_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);

function errorCode(error: unknown): string | undefined {
  const candidate = error as { code?: unknown; errors?: Array<{ code?: unknown }> } | undefined;
  const code = candidate?.code ?? candidate?.errors?.[0]?.code;
  return typeof code === 'string' ? code : undefined;
}

function classifyFetchFailure(error: unknown): TransientFailure {
  const name = (error as { name?: unknown } | undefined)?.name;
  if (name === 'TimeoutError' || name === 'AbortError') {
    return { reason: 'timeout', notProcessed: false, cause: error };
  }
  const code = errorCode((error as { cause?: unknown } | undefined)?.cause) ?? errorCode(error);
  if (code !== undefined && NOT_SENT_ERROR_CODES.has(code)) {
    return { reason: 'unreachable', notProcessed: true, cause: error };
  }
  return { reason: 'network', notProcessed: false, cause: error };
}

interface Exchange {
  status: number;
  contentType: string;
  payload: Buffer;
}

class TimeoutError extends Error {
  override name = 'TimeoutError';
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Low-level HTTP to WeChat on global fetch: per-attempt timeout, retries on transient failures
 * only, and errcode → typed error. Higher layers (token holder, client) never see a -1.
 */
@Injectable()
export class WechatHttp implements OnApplicationShutdown {
  private readonly logger = new Logger('WechatHttp');
  private readonly baseUrl: string;
  /**
   * Kept-alive connections: at hundreds of subscribe messages a second a new TCP (and TLS)
   * connection per call would cost more than the call. Plain node:http, as global fetch costs
   * several times the CPU per call.
   */
  private readonly agent: http.Agent;

  constructor(@Inject(WECHAT_OPTIONS) private readonly options: WechatOptions) {
    this.baseUrl = options.apiBaseUrl.replace(/\/+$/, '');
    // An idle connection is closed before a server would close it (Node's default is 5 s): a call on a
    // connection the server has just closed fails with an unknown outcome, and a message is never resent.
    const agentOptions = {
      keepAlive: true,
      timeout: 4000,
      maxSockets: 256,
      maxFreeSockets: 64,
      scheduling: 'lifo' as const,
    };
    this.agent = this.baseUrl.startsWith('https:') ? new https.Agent(agentOptions) : new http.Agent(agentOptions);
  }

  /** Closes the kept-alive connections, so that nothing holds the process open. */
  onApplicationShutdown(): void {
    this.agent.destroy();
  }

  /** JSON answer of a call whose success is JSON; a non-zero errcode throws. */
  async sendJson(call: WechatCall): Promise<Record<string, unknown>> {
    const reply = await this.send({ ...call, acceptsImage: false });
    if (reply.kind !== 'json') {
      throw new WechatResponseError(call.api, `WeChat ${call.api} answered an image where JSON was expected`);
    }
    return reply.body;
  }

  async send(call: WechatCall): Promise<WechatReply> {
    const attempts = 1 + this.options.maxRetries;
    for (let attempt = 1; ; attempt += 1) {
      const outcome = await this.attempt(call);
      if ('reply' in outcome) {
        return outcome.reply;
      }
      const { failure } = outcome;
      const mayRepeat = failure.notProcessed || call.repeatable;
      if (!mayRepeat || attempt >= attempts) {
        this.logger.warn(
          `${call.api}: ${failure.reason} on attempt ${attempt}/${attempts}` +
            (mayRepeat ? ', giving up' : ', not repeated because WeChat may have acted on it'),
        );
        throw new WechatUnavailableError(call.api, failure.reason, attempt, { cause: failure.cause });
      }
      const delay = this.options.retryDelayMs * 2 ** (attempt - 1);
      this.logger.warn(`${call.api}: ${failure.reason} on attempt ${attempt}/${attempts}, retrying in ${delay} ms`);
      await sleep(delay);
    }
  }

  private async attempt(call: WechatCall): Promise<AttemptOutcome> {
    const url = new URL(`${this.baseUrl}${call.path}`);
    for (const [name, value] of Object.entries(call.query ?? {})) {
      url.searchParams.set(name, value);
    }
    let exchanged: Exchange;
    try {
      exchanged = await this.exchange(url, call.method, call.body === undefined ? null : JSON.stringify(call.body));
    } catch (failure) {
      return { failure: failure as TransientFailure };
    }
    const { status, contentType, payload } = exchanged;

    if (status >= 500) {
      return { failure: { reason: 'server-error', notProcessed: false } };
    }
    if (call.acceptsImage === true && status === 200 && contentType.startsWith('image/')) {
      return {
        reply: { kind: 'image', image: { contentType: contentType.split(';', 1)[0] ?? contentType, data: payload } },
      };
    }
    let body: unknown;
    try {
      body = JSON.parse(payload.toString('utf8'));
    } catch {
      throw new WechatResponseError(
        call.api,
        `WeChat ${call.api} answered HTTP ${status} (${contentType || 'no content type'}) that is not JSON`,
      );
    }
    if (!isRecord(body)) {
      throw new WechatResponseError(call.api, `WeChat ${call.api} answered JSON that is not an object`);
    }
    const errcode = body.errcode ?? WechatErrcode.Ok;
    if (typeof errcode !== 'number') {
      throw new WechatResponseError(call.api, `WeChat ${call.api} answered a non-numeric errcode`);
    }
    if (errcode === WechatErrcode.SystemBusy) {
      // WeChat's documented "busy, try again": it did not act on the request.
      return { failure: { reason: 'busy', notProcessed: true } };
    }
    if (errcode !== WechatErrcode.Ok) {
      throw this.errcodeError(call.api, errcode, typeof body.errmsg === 'string' ? body.errmsg : '');
    }
    if (status !== 200) {
      throw new WechatResponseError(call.api, `WeChat ${call.api} answered HTTP ${status}`);
    }
    return { reply: { kind: 'json', body } };
  }

  /** One HTTP request and its whole answer; rejects with a TransientFailure. One timer covers connecting, waiting and reading. */
  private exchange(url: URL, method: 'GET' | 'POST', body: string | null): Promise<Exchange> {
    return new Promise<Exchange>((resolve, reject) => {
      const transport = url.protocol === 'https:' ? https : http;
      const request = transport.request(
        url,
        {
          method,
          agent: this.agent,
          headers:
            body === null ? {} : { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) },
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () => {
            clearTimeout(timer);
            resolve({
              status: response.statusCode ?? 0,
              contentType: String(response.headers['content-type'] ?? ''),
              payload: Buffer.concat(chunks),
            });
          });
          response.on('error', (error) => fail(error));
        },
      );
      const fail = (error: unknown) => {
        clearTimeout(timer);
        reject(classifyFetchFailure(error));
      };
      const timer = setTimeout(
        () => request.destroy(new TimeoutError(`no answer within ${this.options.timeoutMs} ms`)),
        this.options.timeoutMs,
      );
      request.on('error', fail);
      request.end(body ?? undefined);
    });
  }

  private errcodeError(api: string, errcode: number, errmsg: string): Error {
    if (isConfigurationErrcode(errcode)) {
      this.logger.error(
        `${api}: errcode ${errcode} (${errmsg}): check WECHAT_APPID, WECHAT_SECRET and the IP whitelist`,
      );
      return new WechatConfigurationError(
        api,
        `WeChat ${api} refused our credentials: errcode ${errcode} (${errmsg})`,
        errcode,
        errmsg,
      );
    }
    this.logger.log(`${api}: errcode ${errcode} (${errmsg})`);
    return new WechatApiError(api, errcode, errmsg);
  }
}
