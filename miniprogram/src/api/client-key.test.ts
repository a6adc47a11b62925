import { CLIENT_KEY_PATTERN, keyedSubmission, newClientKey } from './client-key';

describe('client keys', () => {
  it('makes RFC 4122 version 4 UUIDs, a new one each time', () => {
    const keys = new Set(Array.from({ length: 200 }, () => newClientKey()));
    expect(keys.size).toBe(200);
    for (const key of keys) {
      expect(key).toMatch(CLIENT_KEY_PATTERN);
    }
  });

  it('still makes valid keys where there is no Web Crypto (the WeChat JS engine)', () => {
    const original = globalThis.crypto;
    Object.defineProperty(globalThis, 'crypto', { value: undefined, configurable: true });
    try {
      expect(newClientKey()).toMatch(CLIENT_KEY_PATTERN);
    } finally {
      Object.defineProperty(globalThis, 'crypto', { value: original, configurable: true });
    }
  });

  it('keeps one key across the retries of one submission and shares an attempt in flight', async () => {
    const seen: string[] = [];
    let attempt = 0;
    const submission = keyedSubmission(async (clientKey) => {
      seen.push(clientKey);
      attempt += 1;
      if (attempt === 1) {
        throw new Error('timeout');
      }
      return { ticketId: 't-1' };
    });

    await expect(submission.submit()).rejects.toThrow('timeout');
    const [first, second] = [submission.submit(), submission.submit()];
    await expect(first).resolves.toEqual({ ticketId: 't-1' });
    await expect(second).resolves.toEqual({ ticketId: 't-1' });
    // After success the result is kept: a double tap never sends again.
    await expect(submission.submit()).resolves.toEqual({ ticketId: 't-1' });

    expect(seen).toHaveLength(2);
    expect(new Set(seen)).toEqual(new Set([submission.clientKey]));
    expect(keyedSubmission(async (key) => key).clientKey).not.toBe(submission.clientKey);
  });
});
