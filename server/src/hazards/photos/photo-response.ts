import { StreamableFile } from '@nestjs/common';
import type { ImageContent } from '../../storage/image-store';

/**
 * How photo responses are cached: by the person's own client only (`private`), never by a shared
 * proxy, since who may see a photo depends on who asks. The bytes under an id never change.
 */
export const PHOTO_CACHE_CONTROL = 'private, max-age=3600';

/** A photo's bytes as the response, with their type and length (nosniff is set for every response). */
export function photoFile(content: ImageContent): StreamableFile {
  return new StreamableFile(content.bytes, {
    type: content.contentType,
    disposition: 'inline',
    length: content.bytes.length,
  });
}
