import type { HazardPhoto, HazardPhotoKind, UploadHazardPhotoFields } from '@ankang/shared';
import { uploadAuthorized } from '../../api';

export interface PhotoUpload {
  /** WeChat: a temporary or saved file path; H5: an object URL. */
  filePath: string;
  /** H5: the bytes (uploaded with fetch). */
  blob?: Blob;
  /** The photo's own client key: the same key returns the same stored photo. */
  clientKey: string;
  kind: HazardPhotoKind;
}

/** `POST /hazard-photos`: one photo per request (multipart `file` + `clientKey` + `kind`). */
export function uploadHazardPhoto(upload: PhotoUpload): Promise<HazardPhoto> {
  const fields: UploadHazardPhotoFields = { clientKey: upload.clientKey, kind: upload.kind };
  return uploadAuthorized<HazardPhoto>({
    path: '/hazard-photos',
    filePath: upload.filePath,
    blob: upload.blob,
    name: 'file',
    // The server decides the type by the bytes; the name only has to be a plain file name.
    fileName: 'photo.jpg',
    formData: { clientKey: fields.clientKey, kind: fields.kind },
    clientKey: upload.clientKey,
  });
}
