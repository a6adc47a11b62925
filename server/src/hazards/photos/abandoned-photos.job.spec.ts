import { Logger } from '@nestjs/common';
import { AbandonedPhotosJob } from './abandoned-photos.job';
import type { HazardPhotosService } from './hazard-photos.service';

function jobWith(deleteAbandoned: (now: Date) => Promise<number>): AbandonedPhotosJob {
  return new AbandonedPhotosJob({ deleteAbandoned } as unknown as HazardPhotosService);
}

describe('AbandonedPhotosJob', () => {
  afterEach(() => jest.restoreAllMocks());

  it('passes its moment to the cleanup and reports how many photos went', async () => {
    const now = new Date('2026-11-29T02:00:00Z');
    const deleteAbandoned = jest.fn().mockResolvedValue(3);
    expect(await jobWith(deleteAbandoned).runOnce(now)).toBe(3);
    expect(deleteAbandoned).toHaveBeenCalledWith(now);
  });

  it('does not start a run while the last one is still going', async () => {
    let finish: (count: number) => void = () => undefined;
    const deleteAbandoned = jest.fn(() => new Promise<number>((resolve) => (finish = resolve)));
    const job = jobWith(deleteAbandoned);
    const first = job.runOnce();
    expect(await job.runOnce()).toBe(0);
    finish(2);
    expect(await first).toBe(2);
    expect(deleteAbandoned).toHaveBeenCalledTimes(1);
    // Once it is done, the next tick runs again.
    const again = job.runOnce();
    finish(0);
    expect(await again).toBe(0);
    expect(deleteAbandoned).toHaveBeenCalledTimes(2);
  });

  it('logs a failed run instead of throwing, and runs again at the next tick', async () => {
    const logged = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    const deleteAbandoned = jest.fn().mockRejectedValueOnce(new Error('database gone')).mockResolvedValueOnce(1);
    const job = jobWith(deleteAbandoned);
    expect(await job.runOnce()).toBe(0);
    expect(logged).toHaveBeenCalledWith(expect.objectContaining({ err: expect.any(Error) }), expect.any(String));
    expect(await job.runOnce()).toBe(1);
  });
});
