import {
  BindingMode,
  type CreateOrgUnitRequest,
  Industry,
  type MoveOrgUnitRequest,
  OrgKind,
  type OrgUnitDetail,
  type OrgUnitListQuery,
  type OrgUnitReference,
  type OrgUnitSummary,
  type UpdateOrgUnitRequest,
} from '@ankang/shared';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsEnum, IsNotEmpty, IsNumber, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { PageOf, PageQueryDto } from '../common/pagination';
import { IsRecordId } from '../common/record-id';
import { OptionalNotNull, toBoolean, trimmed } from '../common/request-fields';
import type { OrgUnit } from './org-unit.entity';

export const ORG_UNIT_NAME_MAX_LENGTH = 100;
const ADDRESS_MAX_LENGTH = 255;
const SEARCH_MAX_LENGTH = 64;

export class OrgUnitListQueryDto extends PageQueryDto implements OrgUnitListQuery {
  @ApiPropertyOptional({ description: 'Direct children of this node' })
  @IsOptional()
  @IsRecordId()
  parentId?: string;

  @ApiPropertyOptional({ description: 'Every descendant of this node, in tree order' })
  @IsOptional()
  @IsRecordId()
  withinId?: string;

  @ApiPropertyOptional({ enum: OrgKind })
  @IsOptional()
  @IsEnum(OrgKind)
  kind?: OrgKind;

  @ApiPropertyOptional({ description: 'Part of the name or code' })
  @IsOptional()
  @Transform(trimmed)
  @IsString()
  @MaxLength(SEARCH_MAX_LENGTH)
  q?: string;

  @ApiPropertyOptional({ default: false })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  includeArchived?: boolean;
}

export class CreateOrgUnitDto implements CreateOrgUnitRequest {
  @ApiProperty({ example: '12' })
  @IsRecordId()
  parentId: string;

  @ApiProperty({ enum: OrgKind })
  @IsEnum(OrgKind)
  kind: OrgKind;

  @ApiProperty({ example: '河口煤业有限公司', maxLength: ORG_UNIT_NAME_MAX_LENGTH })
  @Transform(trimmed)
  @IsString()
  @IsNotEmpty()
  @MaxLength(ORG_UNIT_NAME_MAX_LENGTH)
  name: string;

  @ApiPropertyOptional({ enum: Industry, description: 'Required for enterprises; workplaces inherit theirs' })
  @OptionalNotNull()
  @IsEnum(Industry)
  industry?: Industry;

  @ApiPropertyOptional({
    example: 'HK-COAL-01',
    description: 'Workplaces only: at most 30 characters of WeChat’s scene alphabet; generated when absent',
  })
  @OptionalNotNull()
  // Checked by the service against WeChat's alphabet, so that a bad code gets its own error code.
  @IsString()
  code?: string;

  @ApiPropertyOptional({ maxLength: ADDRESS_MAX_LENGTH })
  @OptionalNotNull()
  @Transform(trimmed)
  @IsString()
  @MaxLength(ADDRESS_MAX_LENGTH)
  address?: string;

  @ApiPropertyOptional({ minimum: -90, maximum: 90 })
  @OptionalNotNull()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(-90)
  @Max(90)
  latitude?: number;

  @ApiPropertyOptional({ minimum: -180, maximum: 180 })
  @OptionalNotNull()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(-180)
  @Max(180)
  longitude?: number;

  @ApiPropertyOptional({ enum: BindingMode, description: 'Enterprises only; approval by an officer when absent' })
  @OptionalNotNull()
  @IsEnum(BindingMode)
  bindingMode?: BindingMode;
}

export class UpdateOrgUnitDto implements UpdateOrgUnitRequest {
  @ApiPropertyOptional({ maxLength: ORG_UNIT_NAME_MAX_LENGTH })
  @OptionalNotNull()
  @Transform(trimmed)
  @IsString()
  @IsNotEmpty()
  @MaxLength(ORG_UNIT_NAME_MAX_LENGTH)
  name?: string;

  @ApiPropertyOptional({ enum: Industry, description: 'Enterprises only; their workplaces follow' })
  @OptionalNotNull()
  @IsEnum(Industry)
  industry?: Industry;

