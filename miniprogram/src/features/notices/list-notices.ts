import type { NoticeListQuery, NoticeSummary, Page } from '@ankang/shared';
import { apiRequest } from '../../api';

/** Notices scoped within the caller's scope (安全通知 on the 工作台), newest first, by state. */
export function listNotices(query: NoticeListQuery = {}): Promise<Page<NoticeSummary>> {
  return apiRequest<Page<NoticeSummary>>({ path: '/notices', query: { ...query } });
}
