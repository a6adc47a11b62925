import { Logger } from '@nestjs/common';
import type { SchedulerRegistry } from '@nestjs/schedule';
import type { AppConfig } from '../config/app-config';
import { NoticeFanOutJob } from './notice-fan-out.job';
import type { FanOutRunSummary, NoticeFanOutService } from './notice-fan-out.service';

const EMPTY: FanOutRunSummary = {
  published: 0,
  recipients: 0,
  finished: 0,
  deliveries: { sent: 0, skipped: 0, retrying: 0, failed: 0, abandoned: 0 },
};

function jobWith(runOnce: () => Promise<FanOutRunSummary>, jobsEnabled = true) {
  const intervals: string[] = [];
  const scheduler = {
    addInterval: (name: string, timer: NodeJS.Timeout) => {
      clearInterval(timer);
      intervals.push(name);
    },
  } as unknown as SchedulerRegistry;
  const config = { jobsEnabled, noticeJobIntervalSeconds: 5 } as AppConfig;
  const job = new NoticeFanOutJob(config, scheduler, { runOnce } as unknown as NoticeFanOutService);
  return { job, intervals };
}

describe('NoticeFanOutJob', () => {
  beforeAll(() => Logger.overrideLogger(false));

  it('schedules itself only when jobs are enabled', () => {
    const enabled = jobWith(async () => EMPTY);
    enabled.job.onApplicationBootstrap();
    expect(enabled.intervals).toEqual(['notice-fan-out']);
    const disabled = jobWith(async () => EMPTY, false);
    disabled.job.onApplicationBootstrap();
    expect(disabled.intervals).toEqual([]);
  });

  it('never starts a second run while one is going on', async () => {
    let finish: (summary: FanOutRunSummary) => void = () => undefined;
    let runs = 0;
    const { job } = jobWith(() => {
      runs += 1;
      return new Promise((resolve) => {
        finish = resolve;
      });
    });
    const first = job.tick();
    expect(await job.tick()).toBe(false);
    finish(EMPTY);
    expect(await first).toBe(true);
    expect(runs).toBe(1);
    const next = job.tick();
    finish(EMPTY);
    expect(await next).toBe(true);
    expect(runs).toBe(2);
  });

  it('logs a failed run and runs again on the next tick', async () => {
    let runs = 0;
    const { job } = jobWith(async () => {
      runs += 1;
      if (runs === 1) throw new Error('database gone');
      return EMPTY;
    });
    await expect(job.tick()).resolves.toBe(true);
    await expect(job.tick()).resolves.toBe(true);
    expect(runs).toBe(2);
  });
});
