import type { CreateRoleGrantRequest, RoleGrantDetail } from '@ankang/shared';
import { apiRequest } from '../../api';

/** Grants a role at a node. A repeat is refused with ORG_GRANT_EXISTS, so it never duplicates. */
export function createRoleGrant(request: CreateRoleGrantRequest): Promise<RoleGrantDetail> {
  return apiRequest<RoleGrantDetail>({ method: 'POST', path: '/role-grants', body: request });
}
