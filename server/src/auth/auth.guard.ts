import { AuthErrorCode, type Permission } from '@ankang/shared';
import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { BY_RECORD, FOR_SELF, REQUIRED_PERMISSION } from '../access/access.decorators';
import { ScopeService } from '../access/scope.service';
import { AppException } from '../common/app-exception';
import { IS_PUBLIC } from './public.decorator';
import { TokenService } from './token-service';

/**
 * Global guard: every route needs a valid access token unless marked @Public(). It verifies the
 * signature, then loads the caller's scope and checks the route's declared permission: the caller
 * must hold a role carrying it somewhere (the handler then limits its queries to that scope).
 * Handlers that need the user's record load it (and see whether it is disabled).
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokenService,
    private readonly scopes: ScopeService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets);
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
    const userId = Number(result.claims.sub);
    request.authenticatedUser = { userId };

    const permission = this.reflector.getAllAndOverride<Permission | undefined>(REQUIRED_PERMISSION, targets);
    const declaresScope =
      this.reflector.getAllAndOverride<boolean>(FOR_SELF, targets) ||
      this.reflector.getAllAndOverride<boolean>(BY_RECORD, targets);
    if (permission || declaresScope) {
      request.scope = await this.scopes.forUser(userId);
      if (permission && !request.scope.hasAnywhere(permission)) throw new AppException(AuthErrorCode.Forbidden);
    }
    return true;
  }
}

function bearerToken(header: string | undefined): string | null {
  const match = header?.match(/^Bearer\s+(\S+)$/i);
  return match ? match[1] : null;
}
