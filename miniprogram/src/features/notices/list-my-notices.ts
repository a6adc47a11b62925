import type { MyNotice, MyNoticeListQuery, Page } from '@ankang/shared';
import { apiRequest } from '../../api';

/** The person's published notices, newest first (我的通知); `unacknowledgedOnly` for 待确认. */
export function listMyNotices(query: MyNoticeListQuery = {}): Promise<Page<MyNotice>> {
  return apiRequest<Page<MyNotice>>({ path: '/me/notices', query: { ...query } });
}
