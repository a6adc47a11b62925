import { Permission } from '@ankang/shared';
import { Controller, Get, HttpStatus, Param, Post, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ForSelf, RequirePermission } from '../access/access.decorators';
import { type AuthenticatedUser, CurrentUser } from '../auth/current-user.decorator';
import { RecordIdParams } from '../common/record-id';
import { photoFile } from '../hazards/photos/photo-response';
import { ImageReadEndpoint, ImageUploadEndpoint } from '../storage/image-endpoints';
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
  @ImageUploadEndpoint({
    body: UploadLessonImageBodyDto,
    response: LessonImageDto,
    noun: 'image',
    badRequest: 'COMMON_VALIDATION_FAILED, HAZARD_PHOTO_EMPTY, HAZARD_PHOTO_FILE_NAME_INVALID',
    unsupportedMediaType: 'HAZARD_PHOTO_TYPE_NOT_ALLOWED; COMMON_UNSUPPORTED_MEDIA_TYPE',
  })
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
  @ImageReadEndpoint({ cacheControl: LESSON_IMAGE_CACHE_CONTROL, noun: 'picture', notFound: 'COMMON_NOT_FOUND' })
  async read(@Param() params: RecordIdParams, @Query() query: LessonImageVariantQueryDto): Promise<StreamableFile> {
    return photoFile(await this.images.read(Number(params.id), query.variant ?? 'original'));
  }
}
