import type { NoticeDetail, UpdateNoticeRequest } from '@ankang/shared';
import { apiRequest } from '../../api';

/** Changes a draft or a scheduled notice (409 NOTICE_NOT_EDITABLE once published or withdrawn). */
export function updateNotice(id: string, request: UpdateNoticeRequest): Promise<NoticeDetail> {
  return apiRequest<NoticeDetail>({ method: 'PUT', path: `/notices/${encodeURIComponent(id)}`, body: request });
}
