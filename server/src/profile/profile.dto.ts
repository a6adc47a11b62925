import { type EnterpriseBindingSummary, type MeResponse, WorkerGroup } from '@ankang/shared';
import { ApiProperty } from '@nestjs/swagger';
import type { RoleGrant } from '../org/role-grant.entity';
import { RoleGrantSummaryDto, toRoleGrantSummary } from '../org/role-grants.dto';
import type { User } from '../users/user.entity';

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
