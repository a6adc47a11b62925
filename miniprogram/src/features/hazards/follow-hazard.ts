import type { HazardFollowView } from '@ankang/shared';
import { apiRequest } from '../../api';

/**
 * An anonymous report's progress through the follow-up token kept on the phone. No bearer token:
 * the token alone is the key, and nothing ties the request to the person.
 */
export function followHazard(token: string): Promise<HazardFollowView> {
  return apiRequest<HazardFollowView>({ path: `/hazards/follow/${encodeURIComponent(token)}`, auth: 'none' });
}
