import type { AppConfig } from '../config/app-config';
import { Semaphore, SendThrottle, type ThrottleClock, TokenBucket } from './send-throttle';

/** A clock that moves only when told, or when a sleeper sleeps (the sleep passes at once). */
function fakeClock(): ThrottleClock & { sleeps: number[]; advance(milliseconds: number): void } {
  let now = 0;
  const sleeps: number[] = [];
  return {
    sleeps,
    now: () => now,
    advance(milliseconds) {
      now += milliseconds;
    },
    async sleep(milliseconds) {
      sleeps.push(milliseconds);
    },
  };
}

describe('TokenBucket', () => {
  it('lets a full bucket through at once, then one token per 1/rate second', () => {
    const clock = fakeClock();
    const bucket = new TokenBucket(100, 5, clock);
    expect(Array.from({ length: 5 }, () => bucket.reserve())).toEqual([0, 0, 0, 0, 0]);
    // Empty: each next taker waits 10 ms longer than the one before, in the order they came.
    expect(bucket.reserve()).toBeCloseTo(10);
    expect(bucket.reserve()).toBeCloseTo(20);
    expect(bucket.reserve()).toBeCloseTo(30);
  });

  it('refills with time, never beyond its capacity', () => {
    const clock = fakeClock();
    const bucket = new TokenBucket(100, 5, clock);
    for (let index = 0; index < 5; index += 1) bucket.reserve();
    clock.advance(20);
    expect(bucket.reserve()).toBe(0);
    expect(bucket.reserve()).toBe(0);
    expect(bucket.reserve()).toBeCloseTo(10);
    clock.advance(10_000);
    expect(Array.from({ length: 6 }, () => bucket.reserve())).toEqual([0, 0, 0, 0, 0, 10]);
  });

  it('holds the rate over many takers: n tokens beyond the bucket take n/rate seconds', async () => {
    const clock = fakeClock();
    const bucket = new TokenBucket(2000, 200, clock);
    await Promise.all(Array.from({ length: 2200 }, () => bucket.take()));
    expect(clock.sleeps).toHaveLength(2000);
    expect(Math.max(...clock.sleeps)).toBeCloseTo(1000);
  });

  it('refuses a rate or capacity that could never give a token', () => {
    expect(() => new TokenBucket(0, 1)).toThrow();
    expect(() => new TokenBucket(10, 0)).toThrow();
  });
});

describe('Semaphore', () => {
  it('lets `limit` holders in and the rest in line, first come first served', async () => {
    const semaphore = new Semaphore(2);
    const order: number[] = [];
    await semaphore.acquire();
    await semaphore.acquire();
    const waiting = [3, 4].map((id) => semaphore.acquire().then(() => order.push(id)));
    expect(semaphore.inUse).toBe(2);
    semaphore.release();
    await waiting[0];
    expect(order).toEqual([3]);
    semaphore.release();
    await waiting[1];
    expect(order).toEqual([3, 4]);
    semaphore.release();
    semaphore.release();
    expect(semaphore.inUse).toBe(0);
  });
});

describe('SendThrottle', () => {
  it('keeps at most WECHAT_SEND_CONCURRENCY calls in flight, and frees the slot of a call that failed', async () => {
    const config = { wechatSending: { ratePerSecond: 100_000, concurrency: 3 } } as AppConfig;
    const throttle = new SendThrottle(config);
    let inFlight = 0;
    let most = 0;
    const call = (index: number) =>
      throttle.run(async () => {
        inFlight += 1;
        most = Math.max(most, inFlight);
        await new Promise((resolve) => setTimeout(resolve, 2));
        inFlight -= 1;
        if (index % 5 === 0) throw new Error('WeChat said no');
        return index;
      });
    const results = await Promise.allSettled(Array.from({ length: 20 }, (_unused, index) => call(index)));
    expect(most).toBe(3);
    expect(results.filter((result) => result.status === 'rejected')).toHaveLength(4);
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(16);
  });
});
