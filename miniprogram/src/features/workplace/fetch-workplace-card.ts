import type { WorkplaceCard } from '@ankang/shared';
import { apiRequest } from '../../api';

/**
 * The public card of a scanned workplace: no token, so it shows before login (H5 posters) and an
 * expired session never stands between a worker and the card. 404 ORG_WORKPLACE_NOT_FOUND for an
 * unknown code.
 */
export function fetchWorkplaceCard(workplaceCode: string): Promise<WorkplaceCard> {
  return apiRequest<WorkplaceCard>({ path: `/workplaces/by-code/${encodeURIComponent(workplaceCode)}`, auth: 'none' });
}
