import type { HazardTicketSummary, Page } from '@ankang/shared';
import { apiRequest } from '../../api';

/** The caller's named and hidden-name reports, newest first (anonymous ones are followed by token). */
export function listMyHazards(cursor?: string): Promise<Page<HazardTicketSummary>> {
  return apiRequest<Page<HazardTicketSummary>>({ path: '/hazards/mine', query: { cursor } });
}
