import type { CreateNoticeRequest, NoticeDetail } from '@ankang/shared';
import { apiRequest } from '../../api';

/** A new draft; the same client key answers with the same draft (a retried 保存 makes one). */
export function createNotice(request: CreateNoticeRequest): Promise<NoticeDetail> {
  return apiRequest<NoticeDetail>({ method: 'POST', path: '/notices', body: request, clientKey: request.clientKey });
}
