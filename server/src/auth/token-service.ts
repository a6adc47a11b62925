import { createSecretKey, type KeyObject } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import jwt from 'jsonwebtoken';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';

export interface AccessTokenClaims {
  sub: string;
  typ: 'access';
}

export interface RefreshTokenClaims {
  sub: string;
  typ: 'refresh';
  jti: string;
  fam: string;
}

export type VerifyResult<T> = { ok: true; claims: T } | { ok: false; reason: 'expired' | 'invalid' };

const ALGORITHM = 'HS256';

/**
 * Signs and verifies the two kinds of JWT. `typ` keeps a refresh token from serving as an access
 * token. The secret becomes a key object once: given a string, jsonwebtoken first tries to parse it
 * as a public key on every call, which cost a fifth of the CPU of every signed-in request.
 */
@Injectable()
export class TokenService {
  private readonly key: KeyObject;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.key = createSecretKey(Buffer.from(config.jwt.secret, 'utf8'));
  }

  get accessTokenTtlSeconds(): number {
    return this.config.jwt.accessTokenTtlSeconds;
  }

  get refreshTokenTtlSeconds(): number {
    return this.config.jwt.refreshTokenTtlSeconds;
  }

  signAccessToken(userId: number): string {
    return jwt.sign({ typ: 'access' }, this.key, {
      subject: String(userId),
      expiresIn: this.accessTokenTtlSeconds,
      algorithm: ALGORITHM,
    });
  }

  signRefreshToken(userId: number, sessionId: string, familyId: string): string {
    return jwt.sign({ typ: 'refresh', fam: familyId }, this.key, {
      subject: String(userId),
      jwtid: sessionId,
      expiresIn: this.refreshTokenTtlSeconds,
      algorithm: ALGORITHM,
    });
  }

  verifyAccessToken(token: string): VerifyResult<AccessTokenClaims> {
    return this.verify<AccessTokenClaims>(token, 'access');
  }

  verifyRefreshToken(token: string): VerifyResult<RefreshTokenClaims> {
    return this.verify<RefreshTokenClaims>(token, 'refresh');
  }

  private verify<T extends { typ: string; sub: string }>(token: string, kind: T['typ']): VerifyResult<T> {
    try {
      const claims = jwt.verify(token, this.key, { algorithms: [ALGORITHM] }) as unknown as T;
      if (claims.typ !== kind || !/^\d+$/.test(String(claims.sub))) return { ok: false, reason: 'invalid' };
      return { ok: true, claims };
    } catch (error) {
      return { ok: false, reason: error instanceof jwt.TokenExpiredError ? 'expired' : 'invalid' };
    }
  }
}
