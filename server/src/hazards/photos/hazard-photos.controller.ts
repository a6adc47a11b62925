import { Controller, Get, Param, Post, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ForSelf } from '../../access/access.decorators';
import { type AuthenticatedUser, CurrentUser } from '../../auth/current-user.decorator';
import { RecordIdParams } from '../../common/record-id';
import { ImageReadEndpoint, ImageUploadEndpoint } from '../../storage/image-endpoints';
import { HazardPhotoDto, PhotoVariantQueryDto, UploadHazardPhotoBodyDto } from './hazard-photos.dto';
import { HazardPhotosService } from './hazard-photos.service';
import { PHOTO_CACHE_CONTROL, photoFile } from './photo-response';
import { type PhotoUpload, UploadedPhoto } from './photo-upload';

/** Photos before they join a ticket: uploaded one a request (as WeChat's uploadFile sends them), seen by the uploader. */
@ApiTags('hazards')
@ApiBearerAuth()
@Controller('hazard-photos')
export class HazardPhotosController {
  constructor(private readonly photos: HazardPhotosService) {}

  @Post()
  @ForSelf()
  @ImageUploadEndpoint({
    body: UploadHazardPhotoBodyDto,
    response: HazardPhotoDto,
    noun: 'photo',
    badRequest:
      'COMMON_VALIDATION_FAILED (no file, two files, bad fields, a client key used by someone else), HAZARD_PHOTO_EMPTY, HAZARD_PHOTO_FILE_NAME_INVALID',
    unsupportedMediaType:
      'HAZARD_PHOTO_TYPE_NOT_ALLOWED: not JPEG, PNG or WebP by its bytes; COMMON_UNSUPPORTED_MEDIA_TYPE: not multipart',
  })
  @ApiTooManyRequestsResponse({ description: 'COMMON_RATE_LIMITED: too many photos waiting for a report' })
  async upload(
    @CurrentUser() user: AuthenticatedUser,
    @UploadedPhoto() upload: PhotoUpload,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<HazardPhotoDto> {
    const outcome = await this.photos.upload(user.userId, upload);
    reply.status(outcome.created ? 201 : 200);
    return outcome.photo;
  }

  @Get(':id')
  @ForSelf()
  @ImageReadEndpoint({
    cacheControl: PHOTO_CACHE_CONTROL,
    noun: 'photo',
    notFound: 'COMMON_NOT_FOUND: no such photo, not yours, or already attached (then ask its ticket)',
  })
  async read(
    @CurrentUser() user: AuthenticatedUser,
    @Param() params: RecordIdParams,
    @Query() query: PhotoVariantQueryDto,
  ): Promise<StreamableFile> {
    return photoFile(await this.photos.readOwnUnattached(user.userId, Number(params.id), query.variant ?? 'original'));
  }
}
