import type { QrCodeFormat } from '@ankang/shared';
import { type DownloadedFile, downloadAuthorized } from '../../api';

/**
 * A workplace's entrance code: `image` is the WeChat mini program code, `poster` the printable
 * poster (an SVG with a QR code of the H5 landing URL, the workplace's and enterprise's names).
 */
export function downloadWorkplaceQrCode(workplaceId: string, format: QrCodeFormat): Promise<DownloadedFile> {
  return downloadAuthorized({ path: `/workplaces/${encodeURIComponent(workplaceId)}/qrcode`, query: { format } });
}
