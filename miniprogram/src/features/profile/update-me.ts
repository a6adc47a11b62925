import type { MeResponse, UpdateMeRequest } from '@ankang/shared';
import { apiRequest } from '../../api';

/** Saves the person's own name, employee number and worker groups. */
export function updateMe(changes: UpdateMeRequest): Promise<MeResponse> {
  return apiRequest<MeResponse>({ method: 'PATCH', path: '/me', body: changes });
}
