import { loadConfig } from '../config/app-config';
import { FollowTokens } from './follow-tokens';

const configWithSecret = (secret: string) => loadConfig({ NODE_ENV: 'test', JWT_SECRET: secret });

describe('FollowTokens', () => {
  const tokens = new FollowTokens(configWithSecret('a'.repeat(40)));
  const clientKey = '6f1c2a8e-3b4d-4e5f-8a9b-0c1d2e3f4a5b';

  it('gives the same client key the same token, 43 base64url characters', () => {
    const token = tokens.tokenFor(clientKey);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(tokens.tokenFor(clientKey)).toBe(token);
    expect(tokens.isWellFormed(token)).toBe(true);
  });

  it('differs between client keys and between servers with different secrets', () => {
    const token = tokens.tokenFor(clientKey);
    expect(tokens.tokenFor('7f1c2a8e-3b4d-4e5f-8a9b-0c1d2e3f4a5b')).not.toBe(token);
    expect(new FollowTokens(configWithSecret('b'.repeat(40))).tokenFor(clientKey)).not.toBe(token);
  });

  it('stores a one-way hash, never the token', () => {
    const token = tokens.tokenFor(clientKey);
    const hash = tokens.hashOf(token);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hash).not.toContain(token);
  });

  it('takes nothing shaped unlike a token', () => {
    for (const candidate of ['', 'short', `${'a'.repeat(43)}=`, `${'a'.repeat(42)}/`, 'a'.repeat(44)]) {
      expect(tokens.isWellFormed(candidate)).toBe(false);
    }
  });
});