  @ApiPropertyOptional({ description: 'Workplaces only' })
  @OptionalNotNull()
  @IsString()
  code?: string;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: ADDRESS_MAX_LENGTH })
  @IsOptional()
  @Transform(trimmed)
  @IsString()
  @MaxLength(ADDRESS_MAX_LENGTH)
  address?: string | null;

  @ApiPropertyOptional({ type: Number, nullable: true, minimum: -90, maximum: 90 })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(-90)
  @Max(90)
  latitude?: number | null;

  @ApiPropertyOptional({ type: Number, nullable: true, minimum: -180, maximum: 180 })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(-180)
  @Max(180)
  longitude?: number | null;

  @ApiPropertyOptional({ enum: BindingMode, description: 'Enterprises only' })
  @OptionalNotNull()
  @IsEnum(BindingMode)
  bindingMode?: BindingMode;

  @ApiPropertyOptional({ type: String, nullable: true, description: 'Workplaces only; null takes it out of its grid' })
  @IsOptional()
  @IsRecordId()
  gridId?: string | null;
}

export class MoveOrgUnitDto implements MoveOrgUnitRequest {
  @ApiProperty({ example: '7' })
  @IsRecordId()
  parentId: string;
}

export class OrgUnitReferenceDto implements OrgUnitReference {
  @ApiProperty()
  id: string;

  @ApiProperty()
  name: string;

  @ApiProperty({ enum: OrgKind })
  kind: OrgKind;
}

export class OrgUnitSummaryDto implements OrgUnitSummary {
  @ApiProperty()
  id: string;

  @ApiProperty({ enum: OrgKind })
  kind: OrgKind;

  @ApiProperty()
  name: string;

  @ApiProperty({ type: String, nullable: true })
  parentId: string | null;

  @ApiProperty({ enum: Industry, nullable: true })
  industry: Industry | null;

  @ApiProperty({ type: String, nullable: true })
  code: string | null;

  @ApiProperty({ type: String, nullable: true })
  address: string | null;

  @ApiProperty({ type: Number, nullable: true })
  latitude: number | null;

  @ApiProperty({ type: Number, nullable: true })
  longitude: number | null;

  @ApiProperty({ enum: BindingMode, nullable: true })
  bindingMode: BindingMode | null;

  @ApiProperty({ type: String, nullable: true })
  gridId: string | null;

  @ApiProperty()
  archived: boolean;

  @ApiProperty({ description: 'Direct children that are not archived' })
  childCount: number;
}

export class OrgUnitDetailDto extends OrgUnitSummaryDto implements OrgUnitDetail {
  @ApiProperty({
    type: [OrgUnitReferenceDto],
    description: 'From the top of what the caller may see down to the parent',
  })
  ancestors: OrgUnitReferenceDto[];

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt: string;
}

export class OrgUnitPageDto extends PageOf(OrgUnitSummaryDto) {}

export function toOrgUnitReference(unit: OrgUnit): OrgUnitReferenceDto {
  return { id: String(unit.id), name: unit.name, kind: unit.kind };
}

export function toOrgUnitSummary(unit: OrgUnit, childCount: number): OrgUnitSummaryDto {
  return {
    id: String(unit.id),
    kind: unit.kind,
    name: unit.name,
    parentId: unit.parentId === null ? null : String(unit.parentId),
    industry: unit.industry,
    code: unit.code,
    address: unit.address,
    latitude: unit.latitude,
    longitude: unit.longitude,
    bindingMode: unit.bindingMode,
    gridId: unit.gridId === null ? null : String(unit.gridId),
    archived: unit.archivedAt !== null,
    childCount,
  };
}

export function toOrgUnitDetail(unit: OrgUnit, childCount: number, ancestors: OrgUnit[]): OrgUnitDetailDto {
  return {
    ...toOrgUnitSummary(unit, childCount),
    ancestors: ancestors.map(toOrgUnitReference),
    createdAt: unit.createdAt.toISOString(),
    updatedAt: unit.updatedAt.toISOString(),
  };
}
