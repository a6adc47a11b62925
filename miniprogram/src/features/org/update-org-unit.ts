import type { OrgUnitDetail, UpdateOrgUnitRequest } from '@ankang/shared';
import { apiRequest } from '../../api';

/** Renames a node or edits its details (address, industry, binding mode). */
export function updateOrgUnit(id: string, changes: UpdateOrgUnitRequest): Promise<OrgUnitDetail> {
  return apiRequest<OrgUnitDetail>({ method: 'PATCH', path: `/org-units/${encodeURIComponent(id)}`, body: changes });
}
