import { ERROR_MESSAGES, type ErrorCode, type ErrorResponse } from '@ankang/shared';

/**
 * The one exception the application throws on purpose. The exception filter turns its code into an
 * HTTP status; the message defaults to the code's Chinese message from `@ankang/shared`.
 */
export class AppException extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly details?: ErrorResponse['details'],
    message?: string,
  ) {
    super(message ?? ERROR_MESSAGES[code]);
    this.name = 'AppException';
  }
}
