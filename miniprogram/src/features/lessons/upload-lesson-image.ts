import type { LessonImage, UploadLessonImageFields } from '@ankang/shared';
import { uploadAuthorized } from '../../api';

export interface LessonImageUpload {
  /** WeChat: a temporary file path; H5: an object URL. */
  filePath: string;
  /** H5: the bytes (uploaded with fetch). */
  blob?: Blob;
  /** The image's own client key: the same key returns the same stored image. */
  clientKey: string;
}

/** `POST /lesson-images`: one image per request (multipart `file` + `clientKey`), like hazard photos. */
export function uploadLessonImage(upload: LessonImageUpload): Promise<LessonImage> {
  const fields: UploadLessonImageFields = { clientKey: upload.clientKey };
  return uploadAuthorized<LessonImage>({
    path: '/lesson-images',
    filePath: upload.filePath,
    blob: upload.blob,
    name: 'file',
    // The server decides the type by the bytes; the name only has to be a plain file name.
    fileName: 'image.jpg',
    formData: { clientKey: fields.clientKey },
    clientKey: upload.clientKey,
  });
}
