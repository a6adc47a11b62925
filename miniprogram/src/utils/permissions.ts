import {
  GRANTABLE_ROLES,
  type OrgKind,
  type Permission,
  ROLE_NODE_KINDS,
  type Role,
  type RoleGrantSummary,
  roleHasPermission,
} from '@ankang/shared';

/**
 * What the person may do, from their roles (MeResponse.roles) and the shared permission table. The
 * server enforces all of it; the mini program only hides what would be refused.
 */

/** A node and the nodes above it that the caller may see (OrgUnitDetail.ancestors). */
export interface NodeInTree {
  id: string;
  kind: OrgKind;
  ancestors: readonly { id: string }[];
}

/** True when any role allows `permission` somewhere (to show an entry on the 工作台). */
export function hasPermission(roles: readonly RoleGrantSummary[], permission: Permission): boolean {
  return roles.some((grant) => roleHasPermission(grant.role, permission));
}

/** The grants whose subtree contains the node: held at the node itself or at one of its ancestors. */
function grantsCovering(roles: readonly RoleGrantSummary[], node: NodeInTree): RoleGrantSummary[] {
  const path = new Set([node.id, ...node.ancestors.map((ancestor) => ancestor.id)]);
  return roles.filter((grant) => path.has(grant.orgUnitId));
}

/** True when a role held at the node or above it allows `permission` there. */
export function canAt(roles: readonly RoleGrantSummary[], permission: Permission, node: NodeInTree): boolean {
  return grantsCovering(roles, node).some((grant) => roleHasPermission(grant.role, permission));
}

/**
 * The roles the person may grant at this node: what their covering roles may grant
 * (GRANTABLE_ROLES), held at this kind of node (ROLE_NODE_KINDS), in the shared table's order.
 */
export function grantableRolesAt(roles: readonly RoleGrantSummary[], node: NodeInTree): Role[] {
  const result: Role[] = [];
  for (const grant of grantsCovering(roles, node)) {
    for (const role of GRANTABLE_ROLES[grant.role]) {
      if (ROLE_NODE_KINDS[role].includes(node.kind) && !result.includes(role)) {
        result.push(role);
      }
    }
  }
  return result;
}

/** True when the person may revoke a grant of `role` at a node inside their subtree. */
export function canRevokeAt(roles: readonly RoleGrantSummary[], role: Role, node: NodeInTree): boolean {
  return grantsCovering(roles, node).some((grant) => GRANTABLE_ROLES[grant.role].includes(role));
}
