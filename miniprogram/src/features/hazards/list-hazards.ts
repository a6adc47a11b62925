import type { HazardListQuery, HazardTicketSummary, Page } from '@ankang/shared';
import { apiRequest } from '../../api';

/** Staff lists: `view=queue` (the officer's work, overdue first), `supervision` (重大 and overdue), `all`. */
export function listHazards(query: HazardListQuery): Promise<Page<HazardTicketSummary>> {
  return apiRequest<Page<HazardTicketSummary>>({ path: '/hazards', query: { ...query } });
}
