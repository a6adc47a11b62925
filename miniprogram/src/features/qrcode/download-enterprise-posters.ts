import { type DownloadedFile, downloadAuthorized } from '../../api';

/** One printable HTML page with the posters of all of an enterprise's workplaces. */
export function downloadEnterprisePosters(enterpriseId: string): Promise<DownloadedFile> {
  return downloadAuthorized({ path: `/org-units/${encodeURIComponent(enterpriseId)}/qrcode-posters` });
}
