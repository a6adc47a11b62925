import { HAZARD_PHOTO_MAX_BYTES } from '@ankang/shared';
import { type ImageUpload, uploadedImage } from '../storage/image-upload';
import { UploadLessonImageFieldsDto } from './lesson-images.dto';

/** What the author sent: the checked field and the file's bytes (at most HAZARD_PHOTO_MAX_BYTES). */
export type LessonImageUpload = ImageUpload<UploadLessonImageFieldsDto>;

/** The upload of `POST /lesson-images`: the `file` part and the `clientKey` field, read as hazard photos are. */
export const UploadedLessonImage = uploadedImage({
  fieldsDto: UploadLessonImageFieldsDto,
  maxBytes: HAZARD_PHOTO_MAX_BYTES,
  fieldsMax: 2,
  partsMax: 4,
  noun: '图片',
});
