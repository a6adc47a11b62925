import {
  type CreateGridRequest,
  type GridListQuery,
  type GridSummary,
  maskPhone,
  type UpdateGridRequest,
} from '@ankang/shared';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { PageOf, PageQueryDto } from '../common/pagination';
import { IsRecordId } from '../common/record-id';
import { OptionalNotNull, toBoolean, trimmed } from '../common/request-fields';
import type { Grid } from './grid.entity';

export const GRID_NAME_MAX_LENGTH = 100;

export class GridListQueryDto extends PageQueryDto implements GridListQuery {
  @ApiPropertyOptional({ description: 'Grids of this union node and its sub-unions' })
  @IsOptional()
  @IsRecordId()
  unionId?: string;

  @ApiPropertyOptional({ description: 'Part of the name' })
  @IsOptional()
  @Transform(trimmed)
  @IsString()
  @MaxLength(64)
  q?: string;

  @ApiPropertyOptional({ default: false })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  includeArchived?: boolean;
}

export class CreateGridDto implements CreateGridRequest {
  @ApiProperty({ example: '3' })
  @IsRecordId()
  unionId: string;

  @ApiProperty({ example: '河口镇第一网格', maxLength: GRID_NAME_MAX_LENGTH })
  @Transform(trimmed)
  @IsString()
  @IsNotEmpty()
  @MaxLength(GRID_NAME_MAX_LENGTH)
  name: string;

  @ApiPropertyOptional({ description: 'A person bound to an enterprise or holding a role under the union' })
  @OptionalNotNull()
  @IsRecordId()
  officerUserId?: string;
}

export class UpdateGridDto implements UpdateGridRequest {
  @ApiPropertyOptional({ maxLength: GRID_NAME_MAX_LENGTH })
  @OptionalNotNull()
  @Transform(trimmed)
  @IsString()
  @IsNotEmpty()
  @MaxLength(GRID_NAME_MAX_LENGTH)
  name?: string;

  @ApiPropertyOptional({ type: String, nullable: true, description: 'Null leaves the grid without an officer' })
  @IsOptional()
  @IsRecordId()
  officerUserId?: string | null;
}

export class GridOfficerDto {
  @ApiProperty()
  id: string;

  @ApiProperty()
  displayName: string;

  @ApiProperty({ type: String, nullable: true, example: '138****1234', description: 'Masked' })
  phone: string | null;
}

export class GridSummaryDto implements GridSummary {
  @ApiProperty()
  id: string;

  @ApiProperty()
  unionId: string;

  @ApiProperty()
  unionName: string;

  @ApiProperty()
  name: string;

  @ApiProperty({ type: GridOfficerDto, nullable: true })
  officer: GridOfficerDto | null;

  @ApiProperty({ description: 'Active workplaces in the grid' })
  workplaceCount: number;

  @ApiProperty()
  archived: boolean;
}

export class GridPageDto extends PageOf(GridSummaryDto) {}

/** A grid loaded with its union and officer. */
export function toGridSummary(grid: Grid, workplaceCount: number): GridSummaryDto {
  if (!grid.union) throw new Error(`Grid ${grid.id} was loaded without its union`);
  return {
    id: String(grid.id),
    unionId: String(grid.unionId),
    unionName: grid.union.name,
    name: grid.name,
    officer: grid.officer
      ? { id: String(grid.officer.id), displayName: grid.officer.displayName, phone: maskPhone(grid.officer.phone) }
      : null,
    workplaceCount,
    archived: grid.archivedAt !== null,
  };
}
