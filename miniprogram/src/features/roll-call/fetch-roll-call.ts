import type { RollCall } from '@ankang/shared';
import { apiRequest } from '../../api';

/** The foreman's roll call of a workplace on a China day (today when `date` is absent). */
export function fetchRollCall(workplaceId: string, date?: string): Promise<RollCall> {
  return apiRequest<RollCall>({ path: `/workplaces/${encodeURIComponent(workplaceId)}/roll-call`, query: { date } });
}
