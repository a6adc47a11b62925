import { setTimeout as sleep } from 'node:timers/promises';
import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';

/** Time as the throttle sees it; specs pass a fake one. */
export interface ThrottleClock {
  now(): number;
  sleep(milliseconds: number): Promise<void>;
}

const systemClock: ThrottleClock = { now: () => performance.now(), sleep: (milliseconds) => sleep(milliseconds) };

/**
 * A token bucket: `ratePerSecond` tokens a second, at most `capacity` saved up. A taker that finds
 * the bucket empty reserves the next token ahead of time (the count goes below zero) and waits until
 * it is earned, so takers are served in the order they came and the rate holds however many wait.
 */
export class TokenBucket {
  private tokens: number;
  private updatedAt: number;

  constructor(
    private readonly ratePerSecond: number,
    private readonly capacity: number,
    private readonly clock: ThrottleClock = systemClock,
  ) {
    if (!(ratePerSecond > 0) || !(capacity >= 1)) throw new Error('A token bucket needs a positive rate and capacity');
    this.tokens = capacity;
    this.updatedAt = clock.now();
  }

  async take(): Promise<void> {
    const wait = this.reserve();
    if (wait > 0) await this.clock.sleep(wait);
  }

  /** Takes a token now or reserves one; returns how long to wait for it (ms). */
  reserve(): number {
    const now = this.clock.now();
    this.tokens = Math.min(this.capacity, this.tokens + ((now - this.updatedAt) * this.ratePerSecond) / 1000);
    this.updatedAt = now;
    this.tokens -= 1;
    return this.tokens >= 0 ? 0 : (-this.tokens * 1000) / this.ratePerSecond;
  }
}

/** At most `limit` holders at once; the others wait in line. */
export class Semaphore {
  private held = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(private readonly limit: number) {
    if (!(limit >= 1)) throw new Error('A semaphore needs a limit of at least 1');
  }

  async acquire(): Promise<void> {
    if (this.held < this.limit) {
      this.held += 1;
      return;
    }
    // The releaser hands its place straight to the next in line.
    await new Promise<void>((resolve) => this.waiting.push(resolve));
  }

  release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.held -= 1;
  }

  get inUse(): number {
    return this.held;
  }
}

/**
 * The process-wide pace of calls to WeChat's subscribe-message API: WECHAT_SEND_RATE_PER_SECOND
 * (token bucket, a tenth of a second saved up at most) and WECHAT_SEND_CONCURRENCY calls in flight,
 * shared by every job that sends.
 */
@Injectable()
export class SendThrottle {
  private readonly bucket: TokenBucket;
  private readonly slots: Semaphore;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    const { ratePerSecond, concurrency } = config.wechatSending;
    this.bucket = new TokenBucket(ratePerSecond, Math.max(1, Math.floor(ratePerSecond / 10)));
    this.slots = new Semaphore(concurrency);
  }

  async run<T>(work: () => Promise<T>): Promise<T> {
    // A slot first, then a token: tokens are not reserved by calls that could not start anyway.
    await this.slots.acquire();
    try {
      await this.bucket.take();
      return await work();
    } finally {
      this.slots.release();
    }
  }
}
