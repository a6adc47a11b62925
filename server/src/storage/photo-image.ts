import { HazardErrorCode } from '@ankang/shared';
import sharp, { type Sharp } from 'sharp';
import { AppException } from '../common/app-exception';

/** The formats a hazard photo may have, decided by the bytes alone. */
export type PhotoFormat = 'jpeg' | 'png' | 'webp';

export const PHOTO_CONTENT_TYPES: Record<PhotoFormat, string> = {
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
};

export const PHOTO_EXTENSIONS: Record<PhotoFormat, string> = { jpeg: 'jpg', png: 'png', webp: 'webp' };

/** The stored photo's long side: plenty to read a gauge or a label, a fraction of a camera's bytes. */
export const PHOTO_LONG_SIDE_MAX = 2560;
export const THUMBNAIL_LONG_SIDE = 320;
export const THUMBNAIL_CONTENT_TYPE = 'image/jpeg';
/**
 * Above any phone camera (a 64 MP sensor is 9248 × 6936), far below what a small file can claim
 * to be: a decompression bomb is refused from its header, before a pixel is decoded.
 */
export const PHOTO_INPUT_PIXELS_MAX = 100_000_000;

// Each photo is decoded once: libvips' operation cache would only hold on to memory.
sharp.cache(false);

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** The format the file's own first bytes declare, or null for anything but JPEG, PNG and WebP. */
export function detectPhotoFormat(bytes: Buffer): PhotoFormat | null {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
  if (bytes.length >= PNG_SIGNATURE.length && bytes.subarray(0, PNG_SIGNATURE.length).equals(PNG_SIGNATURE)) {
    return 'png';
  }
  if (bytes.length >= 12 && bytes.toString('latin1', 0, 4) === 'RIFF' && bytes.toString('latin1', 8, 12) === 'WEBP') {
    return 'webp';
  }
  return null;
}

export interface EncodedImage {
  bytes: Buffer;
  contentType: string;
  width: number;
  height: number;
}

export interface ProcessedPhoto {
  format: PhotoFormat;
  original: EncodedImage;
  thumbnail: EncodedImage;
}

const UNREADABLE_MESSAGE = '照片无法识别或已损坏，请重新拍摄后上传';
const TOO_MANY_PIXELS_MESSAGE = '照片尺寸过大，请压缩后重新上传';

/**
 * Re-encodes an uploaded photo the way it is kept: turned upright by its EXIF orientation, the long
 * side capped, in its own format and with no metadata at all (sharp writes none unless asked: no
 * EXIF, so no GPS, no XMP, no ICC), plus a small JPEG thumbnail. Refuses, with coded errors, bytes
 * that are not JPEG, PNG or WebP, images that do not decode whole, and images with too many pixels.
 */
export async function processPhoto(bytes: Buffer): Promise<ProcessedPhoto> {
  const format = detectPhotoFormat(bytes);
  if (format === null) throw new AppException(HazardErrorCode.PhotoTypeNotAllowed);

  // The header alone: the declared size is checked before anything is decoded.
  const metadata = await sharp(bytes, { limitInputPixels: false })
    .metadata()
    .catch(() => {
      throw new AppException(HazardErrorCode.PhotoTypeNotAllowed, undefined, UNREADABLE_MESSAGE);
    });
  // libvips sniffs the bytes itself: a file must be what its signature says, nothing else.
  if (metadata.format !== format) throw new AppException(HazardErrorCode.PhotoTypeNotAllowed);
  if (!metadata.width || !metadata.height) {
    throw new AppException(HazardErrorCode.PhotoTypeNotAllowed, undefined, UNREADABLE_MESSAGE);
  }
  if (metadata.width * metadata.height > PHOTO_INPUT_PIXELS_MAX) {
    throw new AppException(HazardErrorCode.PhotoTooLarge, undefined, TOO_MANY_PIXELS_MESSAGE);
  }

  try {
    const original = await encode(
      sharp(bytes, { failOn: 'truncated', limitInputPixels: PHOTO_INPUT_PIXELS_MAX, pages: 1 })
        .autoOrient()
        .resize({ width: PHOTO_LONG_SIDE_MAX, height: PHOTO_LONG_SIDE_MAX, fit: 'inside', withoutEnlargement: true }),
      format,
    );
    const thumbnail = await sharp(original.bytes)
      .resize({ width: THUMBNAIL_LONG_SIDE, height: THUMBNAIL_LONG_SIDE, fit: 'inside', withoutEnlargement: true })
      // A transparent PNG gets a white ground: JPEG has no alpha and black would hide the hazard.
      .flatten({ background: '#ffffff' })
      .jpeg({ quality: 80 })
      .toBuffer({ resolveWithObject: true });
    return {
      format,
      original,
      thumbnail: {
        bytes: thumbnail.data,
        contentType: THUMBNAIL_CONTENT_TYPE,
        width: thumbnail.info.width,
        height: thumbnail.info.height,
      },
    };
  } catch {
    // libvips refused the pixel data (truncated, corrupt): the file is not a usable photo.
    throw new AppException(HazardErrorCode.PhotoTypeNotAllowed, undefined, UNREADABLE_MESSAGE);
  }
}

async function encode(pipeline: Sharp, format: PhotoFormat): Promise<EncodedImage> {
  const encoder =
    format === 'jpeg'
      ? pipeline.jpeg({ quality: 85 })
      : format === 'png'
        ? pipeline.png({ compressionLevel: 6 })
        : pipeline.webp({ quality: 85 });
  const { data, info } = await encoder.toBuffer({ resolveWithObject: true });
  return { bytes: data, contentType: PHOTO_CONTENT_TYPES[format], width: info.width, height: info.height };
}

/**
 * Photos are decoded one at a time: a decoded camera image takes far more memory than its file,
 * and a burst of uploads at shift change must not multiply that. Requests wait their turn.
 */
export class PhotoProcessingQueue {
  private last: Promise<unknown> = Promise.resolve();

  process(bytes: Buffer): Promise<ProcessedPhoto> {
    const result = this.last.then(() => processPhoto(bytes));
    this.last = result.catch(() => undefined);
    return result;
  }
}
