import type { Permission } from '@ankang/shared';
import { createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { Scope } from './scope';

export const REQUIRED_PERMISSION = 'ankang:required-permission';
export const FOR_SELF = 'ankang:for-self';
export const BY_RECORD = 'ankang:by-record';

declare module 'fastify' {
  interface FastifyRequest {
    scope?: Scope;
  }
}

/**
 * The caller must hold a role carrying this permission somewhere; the handler then limits every
 * query to the subtrees of `@CurrentScope()`. Every authenticated route declares this, `@ForSelf()`
 * or `@AccessByRecord()`: the app refuses to start otherwise (see access-declarations.check.ts).
 */
export const RequirePermission = (permission: Permission) => SetMetadata(REQUIRED_PERMISSION, permission);

/** The route acts only on the caller's own records (their profile, their requests). */
export const ForSelf = () => SetMetadata(FOR_SELF, true);

/**
 * Who may act depends on the caller's relation to the one record (a hazard ticket: its reporter, its
 * assignee, the officers and union staff whose scope holds it): the service works it out from
 * `@CurrentScope()` and the record, answering "not found" to anyone with no relation to it.
 */
export const AccessByRecord = () => SetMetadata(BY_RECORD, true);

/** The caller's scope, loaded by the auth guard for routes that declare their access. */
export const CurrentScope = createParamDecorator((_data: unknown, context: ExecutionContext): Scope => {
  const scope = context.switchToHttp().getRequest<FastifyRequest>().scope;
  if (!scope) throw new Error('CurrentScope used on a route that declares neither RequirePermission nor ForSelf');
  return scope;
});
