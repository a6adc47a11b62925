import type { MeResponse } from '@ankang/shared';
import { apiRequest } from '../../api';

/** The signed-in person: name, roles at their org units, enterprise. */
export function fetchMe(): Promise<MeResponse> {
  return apiRequest<MeResponse>({ path: '/me' });
}
