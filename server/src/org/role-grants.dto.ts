import { OrgKind, Role, type RoleGrantSummary } from '@ankang/shared';
import { ApiProperty } from '@nestjs/swagger';
import type { RoleGrant } from './role-grant.entity';

export class RoleGrantSummaryDto implements RoleGrantSummary {
  @ApiProperty({ enum: Role })
  role: Role;

  @ApiProperty()
  orgUnitId: string;

  @ApiProperty({ example: '东川煤业有限公司' })
  orgUnitName: string;

  @ApiProperty({ enum: OrgKind })
  orgUnitKind: OrgKind;
}

export function toRoleGrantSummary(grant: RoleGrant): RoleGrantSummary {
  if (!grant.orgUnit) throw new Error(`Role grant ${grant.id} was loaded without its org unit`);
  return {
    role: grant.role,
    orgUnitId: String(grant.orgUnitId),
    orgUnitName: grant.orgUnit.name,
    orgUnitKind: grant.orgUnit.kind,
  };
}
