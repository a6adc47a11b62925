import type { HazardTicketDetail } from '@ankang/shared';
import { apiRequest } from '../../api';

/** One ticket with photos, timeline and the actions the caller may take (404 to anyone unrelated). */
export function fetchHazard(id: string): Promise<HazardTicketDetail> {
  return apiRequest<HazardTicketDetail>({ path: `/hazards/${encodeURIComponent(id)}` });
}
