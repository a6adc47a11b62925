import type { NoticeDetail } from '@ankang/shared';
import { apiRequest } from '../../api';

/** A notice as its authors see it, audience included (404 outside the caller's scope). */
export function fetchNotice(id: string): Promise<NoticeDetail> {
  return apiRequest<NoticeDetail>({ path: `/notices/${encodeURIComponent(id)}` });
}
