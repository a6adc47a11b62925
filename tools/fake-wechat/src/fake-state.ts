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
  readonly faults = new FaultQueue();
  readonly usedJsCodes = new Set<string>();
  readonly requests: RecordedRequest[] = [];
  settings: FakeSettings;
  messageSerial = 0;

  constructor(initial: FakeSettings) {
    this.settings = { ...initial };
    this.tokens = new AccessTokenRegistry({
      ttlSeconds: initial.tokenTtlSeconds,
      renewWindowSeconds: initial.tokenRenewWindowSeconds,
      forceRefreshDailyLimit: initial.forceRefreshDailyLimit,
    });
  }

  configure(settings: Partial<FakeSettings>): void {
    this.settings = { ...this.settings, ...settings };
    this.tokens.updateSettings({
      ttlSeconds: this.settings.tokenTtlSeconds,
      renewWindowSeconds: this.settings.tokenRenewWindowSeconds,
      forceRefreshDailyLimit: this.settings.forceRefreshDailyLimit,
    });
  }
}
