import type { MeResponse } from '@ankang/shared';
import { apiRequest } from '../../api';

/**
 * The signed-in person: name, roles at their org units, enterprise, profile. `returnUrl`: when the
 * session turns out to be gone, login comes back to that page.
 */
export function fetchMe(options: { returnUrl?: string } = {}): Promise<MeResponse> {
  return apiRequest<MeResponse>({ path: '/me', returnUrl: options.returnUrl });
}
