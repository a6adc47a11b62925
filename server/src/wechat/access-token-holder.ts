import { Inject, Injectable, Logger } from '@nestjs/common';
import { WechatNotConfiguredError, WechatResponseError, WechatUnavailableError } from './wechat-errors';
import { WechatHttp } from './wechat-http';
import { WECHAT_OPTIONS, type WechatOptions } from './wechat-options';
import type { StableTokenResponse } from './wechat-types';

const API = 'stable_token';

/** WeChat ignores forced refreshes closer together than this (and allows only 20 a day). */
const FORCED_REFRESH_MINIMUM_INTERVAL_MS = 30_000;

interface HeldToken {
  value: string;
  /** From here on, the next caller refreshes it. */
  refreshAt: number;
  expiresAt: number;
}

/**
 * The process's one access token (stable_token). Concurrent callers share one refresh; the token is
 * refreshed `tokenRefreshMarginSeconds` before it expires. With several server instances the token
 * would have to live in a shared row instead, since each instance's forced refresh invalidates the
 * others' token.
 */
@Injectable()
export class AccessTokenHolder {
  private readonly logger = new Logger('AccessTokenHolder');
  private held: HeldToken | null = null;
  private refreshing: Promise<HeldToken> | null = null;
  private replacing: { rejected: string; promise: Promise<string> } | null = null;
  private lastForcedRefreshAt = Number.NEGATIVE_INFINITY;

  constructor(
    @Inject(WECHAT_OPTIONS) private readonly options: WechatOptions,
    private readonly http: WechatHttp,
  ) {}

  async getAccessToken(): Promise<string> {
    if (this.replacing !== null) {
      return this.replacing.promise;
    }
    const held = this.held;
    if (held !== null && Date.now() < held.refreshAt) {
      return held.value;
    }
    try {
      return (await this.refresh(false)).value;
    } catch (error) {
      // An early refresh that fails is no reason to fail the call while the held token still works.
      if (error instanceof WechatUnavailableError && held !== null && Date.now() < held.expiresAt) {
        this.logger.warn('Early access token refresh failed; using the current token until it expires');
        return held.value;
      }
      throw error;
    }
  }

  /**
   * A call was refused (40001/42001) with `rejected`: returns a different token if one can be had.
   * Normal mode first; only if WeChat hands back the same token, one forced refresh (20 a day, so
   * never in a loop). Concurrent callers with the same rejected token share one replacement.
   */
  async replaceRejected(rejected: string): Promise<string> {
    const held = this.held;
    if (held !== null && held.value !== rejected && Date.now() < held.expiresAt) {
      return held.value;
    }
    if (this.replacing?.rejected === rejected) {
      return this.replacing.promise;
    }
    const promise = this.replace(rejected);
    this.replacing = { rejected, promise };
    try {
      return await promise;
    } finally {
      if (this.replacing?.promise === promise) {
        this.replacing = null;
      }
    }
  }

  private async replace(rejected: string): Promise<string> {
    this.held = null;
    const renewed = await this.refresh(false);
    if (renewed.value !== rejected) {
      return renewed.value;
    }
    if (Date.now() - this.lastForcedRefreshAt < FORCED_REFRESH_MINIMUM_INTERVAL_MS) {
      this.logger.error(
        'WeChat keeps refusing the access token, and a forced refresh was just made; not forcing again',
      );
      return renewed.value;
    }
    this.lastForcedRefreshAt = Date.now();
    this.logger.warn('stable_token handed back the refused access token; forcing a refresh (WeChat allows 20 a day)');
    return (await this.refresh(true)).value;
  }

  private refresh(force: boolean): Promise<HeldToken> {
    if (this.refreshing !== null && !force) {
      return this.refreshing;
    }
    const promise = this.fetchToken(force)
      .then((token) => {
        this.held = token;
        return token;
      })
      .finally(() => {
        if (this.refreshing === promise) {
          this.refreshing = null;
        }
      });
    this.refreshing = promise;
    return promise;
  }

  private async fetchToken(force: boolean): Promise<HeldToken> {
    const { appId, appSecret } = this.options;
    if (appId === null || appSecret === null) {
      throw new WechatNotConfiguredError(API);
    }
    // Reckon the lifetime from before the request, so the token is never held past its real expiry.
    const requestedAt = Date.now();
    const body: StableTokenResponse = await this.http.sendJson({
      api: API,
      method: 'POST',
      path: '/cgi-bin/stable_token',
      body: { grant_type: 'client_credential', appid: appId, secret: appSecret, force_refresh: force },
      // A repeated forced refresh would spend another of the 20 a day.
      repeatable: !force,
    });
    const { access_token: value, expires_in: expiresIn } = body;
    if (typeof value !== 'string' || value === '' || typeof expiresIn !== 'number' || expiresIn <= 0) {
      throw new WechatResponseError(API, 'WeChat stable_token answered without access_token or expires_in');
    }
    // At most half the lifetime early, so a short-lived token is not refreshed on every call.
    const lead = Math.min(this.options.tokenRefreshMarginSeconds, expiresIn / 2);
    this.logger.log(`Access token obtained${force ? ' by a forced refresh' : ''}, valid for ${expiresIn} s`);
    return {
      value,
      refreshAt: requestedAt + (expiresIn - lead) * 1000,
      expiresAt: requestedAt + expiresIn * 1000,
    };
  }
}
