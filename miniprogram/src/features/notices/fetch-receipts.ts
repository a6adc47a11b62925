import type { NoticeReceipts } from '@ankang/shared';
import { apiRequest } from '../../api';

/** Receipts of a notice at a node of its scope (the notice's scope when absent) and its children. */
export function fetchReceipts(id: string, orgUnitId?: string): Promise<NoticeReceipts> {
  return apiRequest<NoticeReceipts>({
    path: `/notices/${encodeURIComponent(id)}/receipts`,
    query: { orgUnitId: orgUnitId || undefined },
  });
}
