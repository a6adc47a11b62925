import { ORG_KIND_LABELS, ROLE_LABELS, Role, type RoleGrantSummary } from '@ankang/shared';

/** 企业安全员 · 安康化工有限公司 */
export function roleGrantLine(grant: RoleGrantSummary): string {
  return `${ROLE_LABELS[grant.role] ?? grant.role} · ${grant.orgUnitName}`;
}

export function orgKindLabel(grant: RoleGrantSummary): string {
  return ORG_KIND_LABELS[grant.orgUnitKind] ?? '';
}

/** Distinct role names in Chinese, in the order of the grants: 职工、企业安全员 */
export function roleNames(grants: readonly RoleGrantSummary[]): string[] {
  const names: string[] = [];
  for (const grant of grants) {
    const name = ROLE_LABELS[grant.role] ?? grant.role;
    if (!names.includes(name)) {
      names.push(name);
    }
  }
  return names;
}

const STAFF_ROLES: readonly Role[] = [Role.Officer, Role.UnionStaff, Role.Admin];

/** Officers, union staff and admins get the 工作台 (staff subpackage). */
export function isStaff(grants: readonly RoleGrantSummary[]): boolean {
  return grants.some((grant) => STAFF_ROLES.includes(grant.role));
}
