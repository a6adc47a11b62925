import { HAZARD_PHOTO_MAX_BYTES } from '@ankang/shared';
import { type ImageUpload, uploadedImage } from '../../storage/image-upload';
import { UploadHazardPhotoFieldsDto } from './hazard-photos.dto';

/** What the phone sent: the checked fields and the file's bytes (at most HAZARD_PHOTO_MAX_BYTES). */
export type PhotoUpload = ImageUpload<UploadHazardPhotoFieldsDto>;

/** The upload of `POST /hazard-photos`: the `file` part and the `clientKey` and `kind` fields. */
export const UploadedPhoto = uploadedImage({
  fieldsDto: UploadHazardPhotoFieldsDto,
  maxBytes: HAZARD_PHOTO_MAX_BYTES,
  fieldsMax: 4,
  partsMax: 6,
  noun: '照片',
});
