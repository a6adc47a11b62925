import type { LessonImage as LessonImageResponse, UploadLessonImageFields } from '@ankang/shared';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import type { LessonImage } from './lesson-image.entity';

/** The text field of the multipart upload (the file travels in the `file` part). */
export class UploadLessonImageFieldsDto implements UploadLessonImageFields {
  @ApiProperty({ format: 'uuid', description: 'Made for this upload: a retry returns the same image' })
  // MariaDB compares keys without regard to case, SQLite with: one spelling for both.
  @Transform(({ value }) => (typeof value === 'string' ? value.toLowerCase() : value))
  @IsUUID()
  clientKey: string;
}

/** The multipart body, for the OpenAPI document. */
export class UploadLessonImageBodyDto extends UploadLessonImageFieldsDto {
  @ApiProperty({
    type: 'string',
    format: 'binary',
    description: 'One JPEG, PNG or WebP picture (decided by its bytes), at most 10 MB',
  })
  file: unknown;
}

export const LESSON_IMAGE_VARIANTS = ['original', 'thumbnail'] as const;
export type LessonImageVariant = (typeof LESSON_IMAGE_VARIANTS)[number];

export class LessonImageVariantQueryDto {
  @ApiPropertyOptional({ enum: LESSON_IMAGE_VARIANTS, default: 'original' })
  @IsOptional()
  @IsIn(LESSON_IMAGE_VARIANTS)
  variant?: LessonImageVariant;
}

export class LessonImageDto implements LessonImageResponse {
  @ApiProperty({ example: '5' })
  id: string;

  @ApiProperty({ enum: ['image/jpeg', 'image/png', 'image/webp'] })
  contentType: string;

  @ApiProperty({ example: 1280 })
  width: number;

  @ApiProperty({ example: 720 })
  height: number;

  @ApiProperty({ example: '/api/v1/lesson-images/5', description: 'Needs the bearer token of any signed-in person' })
  url: string;

  @ApiProperty({ example: '/api/v1/lesson-images/5?variant=thumbnail', description: 'A JPEG, long side 320 px' })
  thumbnailUrl: string;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;
}

/** Paths as the mini program requests them; the server's routes live under `/api/v1`. */
export function lessonImageUrl(id: string | number): string {
  return `/api/v1/lesson-images/${id}`;
}

export function toLessonImageDto(image: LessonImage): LessonImageDto {
  const url = lessonImageUrl(image.id);
  return {
    id: String(image.id),
    contentType: image.contentType,
    width: image.width,
    height: image.height,
    url,
    thumbnailUrl: `${url}?variant=thumbnail`,
    createdAt: image.createdAt.toISOString(),
  };
}
