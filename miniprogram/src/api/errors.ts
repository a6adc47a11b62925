import { AuthErrorCode, CommonErrorCode, ERROR_MESSAGES, type ErrorCode, isErrorCode } from '@ankang/shared';

/**
 * Codes the client gives failures that never reached the server's error handler. They are not in
 * `@ankang/shared` because the server never sends them.
 */
export enum ClientErrorCode {
  /** No response: offline, DNS, TLS, timeout, domain not whitelisted. */
  Network = 'CLIENT_NETWORK_ERROR',
  /** A response that is not the API's error shape (a proxy's HTML page, an empty 502). */
  BadResponse = 'CLIENT_BAD_RESPONSE',
}

export type ApiErrorCode = ErrorCode | ClientErrorCode;

export const NETWORK_ERROR_MESSAGE = '网络不给力，请检查网络后重试';

/** Statuses a gateway may answer without the API's body, and what they mean for the person. */
const STATUS_FALLBACK: Record<number, ErrorCode> = {
  401: AuthErrorCode.Unauthenticated,
  403: AuthErrorCode.Forbidden,
  413: CommonErrorCode.PayloadTooLarge,
  429: CommonErrorCode.RateLimited,
};

export class ApiError extends Error {
  override readonly name = 'ApiError';

  constructor(
    readonly code: ApiErrorCode,
    message: string,
    /** HTTP status, 0 when no response arrived. */
    readonly status: number,
    readonly requestId?: string,
    readonly details?: unknown,
  ) {
    super(message);
    Object.setPrototypeOf(this, ApiError.prototype);
  }

  get isNetworkError(): boolean {
    return this.code === ClientErrorCode.Network;
  }
}

export function isApiError(value: unknown): value is ApiError {
  return value instanceof ApiError;
}

function nonEmptyString(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

/** A non-2xx response as an ApiError: the server's code and Chinese message, else the shared message. */
export function apiErrorFromResponse(status: number, body: unknown): ApiError {
  const record = body && typeof body === 'object' ? (body as Record<string, unknown>) : {};
  const requestId = nonEmptyString(record.requestId);
  if (isErrorCode(record.code)) {
    const message = nonEmptyString(record.message) ?? ERROR_MESSAGES[record.code];
    return new ApiError(record.code, message, status, requestId, record.details);
  }
  const fallback = STATUS_FALLBACK[status];
  if (fallback) {
    return new ApiError(fallback, ERROR_MESSAGES[fallback], status, requestId);
  }
  if (status >= 500) {
    return new ApiError(CommonErrorCode.Internal, ERROR_MESSAGES[CommonErrorCode.Internal], status, requestId);
  }
  return new ApiError(ClientErrorCode.BadResponse, NETWORK_ERROR_MESSAGE, status, requestId);
}

export function networkError(cause?: unknown): ApiError {
  return new ApiError(ClientErrorCode.Network, NETWORK_ERROR_MESSAGE, 0, undefined, cause);
}

/** The Chinese sentence to show for any failure. */
export function errorMessage(error: unknown): string {
  if (isApiError(error)) {
    return error.message;
  }
  return NETWORK_ERROR_MESSAGE;
}

/** A validation failure's field errors (`details: [{field, message}]`), the first message per field. */
export function fieldErrorsOf(details: unknown): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!Array.isArray(details)) {
    return errors;
  }
  for (const detail of details as { field?: unknown; message?: unknown }[]) {
    if (typeof detail?.field === 'string' && typeof detail.message === 'string' && !errors[detail.field]) {
      errors[detail.field] = detail.message;
    }
  }
  return errors;
}
