import type { RoleGrantSummary } from '@ankang/shared';
import type { RoleGrant } from './role-grant.entity';

export function toRoleGrantSummary(grant: RoleGrant): RoleGrantSummary {
  if (!grant.orgUnit) throw new Error(`Role grant ${grant.id} was loaded without its org unit`);
  return {
    role: grant.role,
    orgUnitId: String(grant.orgUnitId),
    orgUnitName: grant.orgUnit.name,
    orgUnitKind: grant.orgUnit.kind,
  };
}
