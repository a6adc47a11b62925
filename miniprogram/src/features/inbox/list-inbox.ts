import type { InboxListQuery, InboxMessage, Page } from '@ankang/shared';
import { apiRequest } from '../../api';

/** The person's in-app messages, newest first. */
export function listInbox(query: InboxListQuery = {}): Promise<Page<InboxMessage>> {
  return apiRequest<Page<InboxMessage>>({ path: '/inbox', query: { ...query } });
}
