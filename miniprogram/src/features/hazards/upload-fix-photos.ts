import { HazardPhotoKind } from '@ankang/shared';
import type { DraftPhoto } from './report-draft';
import { uploadHazardPhoto } from './upload-hazard-photo';

/**
 * Uploads the after-photos of a fix that are not uploaded yet (kind `fix`, each with its own client
 * key) and answers every photo's id in order. `onUploaded` records each id as it arrives, so a retry
 * after a failure uploads only what is missing.
 */
export async function uploadFixPhotos(
  photos: readonly DraftPhoto[],
  onUploaded: (clientKey: string, photoId: string) => void,
): Promise<string[]> {
  const ids: string[] = [];
  for (const photo of photos) {
    if (photo.photoId) {
      ids.push(photo.photoId);
      continue;
    }
    const stored = await uploadHazardPhoto({
      filePath: photo.path,
      blob: photo.blob,
      clientKey: photo.clientKey,
      kind: HazardPhotoKind.Fix,
    });
    onUploaded(photo.clientKey, stored.id);
    ids.push(stored.id);
  }
  return ids;
}
