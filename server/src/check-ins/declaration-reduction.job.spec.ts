import { Logger } from '@nestjs/common';
import type { CheckInsRepository } from './check-ins.repository';
import { DeclarationReductionJob } from './declaration-reduction.job';

function jobWith(repository: Partial<CheckInsRepository>): DeclarationReductionJob {
  return new DeclarationReductionJob(repository as CheckInsRepository);
}

describe('DeclarationReductionJob', () => {
  afterEach(() => jest.restoreAllMocks());

  it('keeps the last 30 China days and reduces everything before them, batch after batch', async () => {
    const batches = [Array.from({ length: 500 }, (_, index) => index + 1), [501, 502]];
    const findIdsToReduce = jest.fn(async () => batches.shift() ?? []);
    const reduceDeclarations = jest.fn(async (ids: number[]) => ids.length);
    // 2026-03-31 08:30 in China.
    const reduced = await jobWith({ findIdsToReduce, reduceDeclarations }).runOnce(new Date('2026-03-31T00:30:00Z'));
    expect(reduced).toBe(502);
    expect(findIdsToReduce).toHaveBeenCalledWith('2026-03-01', 500);
    expect(findIdsToReduce).toHaveBeenCalledTimes(2);
  });

  it('logs a failed run instead of throwing, and runs again next time', async () => {
    const logged = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    const findIdsToReduce = jest.fn().mockRejectedValueOnce(new Error('database gone')).mockResolvedValueOnce([]);
    const job = jobWith({ findIdsToReduce, reduceDeclarations: jest.fn(async () => 0) });
    await job.tick();
    expect(logged).toHaveBeenCalledWith(expect.objectContaining({ err: expect.any(Error) }), expect.any(String));
    await job.tick();
    expect(findIdsToReduce).toHaveBeenCalledTimes(2);
  });
});
