import { createHash, createHmac, hkdfSync } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';

/** A token is 32 bytes of HMAC-SHA256, base64url: 43 characters. */
const FOLLOW_TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/**
 * The anonymous reporter's follow-up token. Derived from the report's client key with a key of the
 * server's own, so a retry of the report gets the same token back without the token being stored:
 * the database keeps only its SHA-256, which cannot be turned back into a token.
 */
@Injectable()
export class FollowTokens {
  private readonly key: Buffer;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    // A key of its own, so that nothing signed for another purpose with the JWT secret is ever a token.
    this.key = Buffer.from(hkdfSync('sha256', config.jwt.secret, 'ankang', 'hazard-follow-token', 32));
  }

  tokenFor(clientKey: string): string {
    return createHmac('sha256', this.key).update(`hazard-follow:${clientKey}`).digest('base64url');
  }

  /** What is stored and looked up: hex SHA-256 of the token. */
  hashOf(token: string): string {
    return createHash('sha256').update(token).digest('hex');
  }

  /** Only strings shaped like a token are looked up; anything else names no ticket. */
  isWellFormed(token: string): boolean {
    return FOLLOW_TOKEN_PATTERN.test(token);
  }
}
