export {
  type ApiRequestOptions,
  type AuthMode,
  apiRequest,
  configureApiClient,
  LOGIN_PAGE_URL,
  refreshSession,
  resetApiClient,
} from './client';
export { CLIENT_KEY_PATTERN, type KeyedSubmission, keyedSubmission, newClientKey } from './client-key';
export { apiBaseUrl, isH5, isWeapp } from './config';
export { ApiError, ClientErrorCode, errorMessage, isApiError, NETWORK_ERROR_MESSAGE } from './errors';
export { useRequireSession } from './session';
export { toastError, toastInfo, toastSuccess } from './toast';
export { clearTokens, hasSession, readTokens, saveTokenPair } from './tokens';
