import { createHmac } from 'node:crypto';

/**
 * An access token as the server's TokenService signs it (HS256, `{sub, typ: 'access', iat, exp}`),
 * so the benchmark can act as a user without a login round trip of its own.
 */
export function signAccessToken(secret: string, userId: number, lifetimeSeconds: number): string {
  const issuedAt = Math.floor(Date.now() / 1000);
  const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const unsigned = `${encode({ alg: 'HS256', typ: 'JWT' })}.${encode({
    sub: String(userId),
    typ: 'access',
    iat: issuedAt,
    exp: issuedAt + lifetimeSeconds,
  })}`;
  return `${unsigned}.${createHmac('sha256', secret).update(unsigned).digest('base64url')}`;
}
