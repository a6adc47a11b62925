import { AuthErrorCode } from '@ankang/shared';
import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { AppException } from '../common/app-exception';

/** Who is calling, as proven by the access token. */
export interface AuthenticatedUser {
  userId: number;
}

declare module 'fastify' {
  interface FastifyRequest {
    authenticatedUser?: AuthenticatedUser;
  }
}

export const CurrentUser = createParamDecorator((_data: unknown, context: ExecutionContext): AuthenticatedUser => {
  const user = context.switchToHttp().getRequest<FastifyRequest>().authenticatedUser;
  if (!user) throw new AppException(AuthErrorCode.Unauthenticated);
  return user;
});
