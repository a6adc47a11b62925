import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
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

/** Signs and verifies the two kinds of JWT. `typ` keeps a refresh token from serving as an access token. */
@Injectable()
export class TokenService {
  private static readonly ALGORITHM = 'HS256';

  constructor(
    private readonly jwt: JwtService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  get accessTokenTtlSeconds(): number {
    return this.config.jwt.accessTokenTtlSeconds;
  }

  get refreshTokenTtlSeconds(): number {
    return this.config.jwt.refreshTokenTtlSeconds;
  }

  signAccessToken(userId: number): string {
    return this.jwt.sign(
      { typ: 'access' },
      { subject: String(userId), expiresIn: this.accessTokenTtlSeconds, algorithm: TokenService.ALGORITHM },
    );
  }

  signRefreshToken(userId: number, sessionId: string, familyId: string): string {
    return this.jwt.sign(
      { typ: 'refresh', fam: familyId },
      {
        subject: String(userId),
        jwtid: sessionId,
        expiresIn: this.refreshTokenTtlSeconds,
        algorithm: TokenService.ALGORITHM,
      },
    );
  }

  verifyAccessToken(token: string): VerifyResult<AccessTokenClaims> {
    return this.verify<AccessTokenClaims>(token, 'access');
  }

  verifyRefreshToken(token: string): VerifyResult<RefreshTokenClaims> {
    return this.verify<RefreshTokenClaims>(token, 'refresh');
  }

  private verify<T extends { typ: string; sub: string }>(token: string, kind: T['typ']): VerifyResult<T> {
    try {
      const claims = this.jwt.verify<T>(token, { algorithms: [TokenService.ALGORITHM] });
      if (claims.typ !== kind || !/^\d+$/.test(String(claims.sub))) return { ok: false, reason: 'invalid' };
      return { ok: true, claims };
    } catch (error) {
      return { ok: false, reason: (error as Error).name === 'TokenExpiredError' ? 'expired' : 'invalid' };
    }
  }
}
