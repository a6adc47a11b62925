import type { RemindNoticeRequest, RemindNoticeResponse } from '@ankang/shared';
import { apiRequest } from '../../api';

/** 催办未阅知 at a node: once a China day per notice and node (409 on the second). */
export function remindNotice(id: string, request: RemindNoticeRequest): Promise<RemindNoticeResponse> {
  return apiRequest<RemindNoticeResponse>({
    method: 'POST',
    path: `/notices/${encodeURIComponent(id)}/remind`,
    body: request,
  });
}
