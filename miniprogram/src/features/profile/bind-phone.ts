import type { BindPhoneRequest, MeResponse } from '@ankang/shared';
import { apiRequest } from '../../api';

/**
 * Binds the phone number WeChat vouches for: the getPhoneNumber button's code goes to the server,
 * which asks WeChat for the number. The code is single-use, so a blind re-send would only fail.
 */
export function bindPhone(code: string): Promise<MeResponse> {
  const body: BindPhoneRequest = { code };
  return apiRequest<MeResponse>({ method: 'POST', path: '/me/phone', body, networkRetries: 0 });
}
