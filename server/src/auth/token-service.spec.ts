import { loadConfig } from '../config/app-config';
import { TokenService } from './token-service';

function unsignedToken(claims: object): string {
  const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${encode({ alg: 'none', typ: 'JWT' })}.${encode(claims)}.`;
}

describe('TokenService', () => {
  const tokens = new TokenService(loadConfig({ JWT_SECRET: 's'.repeat(40), JWT_ACCESS_TTL_SECONDS: '60' }));

  it('verifies its own access and refresh tokens, each only as its own kind', () => {
    const access = tokens.signAccessToken(7);
    const refresh = tokens.signRefreshToken(7, 'session-1', 'family-1');
    expect(tokens.verifyAccessToken(access)).toEqual({ ok: true, claims: expect.objectContaining({ sub: '7' }) });
    expect(tokens.verifyRefreshToken(refresh)).toEqual({
      ok: true,
      claims: expect.objectContaining({ sub: '7', jti: 'session-1', fam: 'family-1' }),
    });
    expect(tokens.verifyAccessToken(refresh)).toEqual({ ok: false, reason: 'invalid' });
    expect(tokens.verifyRefreshToken(access)).toEqual({ ok: false, reason: 'invalid' });
  });

  it('refuses tokens from another secret, tampered tokens and unsigned (alg none) tokens', () => {
    const other = new TokenService(loadConfig({ JWT_SECRET: 'o'.repeat(40) }));
    expect(tokens.verifyAccessToken(other.signAccessToken(7)).ok).toBe(false);
    const [header, , signature] = tokens.signAccessToken(7).split('.');
    const tampered = `${header}.${Buffer.from(JSON.stringify({ typ: 'access', sub: '1' })).toString('base64url')}.${signature}`;
    expect(tokens.verifyAccessToken(tampered).ok).toBe(false);
    expect(tokens.verifyAccessToken(unsignedToken({ typ: 'access', sub: '7' })).ok).toBe(false);
  });

  it('tells an expired token apart from an invalid one', () => {
    jest.useFakeTimers({ now: Date.now() });
    const access = tokens.signAccessToken(7);
    jest.setSystemTime(Date.now() + 61_000);
    expect(tokens.verifyAccessToken(access)).toEqual({ ok: false, reason: 'expired' });
    jest.useRealTimers();
  });
});
