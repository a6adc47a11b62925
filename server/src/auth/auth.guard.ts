import { AuthErrorCode } from '@ankang/shared';
import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { AppException } from '../common/app-exception';
import { IS_PUBLIC } from './public.decorator';
import { TokenService } from './token-service';

/**
 * Global guard: every route needs a valid access token unless marked @Public(). It verifies the
 * signature only; handlers that need the user's record load it (and see whether it is disabled).
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokenService,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()]);
    if (isPublic) return true;
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const token = bearerToken(request.headers.authorization);
    if (!token) throw new AppException(AuthErrorCode.Unauthenticated);
    const result = this.tokens.verifyAccessToken(token);
    if (!result.ok) {
      throw new AppException(
        result.reason === 'expired' ? AuthErrorCode.AccessTokenExpired : AuthErrorCode.Unauthenticated,
      );
    }
    request.authenticatedUser = { userId: Number(result.claims.sub) };
    return true;
  }
}

function bearerToken(header: string | undefined): string | null {
  const match = header?.match(/^Bearer\s+(\S+)$/i);
  return match ? match[1] : null;
}
