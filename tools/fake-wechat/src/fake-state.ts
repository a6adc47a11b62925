import { createHash } from 'node:crypto';
import { AccessTokenRegistry } from './access-token-registry';
import { FaultQueue } from './faults';

/** Settings that may change while the fake runs (options at start, `configure()` or `POST /__fake/config`). */
export interface FakeSettings {
  appId: string;
  appSecret: string;
  tokenTtlSeconds: number;
  tokenRenewWindowSeconds: number;
  forceRefreshDailyLimit: number;
  /** msg_sec_check answers `risky` when the content contains one of these. */
  riskyWords: string[];
  /** msg_sec_check answers `review` when the content contains one of these (and none of the risky ones). */
  reviewWords: string[];
  /** Seed of the generator that decides probabilistic faults (setting it starts the sequence over). */
  faultSeed: number;
  /** The request log keeps at most this many calls, the latest (null: all; 0: none) — memory stays flat over long runs. */
  requestLogLimit: number | null;
  /** Whether the request log keeps each call's body (false: `body` is null). */
  recordBodies: boolean;
}

/** The fake's own tally of subscribe messages (`GET /__fake/subscribe-counts`), kept whatever the log keeps. */
export interface SubscribeCounts {
  /** Calls to the send endpoint, answered or not. */
  calls: number;
  /** Messages the fake accepted (errcode 0). */
  accepted: number;
  /** Distinct accepted messages, keyed by (touser, template_id, page, data). */
  distinct: number;
  /** accepted − distinct: the same message delivered more than once. */
  duplicates: number;
  /** Calls answered with each non-zero errcode (by injected fault or by the endpoint's checks). */
  errcodes: Record<string, number>;
}

/** One call the fake received, as tests see it. */
export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  /** The parsed JSON body; the raw text when it was not JSON; null without a body. */
  body: unknown;
  receivedAt: string;
  /** The errcode answered (0 for success, including images); null while unanswered or when the connection was dropped. */
  errcode: number | null;
}

export class FakeState {
  readonly tokens: AccessTokenRegistry;
  readonly faults: FaultQueue;
  readonly usedJsCodes = new Set<string>();
  private log: RecordedRequest[] = [];
  settings: FakeSettings;
  messageSerial = 0;
  private subscribeCalls = 0;
  private subscribeAccepted = 0;
  /** A digest per distinct accepted message: 200k messages stay a few megabytes. */
  private readonly acceptedMessages = new Set<string>();
  private readonly subscribeErrcodes = new Map<number, number>();

  constructor(initial: FakeSettings) {
    this.settings = { ...initial };
    this.faults = new FaultQueue(initial.faultSeed);
    this.tokens = new AccessTokenRegistry({
      ttlSeconds: initial.tokenTtlSeconds,
      renewWindowSeconds: initial.tokenRenewWindowSeconds,
      forceRefreshDailyLimit: initial.forceRefreshDailyLimit,
    });
  }

  /** The calls the log keeps, oldest first. */
  get requests(): RecordedRequest[] {
    const limit = this.settings.requestLogLimit;
    if (limit !== null && this.log.length > limit) this.log = this.log.slice(this.log.length - limit);
    return this.log;
  }

  record(request: RecordedRequest): void {
    if (!this.settings.recordBodies) request.body = null;
    const limit = this.settings.requestLogLimit;
    if (limit === 0) return;
    this.log.push(request);
    // Trimmed in chunks, so a capped log costs no copying per call.
    if (limit !== null && this.log.length >= 2 * limit + 1000) this.log = this.log.slice(this.log.length - limit);
  }

  countSubscribeCall(): void {
    this.subscribeCalls += 1;
  }

  countSubscribeAnswer(
    errcode: number,
    message: { touser: unknown; template_id: unknown; page: unknown; data: unknown },
  ) {
    if (errcode !== 0) {
      this.subscribeErrcodes.set(errcode, (this.subscribeErrcodes.get(errcode) ?? 0) + 1);
      return;
    }
    this.subscribeAccepted += 1;
    const key = JSON.stringify([message.touser, message.template_id, message.page ?? null, message.data]);
    this.acceptedMessages.add(createHash('sha256').update(key).digest('base64'));
  }

  subscribeCounts(): SubscribeCounts {
    return {
      calls: this.subscribeCalls,
      accepted: this.subscribeAccepted,
      distinct: this.acceptedMessages.size,
      duplicates: this.subscribeAccepted - this.acceptedMessages.size,
      errcodes: Object.fromEntries([...this.subscribeErrcodes].map(([errcode, count]) => [String(errcode), count])),
    };
  }

  configure(settings: Partial<FakeSettings>): void {
    if (settings.faultSeed !== undefined) this.faults.reseed(settings.faultSeed);
    this.settings = { ...this.settings, ...settings };
    this.tokens.updateSettings({
      ttlSeconds: this.settings.tokenTtlSeconds,
      renewWindowSeconds: this.settings.tokenRenewWindowSeconds,
      forceRefreshDailyLimit: this.settings.forceRefreshDailyLimit,
    });
  }
}
