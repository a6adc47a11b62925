export {
  type ApiRequestOptions,
  type AuthMode,
  apiRequest,
  configureApiClient,
  LOGIN_PAGE_URL,
  type QueryValue,
  refreshSession,
  resetApiClient,
} from './client';
export { CLIENT_KEY_PATTERN, type KeyedSubmission, keyedSubmission, newClientKey } from './client-key';
export { apiBaseUrl, isH5, isWeapp, resolveServerUrl } from './config';
export { type DownloadedFile, type DownloadOptions, downloadAuthorized, extensionFor, saveInBrowser } from './download';
export {
  ApiError,
  type ApiErrorCode,
  ClientErrorCode,
  errorMessage,
  fieldErrorsOf,
  isApiError,
  NETWORK_ERROR_MESSAGE,
} from './errors';
export { loginUrlReturningTo, returnUrlFromParam } from './login-return';
export { useRequireSession } from './session';
export { toastError, toastInfo, toastSuccess } from './toast';
export { clearTokens, hasSession, readTokens, saveTokenPair, sessionUserId } from './tokens';
export { type UploadOptions, uploadAuthorized } from './upload';
