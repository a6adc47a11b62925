import type { NoticeDetail } from '@ankang/shared';
import { apiRequest } from '../../api';

/**
 * Publishes now, or schedules when its publish time is ahead. Publishing a published notice
 * answers it unchanged, so a network failure is retried.
 */
export function publishNotice(id: string): Promise<NoticeDetail> {
  return apiRequest<NoticeDetail>({
    method: 'POST',
    path: `/notices/${encodeURIComponent(id)}/publish`,
    networkRetries: 2,
  });
}
