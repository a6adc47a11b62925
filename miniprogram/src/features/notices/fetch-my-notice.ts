import type { MyNotice } from '@ankang/shared';
import { apiRequest } from '../../api';

/** One of the person's notices; opening it marks it read (and its inbox messages) on the server. */
export function fetchMyNotice(id: string, returnUrl?: string): Promise<MyNotice> {
  return apiRequest<MyNotice>({ path: `/me/notices/${encodeURIComponent(id)}`, returnUrl });
}
