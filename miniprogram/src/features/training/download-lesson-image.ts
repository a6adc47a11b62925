import { type DownloadedFile, downloadAuthorized } from '../../api';

/** A lesson image (behind the bearer token) as a file or object URL for `<Image>` and previewImage. */
export function downloadLessonImage(url: string): Promise<DownloadedFile> {
  return downloadAuthorized({ url });
}
