import {
  AuthErrorCode,
  CommonErrorCode,
  ERROR_MESSAGES,
  type ErrorCode,
  type ErrorResponse,
  WechatErrorCode,
} from '@ankang/shared';
import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { WechatConfigurationError, WechatError, WechatUnavailableError } from '../wechat/wechat-errors';
import { AppException } from './app-exception';
import { httpStatusForCode } from './error-status';

interface ClassifiedError {
  code: ErrorCode;
  details?: ErrorResponse['details'];
  message?: string;
  /** Errors the application did not mean to raise are logged with their stack. */
  unexpected: boolean;
}

const DATABASE_CONNECTION_ERRORS = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'PROTOCOL_CONNECTION_LOST',
  'ER_CON_COUNT_ERROR',
  'SQLITE_BUSY',
]);

/** Gives every error, expected or not, the shape `{code, message, details?, requestId}`. */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Exceptions');

  catch(exception: unknown, host: ArgumentsHost): void {
    const context = host.switchToHttp();
    const request = context.getRequest<FastifyRequest>();
    const reply = context.getResponse<FastifyReply>();
    const classified = classify(exception);
    const status = httpStatusForCode(classified.code);
    const body: ErrorResponse = {
      code: classified.code,
      message: classified.message ?? ERROR_MESSAGES[classified.code],
      requestId: String(request.id),
    };
    if (classified.details !== undefined) body.details = classified.details;

    if (classified.unexpected) {
      this.logger.error(
        { err: exception, requestId: request.id, method: request.method, url: request.url },
        'Unhandled error',
      );
    }
    if (status === 429 && exception instanceof HttpException) {
      const retryAfter = reply.getHeader('retry-after');
      if (retryAfter === undefined) reply.header('retry-after', '60');
    }
    reply.status(status).header('x-request-id', String(request.id)).send(body);
  }
}

export function classify(exception: unknown): ClassifiedError {
  if (exception instanceof AppException) {
    return { code: exception.code, details: exception.details, message: exception.message, unexpected: false };
  }
  if (exception instanceof WechatUnavailableError) return { code: WechatErrorCode.Unavailable, unexpected: false };
  if (exception instanceof WechatConfigurationError) return { code: WechatErrorCode.Misconfigured, unexpected: true };
  if (exception instanceof WechatError) return { code: WechatErrorCode.Rejected, unexpected: true };
  if (exception instanceof HttpException) return classifyHttpStatus(exception.getStatus(), exception);

  // Errors raised by Fastify itself (body parsing, content type, size) carry a statusCode.
  const statusCode = (exception as { statusCode?: unknown })?.statusCode;
  if (typeof statusCode === 'number' && statusCode >= 400 && statusCode < 500) {
    return classifyHttpStatus(statusCode, exception);
  }
  const errorCode = (exception as { code?: unknown; driverError?: { code?: unknown } })?.code;
  const driverCode = (exception as { driverError?: { code?: unknown } })?.driverError?.code;
  if (DATABASE_CONNECTION_ERRORS.has(String(errorCode)) || DATABASE_CONNECTION_ERRORS.has(String(driverCode))) {
    return { code: CommonErrorCode.DatabaseUnavailable, unexpected: true };
  }
  return { code: CommonErrorCode.Internal, unexpected: true };
}

function classifyHttpStatus(status: number, exception: unknown): ClassifiedError {
  switch (status) {
    case 400:
      return { code: CommonErrorCode.MalformedBody, unexpected: false };
    case 401:
      return { code: AuthErrorCode.Unauthenticated, unexpected: false };
    case 403:
      return { code: AuthErrorCode.Forbidden, unexpected: false };
    case 404:
      return { code: CommonErrorCode.RouteNotFound, unexpected: false };
    case 405:
      return { code: CommonErrorCode.RouteNotFound, unexpected: false };
    case 413:
      return { code: CommonErrorCode.PayloadTooLarge, unexpected: false };
    case 415:
      return { code: CommonErrorCode.UnsupportedMediaType, unexpected: false };
    case 429:
      return { code: CommonErrorCode.RateLimited, unexpected: false };
    default:
      return status < 500
        ? { code: CommonErrorCode.MalformedBody, unexpected: false }
        : { code: CommonErrorCode.Internal, unexpected: exception instanceof Error };
  }
}
