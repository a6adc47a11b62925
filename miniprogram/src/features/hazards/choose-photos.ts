import { HAZARD_PHOTO_MAX_BYTES } from '@ankang/shared';
import Taro from '@tarojs/taro';
import { isH5 } from '../../api';

/** A photo taken or picked on the phone, ready to upload. */
export interface ChosenPhoto {
  /** WeChat: a temporary file path; H5: an object URL of `blob`. */
  path: string;
  size: number;
  /** H5: the bytes, kept so a report queued offline can store them. */
  blob?: Blob;
}

export interface ChosenPhotos {
  photos: ChosenPhoto[];
  /** Photos left out because they stay over the server's limit even after compression. */
  tooLarge: number;
}

/** Photos above this are compressed again on the phone: a weak signal at the gate sends less. */
export const COMPRESS_ABOVE_BYTES = 1024 * 1024;
/** The long side of a photo after compression: ample to see a hazard, a fraction of the bytes. */
export const PHOTO_MAX_SIDE = 1920;
const ACCEPTED_TYPES = ['image/jpeg', 'image/png', 'image/webp'];

function cancelled(error: unknown): boolean {
  const message = (error as { errMsg?: unknown } | null)?.errMsg;
  return typeof message === 'string' && /cancel|abort/i.test(message);
}

/** WeChat: long photos over 1 MB go through compressImage, scaled to PHOTO_MAX_SIDE. */
async function compressInWeapp(file: Taro.chooseMedia.ChooseMedia): Promise<ChosenPhoto> {
  if (file.size <= COMPRESS_ABOVE_BYTES) {
    return { path: file.tempFilePath, size: file.size };
  }
  const longSide = Math.max(file.width || 0, file.height || 0);
  const scale = longSide > PHOTO_MAX_SIDE ? PHOTO_MAX_SIDE / longSide : 1;
  try {
    const result = await Taro.compressImage({
      src: file.tempFilePath,
      quality: 70,
      ...(scale < 1 && file.width ? { compressedWidth: Math.round(file.width * scale) } : {}),
    });
    // compressImage does not say the new size; it is never larger than what went in.
    return { path: result.tempFilePath, size: file.size };
  } catch {
    return { path: file.tempFilePath, size: file.size };
  }
}

function loadImage(blob: Blob): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const url = URL.createObjectURL(blob);
    const image = new Image();
    image.onload = () => {
      URL.revokeObjectURL(url);
      resolve(image);
    };
    image.onerror = () => {
      URL.revokeObjectURL(url);
      reject(new Error('image decode failed'));
    };
    image.src = url;
  });
}

/**
 * H5: a large photo, or one of a type the server refuses (HEIC, GIF), is redrawn on a canvas as a
 * JPEG with its long side at most PHOTO_MAX_SIDE. Anything the browser cannot decode goes as it is
 * (the server decides by the bytes and says why it refuses).
 */
export async function shrinkInBrowser(file: Blob): Promise<Blob> {
  if (file.size <= COMPRESS_ABOVE_BYTES && ACCEPTED_TYPES.includes(file.type)) {
    return file;
  }
  try {
    const image = await loadImage(file);
    const longSide = Math.max(image.naturalWidth, image.naturalHeight);
    const scale = longSide > PHOTO_MAX_SIDE ? PHOTO_MAX_SIDE / longSide : 1;
    const canvas = document.createElement('canvas');
    canvas.width = Math.max(1, Math.round(image.naturalWidth * scale));
    canvas.height = Math.max(1, Math.round(image.naturalHeight * scale));
    const context = canvas.getContext('2d');
    if (!context) {
      return file;
    }
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    const redrawn = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', 0.8));
    return redrawn && (redrawn.size < file.size || !ACCEPTED_TYPES.includes(file.type)) ? redrawn : file;
  } catch {
    return file;
  }
}

async function fromBrowserFile(file: Taro.chooseMedia.ChooseMedia): Promise<ChosenPhoto> {
  const original = file.originalFileObj;
  if (!original) {
    return { path: file.tempFilePath, size: file.size };
  }
  const blob = await shrinkInBrowser(original);
  if (blob === original) {
    return { path: file.tempFilePath, size: original.size, blob: original };
  }
  URL.revokeObjectURL(file.tempFilePath);
  return { path: URL.createObjectURL(blob), size: blob.size, blob };
}

/**
 * Up to `count` photos from the camera or the album (compressed by WeChat, and again here when
 * large). On H5 the browser's file picker offers the camera on phones itself, so Taro's own
 * 拍摄/相册 sheet is skipped. An empty list when the person cancels.
 */
export async function choosePhotos(count: number): Promise<ChosenPhotos> {
  if (count <= 0) {
    return { photos: [], tooLarge: 0 };
  }
  let result: Taro.chooseMedia.SuccessCallbackResult;
  try {
    result = await Taro.chooseMedia({
      count,
      mediaType: ['image'],
      sourceType: isH5() ? ['album'] : ['album', 'camera'],
      sizeType: ['compressed'],
      camera: 'back',
    });
  } catch (error) {
    if (cancelled(error)) {
      return { photos: [], tooLarge: 0 };
    }
    throw error;
  }
  const files = (result.tempFiles ?? []).slice(0, count);
  const prepared = await Promise.all(files.map((file) => (isH5() ? fromBrowserFile(file) : compressInWeapp(file))));
  const photos = prepared.filter((photo) => photo.size <= HAZARD_PHOTO_MAX_BYTES);
  return { photos, tooLarge: prepared.length - photos.length };
}

/** Lets go of a chosen photo the person removed (H5 object URLs hold their Blob until revoked). */
export function releasePhoto(photo: { path: string }): void {
  if (isH5() && photo.path.startsWith('blob:') && typeof URL.revokeObjectURL === 'function') {
    URL.revokeObjectURL(photo.path);
  }
}
