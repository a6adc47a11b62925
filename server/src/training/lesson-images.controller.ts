import { Permission } from '@ankang/shared';
import { Controller, Get, Header, HttpStatus, Param, Post, Query, Res, StreamableFile } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiPayloadTooLargeResponse,
  ApiProduces,
  ApiTags,
  ApiUnsupportedMediaTypeResponse,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ForSelf, RequirePermission } from '../access/access.decorators';
import { type AuthenticatedUser, CurrentUser } from '../auth/current-user.decorator';
import { RecordIdParams } from '../common/record-id';
import { photoFile } from '../hazards/photos/photo-response';
import { type LessonImageUpload, UploadedLessonImage } from './lesson-image-upload';
import { LessonImageDto, LessonImageVariantQueryDto, UploadLessonImageBodyDto } from './lesson-images.dto';
import { LessonImagesService } from './lesson-images.service';

/** Teaching material, the same for everyone: cached by the client for a day (never by a shared proxy). */
const LESSON_IMAGE_CACHE_CONTROL = 'private, max-age=86400';

/** Pictures for lesson bodies: uploaded by authors, shown to every signed-in person. */
@ApiTags('training')
@ApiBearerAuth()
@Controller('lesson-images')
export class LessonImagesController {
  constructor(private readonly images: LessonImagesService) {}

  @Post()
  @RequirePermission(Permission.LessonManage)
  @ApiConsumes('multipart/form-data')
  @ApiBody({ type: UploadLessonImageBodyDto })
  @ApiCreatedResponse({ type: LessonImageDto, description: 'Stored without metadata, with a thumbnail' })
  @ApiOkResponse({ type: LessonImageDto, description: 'The same client key again: the first image' })
  @ApiBadRequestResponse({
    description: 'COMMON_VALIDATION_FAILED, HAZARD_PHOTO_EMPTY, HAZARD_PHOTO_FILE_NAME_INVALID',
  })
  @ApiPayloadTooLargeResponse({ description: 'HAZARD_PHOTO_TOO_LARGE: over 10 MB, or too many pixels' })
  @ApiUnsupportedMediaTypeResponse({ description: 'HAZARD_PHOTO_TYPE_NOT_ALLOWED; COMMON_UNSUPPORTED_MEDIA_TYPE' })
  async upload(
    @CurrentUser() user: AuthenticatedUser,
    @UploadedLessonImage() upload: LessonImageUpload,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<LessonImageDto> {
    const outcome = await this.images.upload(user.userId, upload);
    reply.status(outcome.created ? HttpStatus.CREATED : HttpStatus.OK);
    return outcome.image;
  }

  @Get(':id')
  // Any signed-in person: lesson pictures are teaching material, not anyone's personal data.
  @ForSelf()
  @Header('Cache-Control', LESSON_IMAGE_CACHE_CONTROL)
  @ApiProduces('image/jpeg', 'image/png', 'image/webp')
  @ApiOkResponse({ description: 'The picture, or its JPEG thumbnail with ?variant=thumbnail' })
  @ApiNotFoundResponse({ description: 'COMMON_NOT_FOUND' })
  async read(@Param() params: RecordIdParams, @Query() query: LessonImageVariantQueryDto): Promise<StreamableFile> {
    return photoFile(await this.images.read(Number(params.id), query.variant ?? 'original'));
  }
}
