import type { CreateOrgUnitRequest, OrgUnitDetail } from '@ankang/shared';
import { apiRequest } from '../../api';

/** Creates a node (officers: workplaces under their enterprise). */
export function createOrgUnit(request: CreateOrgUnitRequest): Promise<OrgUnitDetail> {
  return apiRequest<OrgUnitDetail>({ method: 'POST', path: '/org-units', body: request });
}
