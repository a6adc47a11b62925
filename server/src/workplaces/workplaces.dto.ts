import { Industry, type QrCodeFormat, type WorkplaceCard } from '@ankang/shared';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import type { WorkplaceCardRow } from './workplaces.repository';

export const QR_CODE_FORMATS: readonly QrCodeFormat[] = ['image', 'poster'];

export class QrCodeQueryDto {
  @ApiPropertyOptional({
    enum: QR_CODE_FORMATS,
    default: 'image',
    description:
      'image: the WeChat mini program code (a printable SVG poster when WeChat is not configured); poster: always the SVG poster',
  })
  @IsOptional()
  @IsIn(QR_CODE_FORMATS)
  format?: QrCodeFormat;
}

export class WorkplaceCardEnterpriseDto {
  @ApiProperty()
  id: string;

  @ApiProperty({ example: '河口煤业有限公司' })
  name: string;

  @ApiProperty({ enum: Industry, nullable: true })
  industry: Industry | null;
}

export class WorkplaceCardGridDto {
  @ApiProperty()
  id: string;

  @ApiProperty({ example: '河口镇第一网格' })
  name: string;

  @ApiProperty({ type: String, nullable: true, description: 'The grid officer, by name only' })
  officerName: string | null;
}

export class WorkplaceCardDto implements WorkplaceCard {
  @ApiProperty()
  id: string;

  @ApiProperty({ example: 'HK-COAL-01' })
  code: string;

  @ApiProperty({ example: '主井口' })
  name: string;

  @ApiProperty({ type: String, nullable: true })
  address: string | null;

  @ApiProperty({ enum: Industry, nullable: true, description: "The workplace's, else its enterprise's" })
  industry: Industry | null;

  @ApiProperty({ type: Number, nullable: true })
  latitude: number | null;

  @ApiProperty({ type: Number, nullable: true })
  longitude: number | null;

  @ApiProperty({ type: WorkplaceCardEnterpriseDto })
  enterprise: WorkplaceCardEnterpriseDto;

  @ApiProperty({ type: WorkplaceCardGridDto, nullable: true })
  grid: WorkplaceCardGridDto | null;
}

export function toWorkplaceCard(row: WorkplaceCardRow): WorkplaceCardDto {
  const enterpriseIndustry = (row.enterpriseIndustry as Industry | null) ?? null;
  return {
    id: String(row.id),
    code: row.code,
    name: row.name,
    address: row.address,
    industry: (row.industry as Industry | null) ?? enterpriseIndustry,
    latitude: numberOrNull(row.latitude),
    longitude: numberOrNull(row.longitude),
    enterprise: { id: String(row.enterpriseId), name: row.enterpriseName, industry: enterpriseIndustry },
    grid:
      row.gridId === null || row.gridName === null
        ? null
        : { id: String(row.gridId), name: row.gridName, officerName: row.officerName },
  };
}

/** Raw rows bring numbers as numbers or, from some drivers, as text. */
function numberOrNull(value: number | string | null): number | null {
  return value === null ? null : Number(value);
}
