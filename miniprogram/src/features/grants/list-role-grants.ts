import type { Page, RoleGrantDetail, RoleGrantListQuery } from '@ankang/shared';
import { apiRequest } from '../../api';

/** Role grants held at the nodes of a subtree. */
export function listRoleGrants(query: RoleGrantListQuery): Promise<Page<RoleGrantDetail>> {
  return apiRequest<Page<RoleGrantDetail>>({ path: '/role-grants', query: { ...query } });
}
