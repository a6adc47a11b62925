import type { HazardPhoto } from '@ankang/shared';
import { type DownloadedFile, downloadAuthorized } from '../../api';

/** A ticket's photo (or its thumbnail) fetched with the bearer token, for `<Image>` and previewImage. */
export function downloadHazardPhoto(photo: HazardPhoto, variant: 'original' | 'thumbnail'): Promise<DownloadedFile> {
  return downloadAuthorized({ url: variant === 'thumbnail' ? photo.thumbnailUrl : photo.url });
}
