import type { OrgUnitDetail } from '@ankang/shared';
import { apiRequest } from '../../api';

/** One node with its ancestors (for breadcrumbs); 404 COMMON_NOT_FOUND outside the caller's scope. */
export function fetchOrgUnit(id: string): Promise<OrgUnitDetail> {
  return apiRequest<OrgUnitDetail>({ path: `/org-units/${encodeURIComponent(id)}` });
}
