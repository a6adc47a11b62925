import type { MyNoticeCounts } from '@ankang/shared';
import { apiRequest } from '../../api';

/** Unread notices and those still waiting for 已阅知 (the badge of the home page's 安全通知 entry). */
export async function fetchMyNoticeCounts(): Promise<MyNoticeCounts> {
  const answer = await apiRequest<MyNoticeCounts>({ path: '/me/notices/counts' });
  return {
    unread: typeof answer?.unread === 'number' ? answer.unread : 0,
    unacknowledged: typeof answer?.unacknowledged === 'number' ? answer.unacknowledged : 0,
  };
}
