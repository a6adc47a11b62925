import {
  maskPhone,
  Role,
  type UpdateUserRequest,
  type UserListQuery,
  type UserSummary,
  WorkerGroup,
} from '@ankang/shared';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsEnum, IsOptional, IsString, MaxLength } from 'class-validator';
import { PageOf, PageQueryDto } from '../common/pagination';
import { IsRecordId } from '../common/record-id';
import { OptionalNotNull, trimmed } from '../common/request-fields';
import type { RoleGrant } from '../org/role-grant.entity';
import { RoleGrantSummaryDto, toRoleGrantSummary } from '../org/role-grants.dto';
import { DisplayNameField, EmployeeNumberField, WorkerGroupsField } from './person-fields';
import type { User } from './user.entity';

export class UserListQueryDto extends PageQueryDto implements UserListQuery {
  @ApiPropertyOptional({ description: 'Name, employee number, or the last (up to 4) digits of the phone' })
  @IsOptional()
  @Transform(trimmed)
  @IsString()
  @MaxLength(64)
  q?: string;

  @ApiPropertyOptional({ description: 'People of this node’s subtree' })
  @IsOptional()
  @IsRecordId()
  orgUnitId?: string;

  @ApiPropertyOptional({ enum: Role })
  @IsOptional()
  @IsEnum(Role)
  role?: Role;

  @ApiPropertyOptional({ enum: WorkerGroup })
  @IsOptional()
  @IsEnum(WorkerGroup)
  workerGroup?: WorkerGroup;
}

export class UpdateUserDto implements UpdateUserRequest {
  @DisplayNameField()
  displayName?: string;

  @EmployeeNumberField()
  employeeNumber?: string | null;

  @WorkerGroupsField()
  workerGroups?: WorkerGroup[];

  @ApiPropertyOptional({ description: 'Disabling also ends every session of the person' })
  @OptionalNotNull()
  @IsBoolean()
  disabled?: boolean;
}

export class EnterpriseReferenceDto {
  @ApiProperty()
  id: string;

  @ApiProperty()
  name: string;
}

export class UserSummaryDto implements UserSummary {
  @ApiProperty()
  id: string;

  @ApiProperty()
  displayName: string;

  @ApiProperty({ type: String, nullable: true, example: '138****1234', description: 'Masked' })
  phone: string | null;

  @ApiProperty({ type: String, nullable: true })
  employeeNumber: string | null;

  @ApiProperty({ enum: WorkerGroup, isArray: true })
  workerGroups: WorkerGroup[];

  @ApiProperty({
    type: EnterpriseReferenceDto,
    nullable: true,
    description: 'Null when unbound, or bound to an enterprise outside the caller’s scope',
  })
  enterprise: EnterpriseReferenceDto | null;

  @ApiProperty({ type: [RoleGrantSummaryDto], description: 'Only the roles held where the caller may see' })
  roles: RoleGrantSummaryDto[];

  @ApiProperty()
  disabled: boolean;
}

export class UserPageDto extends PageOf(UserSummaryDto) {}

/**
 * A person as staff see them: phone masked; the roles and the enterprise only where the caller's
 * scope reaches (the caller passes the grants they may see and whether the enterprise is one).
 */
export function toUserSummary(
  user: User,
  workerGroups: WorkerGroup[],
  visibleGrants: RoleGrant[],
  enterpriseVisible: boolean,
): UserSummaryDto {
  return {
    id: String(user.id),
    displayName: user.displayName,
    phone: maskPhone(user.phone),
    employeeNumber: user.employeeNumber,
    workerGroups,
    enterprise:
      user.enterprise && enterpriseVisible ? { id: String(user.enterprise.id), name: user.enterprise.name } : null,
    roles: visibleGrants.map(toRoleGrantSummary),
    disabled: user.disabledAt !== null,
  };
}
