import type { OrgUnitListQuery, OrgUnitSummary, Page } from '@ankang/shared';
import { apiRequest } from '../../api';

/**
 * Nodes of the tree the caller may see: no filter → their scope roots; `parentId` → its children;
 * `withinId` (+ `q`, `kind`) → matching descendants.
 */
export function listOrgUnits(query: OrgUnitListQuery): Promise<Page<OrgUnitSummary>> {
  return apiRequest<Page<OrgUnitSummary>>({ path: '/org-units', query: { ...query } });
}
