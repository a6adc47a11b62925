import {
  type EnterpriseBindingSummary,
  type MeResponse,
  OrgKind,
  Role,
  type RoleGrantSummary,
  WorkerGroup,
} from '@ankang/shared';
import { ApiProperty } from '@nestjs/swagger';
import type { RoleGrant } from '../org/role-grant.entity';
import { toRoleGrantSummary } from '../org/role-grant.mapper';
import type { User } from './user.entity';

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

export class EnterpriseReferenceDto {
  @ApiProperty()
  id: string;

  @ApiProperty()
  name: string;
}

export class MeDto implements MeResponse {
  @ApiProperty()
  id: string;

  @ApiProperty({ example: '张建国' })
  displayName: string;

  @ApiProperty({ type: String, nullable: true, description: 'Unmasked: this is the person themselves' })
  phone: string | null;

  @ApiProperty({ type: [RoleGrantSummaryDto] })
  roles: RoleGrantSummaryDto[];

  @ApiProperty({ type: String, nullable: true })
  employeeNumber: string | null;

  @ApiProperty({ enum: WorkerGroup, isArray: true })
  workerGroups: WorkerGroup[];

  @ApiProperty({ type: EnterpriseReferenceDto, nullable: true })
  enterprise: EnterpriseReferenceDto | null;

  @ApiProperty({ type: Object, nullable: true })
  pendingBinding: EnterpriseBindingSummary | null;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;
}

export function toMeDto(user: User, grants: RoleGrant[]): MeDto {
  return {
    id: String(user.id),
    displayName: user.displayName,
    phone: user.phone,
    roles: grants.map(toRoleGrantSummary),
    employeeNumber: user.employeeNumber,
    workerGroups: (user.workerGroups ?? []).map((membership) => membership.workerGroup),
    pendingBinding: null,
    enterprise: user.enterprise ? { id: String(user.enterprise.id), name: user.enterprise.name } : null,
    createdAt: user.createdAt.toISOString(),
  };
}
