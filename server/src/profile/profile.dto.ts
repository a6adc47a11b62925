import {
  BindingStatus,
  type BindPhoneRequest,
  enumValues,
  type MeResponse,
  type UpdateMeRequest,
  WorkerGroup,
} from '@ankang/shared';
import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, Matches, MaxLength } from 'class-validator';
import { EnterpriseBindingSummaryDto, toBindingSummary } from '../bindings/bindings.dto';
import type { EnterpriseBinding } from '../bindings/enterprise-binding.entity';
import type { RoleGrant } from '../org/role-grant.entity';
import { RoleGrantSummaryDto, toRoleGrantSummary } from '../org/role-grants.dto';
import { DisplayNameField, EmployeeNumberField, WorkerGroupsField } from '../users/person-fields';
import type { User } from '../users/user.entity';
import { EnterpriseReferenceDto } from '../users/users.dto';

/** Groups are listed in the order the enum names them, whatever order the rows come in. */
const WORKER_GROUP_ORDER = enumValues(WorkerGroup);

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

  @ApiProperty({
    type: EnterpriseBindingSummaryDto,
    nullable: true,
    description: 'The latest 「我在这里工作」 request when it is pending or was rejected',
  })
  pendingBinding: EnterpriseBindingSummaryDto | null;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;
}

/** Only the fields present change; `employeeNumber: null` (or blank) clears it. */
export class UpdateMeDto implements UpdateMeRequest {
  @DisplayNameField()
  displayName?: string;

  @EmployeeNumberField()
  employeeNumber?: string | null;

  @WorkerGroupsField()
  workerGroups?: WorkerGroup[];
}

export class BindPhoneDto implements BindPhoneRequest {
  @ApiProperty({ description: 'The code from the getPhoneNumber button (single use, valid 5 minutes)' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(128)
  // WeChat codes are printable ASCII; anything else cannot be one.
  @Matches(/^[\x21-\x7e]+$/)
  code: string;
}

/**
 * The person as they see themselves. `user` is loaded with its enterprise and worker groups;
 * `latestBinding` is their most recent 「我在这里工作」 request, shown while pending or once rejected.
 */
export function toMeDto(user: User, grants: RoleGrant[], latestBinding: EnterpriseBinding | null): MeDto {
  const showBinding =
    latestBinding !== null &&
    (latestBinding.status === BindingStatus.Pending || latestBinding.status === BindingStatus.Rejected);
  return {
    id: String(user.id),
    displayName: user.displayName,
    phone: user.phone,
    roles: grants.map(toRoleGrantSummary),
    employeeNumber: user.employeeNumber,
    workerGroups: (user.workerGroups ?? [])
      .map((membership) => membership.workerGroup)
      .sort((left, right) => WORKER_GROUP_ORDER.indexOf(left) - WORKER_GROUP_ORDER.indexOf(right)),
    enterprise: user.enterprise ? { id: String(user.enterprise.id), name: user.enterprise.name } : null,
    pendingBinding: showBinding ? toBindingSummary(latestBinding) : null,
    createdAt: user.createdAt.toISOString(),
  };
}
