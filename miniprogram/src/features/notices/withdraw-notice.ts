import type { NoticeDetail } from '@ankang/shared';
import { apiRequest } from '../../api';

/** 撤回: recipients no longer see it, and WeChat messages not yet sent for it are cancelled. */
export function withdrawNotice(id: string): Promise<NoticeDetail> {
  return apiRequest<NoticeDetail>({ method: 'POST', path: `/notices/${encodeURIComponent(id)}/withdraw` });
}
