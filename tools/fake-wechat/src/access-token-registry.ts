import { randomBytes } from 'node:crypto';
import { FakeErrcode } from './wechat-errcodes';

export interface AccessTokenSettings {
  ttlSeconds: number;
  /** In normal mode WeChat hands out a new token this long before the old one expires (300 s for real). */
  renewWindowSeconds: number;
  /** Real WeChat allows 20 forced refreshes a day; past that it answers 45009. */
  forceRefreshDailyLimit: number;
}

interface IssuedToken {
  expiresAt: number;
  /** Replaced by a forced refresh (or the invalidate fault): answers 40001. */
  superseded: boolean;
  /** Answers 40001 although normal-mode stable_token still hands it out (the stale-token fault). */
  rejected: boolean;
}

export type IssueResult = { accessToken: string; expiresIn: number } | { errcode: number };

/** The fake's stable_token state: which tokens exist, which one is current, and how many forced refreshes were spent. */
export class AccessTokenRegistry {
  private readonly tokens = new Map<string, IssuedToken>();
  private current: string | null = null;
  private forcedRefreshes = 0;
  private serial = 0;

  constructor(
    private settings: AccessTokenSettings,
    private readonly now: () => number = Date.now,
  ) {}

  updateSettings(settings: Partial<AccessTokenSettings>): void {
    this.settings = { ...this.settings, ...settings };
  }

  get currentToken(): string | null {
    return this.current;
  }

  get forceRefreshCount(): number {
    return this.forcedRefreshes;
  }

  issue(forceRefresh: boolean): IssueResult {
    if (forceRefresh) {
      if (this.forcedRefreshes >= this.settings.forceRefreshDailyLimit) {
        return { errcode: FakeErrcode.DailyQuotaReached };
      }
      this.forcedRefreshes += 1;
      this.supersedeCurrent();
      return this.createToken();
    }
    const current = this.current === null ? undefined : this.tokens.get(this.current);
    if (this.current !== null && current !== undefined && !current.superseded) {
      const remainingMs = current.expiresAt - this.now();
      if (remainingMs > this.settings.renewWindowSeconds * 1000) {
        return { accessToken: this.current, expiresIn: Math.floor(remainingMs / 1000) };
      }
    }
    // Normal-mode renewal near expiry: the old token stays valid until its own expiry, as on WeChat.
    return this.createToken();
  }

  /** 0 when the token may be used, else the errcode WeChat would answer. */
  verify(token: string | null): number {
    if (token === null || token === '') {
      return FakeErrcode.AccessTokenMissing;
    }
    const issued = this.tokens.get(token);
    if (issued === undefined || issued.superseded || issued.rejected) {
      return FakeErrcode.InvalidCredential;
    }
    return this.now() >= issued.expiresAt ? FakeErrcode.AccessTokenExpired : FakeErrcode.Ok;
  }

  /** The current token answers 42001 from now on; the next stable_token call issues a new one. */
  expireCurrent(): void {
    const current = this.current === null ? undefined : this.tokens.get(this.current);
    if (current !== undefined) {
      current.expiresAt = this.now();
    }
  }

  /** As if another process forced a refresh: the current token answers 40001 and stable_token issues a new one. */
  invalidateCurrent(): void {
    this.supersedeCurrent();
  }

  /** The current token answers 40001, yet normal-mode stable_token keeps returning it until a forced refresh. */
  rejectCurrentUntilForceRefresh(): void {
    const current = this.current === null ? undefined : this.tokens.get(this.current);
    if (current !== undefined) {
      current.rejected = true;
    }
  }

  private supersedeCurrent(): void {
    const current = this.current === null ? undefined : this.tokens.get(this.current);
    if (current !== undefined) {
      current.superseded = true;
    }
    this.current = null;
  }

  private createToken(): IssueResult {
    this.serial += 1;
    const accessToken = `fake-token-${this.serial}-${randomBytes(24).toString('base64url')}`;
    this.tokens.set(accessToken, {
      expiresAt: this.now() + this.settings.ttlSeconds * 1000,
      superseded: false,
      rejected: false,
    });
    this.current = accessToken;
    return { accessToken, expiresIn: this.settings.ttlSeconds };
  }
}
