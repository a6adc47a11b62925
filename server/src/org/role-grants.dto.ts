import {
  type CreateRoleGrantRequest,
  OrgKind,
  Role,
  type RoleGrantDetail,
  type RoleGrantListQuery,
  type RoleGrantSummary,
} from '@ankang/shared';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEnum, IsOptional } from 'class-validator';
import { PageOf, PageQueryDto } from '../common/pagination';
import { IsRecordId } from '../common/record-id';
import type { User } from '../users/user.entity';
import { OrgUnitReferenceDto, toOrgUnitReference } from './org-units.dto';
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

export class RoleGrantListQueryDto extends PageQueryDto implements RoleGrantListQuery {
  @ApiPropertyOptional({ description: 'Grants held at nodes of this subtree' })
  @IsOptional()
  @IsRecordId()
  orgUnitId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsRecordId()
  userId?: string;

  @ApiPropertyOptional({ enum: Role })
  @IsOptional()
  @IsEnum(Role)
  role?: Role;
}

export class CreateRoleGrantDto implements CreateRoleGrantRequest {
  @ApiProperty({ example: '42' })
  @IsRecordId()
  userId: string;

  @ApiProperty({ enum: Role, description: 'Worker roles come from enterprise binding, not from here' })
  @IsEnum(Role)
  role: Role;

  @ApiProperty({ example: '7' })
  @IsRecordId()
  orgUnitId: string;
}

export class PersonReferenceDto {
  @ApiProperty()
  id: string;

  @ApiProperty()
  displayName: string;
}

export class RoleGrantDetailDto implements RoleGrantDetail {
  @ApiProperty()
  id: string;

  @ApiProperty({ enum: Role })
  role: Role;

  @ApiProperty({ type: OrgUnitReferenceDto })
  orgUnit: OrgUnitReferenceDto;

  @ApiProperty({ type: PersonReferenceDto })
  user: PersonReferenceDto;

  @ApiProperty({ type: PersonReferenceDto, nullable: true, description: 'Null for seeded grants' })
  grantedBy: PersonReferenceDto | null;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;
}

export class RoleGrantPageDto extends PageOf(RoleGrantDetailDto) {}

/** A grant loaded with its org unit and user; `granter` is whoever made it, when known. */
export function toRoleGrantDetail(grant: RoleGrant, granter: User | null): RoleGrantDetailDto {
  if (!grant.orgUnit || !grant.user) throw new Error(`Role grant ${grant.id} was loaded without its relations`);
  return {
    id: String(grant.id),
    role: grant.role,
    orgUnit: toOrgUnitReference(grant.orgUnit),
    user: { id: String(grant.user.id), displayName: grant.user.displayName },
    grantedBy: granter ? { id: String(granter.id), displayName: granter.displayName } : null,
    createdAt: grant.createdAt.toISOString(),
  };
}
