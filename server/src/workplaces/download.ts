import { StreamableFile } from '@nestjs/common';
import { attachmentDisposition } from '../storage/content-disposition';
import type { Download } from './workplaces.service';

/** A download as the response: its type, its length and its (Chinese) file name. */
export function toDownload(download: Download): StreamableFile {
  return new StreamableFile(download.bytes, {
    type: download.contentType,
    disposition: attachmentDisposition(download.filename),
    length: download.bytes.length,
  });
}
