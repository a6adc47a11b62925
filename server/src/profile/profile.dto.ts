import {
  BindingStatus,
  type BindPhoneRequest,
  enumValues,
  type MeResponse,
  type UpdateMeRequest,
  WorkerGroup,
} from '@ankang/shared';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsEnum,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  ValidateIf,
} from 'class-validator';
import { EnterpriseBindingSummaryDto, toBindingSummary } from '../bindings/bindings.dto';
import type { EnterpriseBinding } from '../bindings/enterprise-binding.entity';
import type { RoleGrant } from '../org/role-grant.entity';
import { RoleGrantSummaryDto, toRoleGrantSummary } from '../org/role-grants.dto';
import type { User } from '../users/user.entity';

export const DISPLAY_NAME_MAX_LENGTH = 32;
export const EMPLOYEE_NUMBER_MAX_LENGTH = 32;
/** Visible text only: no control, format or unassigned characters (they would garble lists and exports). */
const PRINTABLE_TEXT = /^[^\p{C}]+$/u;

/** Groups are listed in the order the enum names them, whatever order the rows come in. */
const WORKER_GROUP_ORDER = enumValues(WorkerGroup);

const trimmed = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

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
  @ApiPropertyOptional({ minLength: 1, maxLength: DISPLAY_NAME_MAX_LENGTH, example: '张建国' })
  // Not IsOptional: that would let `null` through to a column that cannot hold it.
  @ValidateIf((_object, value) => value !== undefined)
  @Transform(trimmed)
  @IsString()
  @IsNotEmpty()
  @MaxLength(DISPLAY_NAME_MAX_LENGTH)
  @Matches(PRINTABLE_TEXT)
  displayName?: string;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: EMPLOYEE_NUMBER_MAX_LENGTH, example: 'HK-0012' })
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() || null : value))
  @IsOptional()
  @IsString()
  @MaxLength(EMPLOYEE_NUMBER_MAX_LENGTH)
  @Matches(PRINTABLE_TEXT)
  employeeNumber?: string | null;

  @ApiPropertyOptional({ enum: WorkerGroup, isArray: true, description: 'The whole set: replaces the groups held' })
  @ValidateIf((_object, value) => value !== undefined)
  // A set: the same group twice is the same group.
  @Transform(({ value }) => (Array.isArray(value) ? [...new Set(value)] : value))
  @IsArray()
  @ArrayMaxSize(enumValues(WorkerGroup).length)
  @IsEnum(WorkerGroup, { each: true })
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
