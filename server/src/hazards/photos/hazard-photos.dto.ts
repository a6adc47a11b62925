import { HazardPhotoKind, type HazardPhoto as HazardPhotoResponse, type UploadHazardPhotoFields } from '@ankang/shared';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEnum, IsIn, IsOptional, IsUUID } from 'class-validator';
import type { HazardPhoto } from './hazard-photo.entity';

/** The text fields of the multipart upload (the file travels in the `file` part). */
export class UploadHazardPhotoFieldsDto implements UploadHazardPhotoFields {
  @ApiProperty({ format: 'uuid', description: 'Made on the phone for this photo: a retry returns the same photo' })
  @IsUUID()
  clientKey: string;

  @ApiProperty({ enum: HazardPhotoKind, description: '`report` for a new hazard, `fix` for the after-photo' })
  @IsEnum(HazardPhotoKind)
  kind: HazardPhotoKind;
}

/** The multipart body, for the OpenAPI document. */
export class UploadHazardPhotoBodyDto extends UploadHazardPhotoFieldsDto {
  @ApiProperty({
    type: 'string',
    format: 'binary',
    description: 'One JPEG, PNG or WebP photo (decided by its bytes), at most 10 MB',
  })
  file: unknown;
}

export const PHOTO_VARIANTS = ['original', 'thumbnail'] as const;
export type PhotoVariant = (typeof PHOTO_VARIANTS)[number];

export class PhotoVariantQueryDto {
  @ApiPropertyOptional({ enum: PHOTO_VARIANTS, default: 'original' })
  @IsOptional()
  @IsIn(PHOTO_VARIANTS)
  variant?: PhotoVariant;
}

export class HazardPhotoDto implements HazardPhotoResponse {
  @ApiProperty({ example: '17' })
  id: string;

  @ApiProperty({ enum: HazardPhotoKind })
  kind: HazardPhotoKind;

  @ApiProperty({ enum: ['image/jpeg', 'image/png', 'image/webp'] })
  contentType: string;

  @ApiProperty({ example: 1920, description: 'Upright, after the EXIF orientation was applied' })
  width: number;

  @ApiProperty({ example: 1440 })
  height: number;

  @ApiProperty({
    example: '/api/v1/hazards/9/photos/17',
    description:
      'Needs the bearer token. `/hazards/:ticketId/photos/:id` once attached (the ticket decides who sees it), `/hazard-photos/:id` before (the uploader only)',
  })
  url: string;

  @ApiProperty({ example: '/api/v1/hazards/9/photos/17?variant=thumbnail', description: 'A JPEG, long side 320 px' })
  thumbnailUrl: string;

  @ApiProperty()
  createdAt: string;
}

/** Paths as the mini program requests them; the server's routes live under `/api/v1`. */
const API_ROOT = '/api/v1';

export function toHazardPhotoDto(photo: HazardPhoto): HazardPhotoDto {
  const url =
    photo.ticketId === null
      ? `${API_ROOT}/hazard-photos/${photo.id}`
      : `${API_ROOT}/hazards/${photo.ticketId}/photos/${photo.id}`;
  return {
    id: String(photo.id),
    kind: photo.kind,
    contentType: photo.contentType,
    width: photo.width,
    height: photo.height,
    url,
    thumbnailUrl: `${url}?variant=thumbnail`,
    createdAt: photo.createdAt.toISOString(),
  };
}
