import type { InboxUnreadCount } from '@ankang/shared';
import { apiRequest } from '../../api';

/** How many messages the person has not read (the badge on 我的). */
export async function fetchUnreadCount(): Promise<number> {
  const answer = await apiRequest<InboxUnreadCount>({ path: '/inbox/unread-count' });
  return typeof answer?.count === 'number' ? answer.count : 0;
}
