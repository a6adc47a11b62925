import { isLockConflict, retryingLockConflicts } from './job-claims';

const deadlock = () => Object.assign(new Error('Deadlock found'), { driverError: { code: 'ER_LOCK_DEADLOCK' } });

describe('retryingLockConflicts', () => {
  it('runs the work again after a deadlock, up to the attempts given', async () => {
    let calls = 0;
    const result = await retryingLockConflicts(async () => {
      calls += 1;
      if (calls < 3) throw deadlock();
      return 'done';
    });
    expect(result).toBe('done');
    expect(calls).toBe(3);
  });

  it('gives up after the last attempt and passes other errors straight through', async () => {
    let calls = 0;
    await expect(
      retryingLockConflicts(async () => {
        calls += 1;
        throw deadlock();
      }, 2),
    ).rejects.toThrow('Deadlock found');
    expect(calls).toBe(2);
    calls = 0;
    await expect(
      retryingLockConflicts(async () => {
        calls += 1;
        throw new Error('power cut');
      }),
    ).rejects.toThrow('power cut');
    expect(calls).toBe(1);
  });

  it('knows a lock conflict by the driver code on either level', () => {
    expect(isLockConflict(deadlock())).toBe(true);
    expect(isLockConflict({ code: 'ER_LOCK_WAIT_TIMEOUT' })).toBe(true);
    expect(isLockConflict({ code: 'ER_DUP_ENTRY' })).toBe(false);
    expect(isLockConflict(null)).toBe(false);
  });
});
