import type { MyNotice } from '@ankang/shared';
import { apiRequest } from '../../api';

/**
 * 我已阅知. The server keeps the first acknowledgement and answers the same for every repeat, so
 * the request is re-sent after a network failure like a GET.
 */
export function acknowledgeNotice(id: string): Promise<MyNotice> {
  return apiRequest<MyNotice>({
    method: 'POST',
    path: `/me/notices/${encodeURIComponent(id)}/acknowledge`,
    networkRetries: 2,
  });
}
