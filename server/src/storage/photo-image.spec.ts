import { crc32, deflateSync } from 'node:zlib';
import { HazardErrorCode } from '@ankang/shared';
import exifr from 'exifr';
import sharp from 'sharp';
import { AppException } from '../common/app-exception';
import {
  detectPhotoFormat,
  PHOTO_LONG_SIDE_MAX,
  PhotoProcessingQueue,
  processPhoto,
  THUMBNAIL_LONG_SIDE,
} from './photo-image';

/** A plain coloured image of the size, in the format. */
function solidImage(width: number, height: number, format: 'jpeg' | 'png' | 'webp' | 'gif' | 'tiff') {
  return sharp({ create: { width, height, channels: 3, background: { r: 200, g: 60, b: 40 } } })
    .toFormat(format)
    .toBuffer();
}

/** A PNG whose header claims the size while its pixel data is a few bytes: a decompression bomb's shape. */
function pngClaiming(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const checksum = Buffer.alloc(4);
    checksum.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, checksum]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 0, 0, 0, 0], 8); // 8-bit grey, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.alloc(1024))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

async function refusal(promise: Promise<unknown>): Promise<AppException> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppException);
  return error as AppException;
}

describe('detectPhotoFormat', () => {
  it('knows JPEG, PNG and WebP by their first bytes', async () => {
    expect(detectPhotoFormat(await solidImage(8, 8, 'jpeg'))).toBe('jpeg');
    expect(detectPhotoFormat(await solidImage(8, 8, 'png'))).toBe('png');
    expect(detectPhotoFormat(await solidImage(8, 8, 'webp'))).toBe('webp');
  });

  it.each([
    ['text', Buffer.from('just some text pretending to be a photo')],
    ['SVG', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>')],
    ['a RIFF that is not WebP', Buffer.from('RIFF\u0000\u0000\u0000\u0000WAVEfmt ', 'latin1')],
    ['a cut-off PNG signature', Buffer.from([0x89, 0x50, 0x4e, 0x47])],
    ['nothing', Buffer.alloc(0)],
  ])('knows %s is none of them', (_case, bytes) => {
    expect(detectPhotoFormat(bytes)).toBeNull();
  });

  it('knows GIF and TIFF are none of them', async () => {
    expect(detectPhotoFormat(await solidImage(8, 8, 'gif'))).toBeNull();
    expect(detectPhotoFormat(await solidImage(8, 8, 'tiff'))).toBeNull();
  });
});

describe('processPhoto', () => {
  it('keeps the format, removes every piece of metadata from a JPEG with GPS, and turns it upright', async () => {
    const input = await sharp(await solidImage(400, 200, 'jpeg'))
      .withExif({
        IFD0: { Make: 'PhoneMaker', Model: 'Phone 9' },
        IFD3: {
          GPSLatitudeRef: 'N',
          GPSLatitude: '36/1 37/1 0/1',
          GPSLongitudeRef: 'E',
          GPSLongitude: '101/1 46/1 0/1',
        },
      })
      .withMetadata({ orientation: 6 })
      .jpeg()
      .toBuffer();
    // The input really carries a position and a rotation.
    expect(await exifr.gps(input)).toEqual({
      latitude: expect.closeTo(36.6167, 3),
      longitude: expect.closeTo(101.7667, 3),
    });
    expect((await sharp(input).metadata()).orientation).toBe(6);

    const processed = await processPhoto(input);

    expect(processed.format).toBe('jpeg');
    expect(processed.original.contentType).toBe('image/jpeg');
    // Orientation 6 is a quarter turn: the stored photo stands upright, 200 wide and 400 high.
    expect([processed.original.width, processed.original.height]).toEqual([200, 400]);
    for (const image of [processed.original, processed.thumbnail]) {
      expect(await exifr.gps(image.bytes)).toBeUndefined();
      expect(await exifr.parse(image.bytes, true)).toBeUndefined();
      const metadata = await sharp(image.bytes).metadata();
      expect({
        exif: metadata.exif,
        xmp: metadata.xmp,
        icc: metadata.icc,
        iptc: metadata.iptc,
        orientation: metadata.orientation,
        hasProfile: metadata.hasProfile,
      }).toEqual({
        exif: undefined,
        xmp: undefined,
        icc: undefined,
        iptc: undefined,
        orientation: undefined,
        hasProfile: false,
      });
      expect([metadata.width, metadata.height]).toEqual([image.width, image.height]);
    }
  });

  it('keeps PNG as PNG and WebP as WebP, with a JPEG thumbnail', async () => {
    const png = await processPhoto(await solidImage(64, 48, 'png'));
    expect(png.format).toBe('png');
    expect((await sharp(png.original.bytes).metadata()).format).toBe('png');
    const webp = await processPhoto(await solidImage(64, 48, 'webp'));
    expect(webp.format).toBe('webp');
    expect((await sharp(webp.original.bytes).metadata()).format).toBe('webp');
    for (const processed of [png, webp]) {
      expect(processed.thumbnail.contentType).toBe('image/jpeg');
      expect((await sharp(processed.thumbnail.bytes).metadata()).format).toBe('jpeg');
      // A small photo is not blown up.
      expect([processed.original.width, processed.original.height]).toEqual([64, 48]);
    }
  });

  it('caps the long side of the photo and of its thumbnail', async () => {
    const processed = await processPhoto(await solidImage(3000, 1500, 'jpeg'));
    expect([processed.original.width, processed.original.height]).toEqual([
      PHOTO_LONG_SIDE_MAX,
      PHOTO_LONG_SIDE_MAX / 2,
    ]);
    expect([processed.thumbnail.width, processed.thumbnail.height]).toEqual([
      THUMBNAIL_LONG_SIDE,
      THUMBNAIL_LONG_SIDE / 2,
    ]);
  });

  it('gives a transparent PNG a white thumbnail ground', async () => {
    const transparent = await sharp({
      create: { width: 32, height: 32, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } },
    })
      .png()
      .toBuffer();
    const processed = await processPhoto(transparent);
    const { data } = await sharp(processed.thumbnail.bytes).raw().toBuffer({ resolveWithObject: true });
    expect(Math.min(...data)).toBeGreaterThan(240);
  });

  it.each([
    ['text named like a photo', () => Promise.resolve(Buffer.from('not an image at all'))],
    ['a GIF', () => solidImage(16, 16, 'gif')],
    ['SVG', () => Promise.resolve(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="9" height="9"/>'))],
  ])('refuses %s as a type not allowed', async (_case, make) => {
    const error = await refusal(processPhoto(await make()));
    expect(error.code).toBe(HazardErrorCode.PhotoTypeNotAllowed);
  });

  it('refuses a photo whose data is cut off or damaged', async () => {
    const jpeg = await sharp({
      create: {
        width: 600,
        height: 400,
        channels: 3,
        background: '#000000',
        noise: { type: 'gaussian', mean: 128, sigma: 50 },
      },
    })
      .jpeg()
      .toBuffer();
    const truncated = await refusal(processPhoto(jpeg.subarray(0, Math.floor(jpeg.length / 2))));
    expect(truncated.code).toBe(HazardErrorCode.PhotoTypeNotAllowed);
    const headerOnly = await refusal(processPhoto(jpeg.subarray(0, 4)));
    expect(headerOnly.code).toBe(HazardErrorCode.PhotoTypeNotAllowed);
  });

  it('refuses a decompression bomb from its header, before decoding it', async () => {
    const bomb = pngClaiming(50_000, 50_000);
    expect(bomb.length).toBeLessThan(2048);
    const error = await refusal(processPhoto(bomb));
    expect(error.code).toBe(HazardErrorCode.PhotoTooLarge);
    expect(error.message).toMatch(/尺寸/);
  });
});

describe('PhotoProcessingQueue', () => {
  it('processes the photos in turn, each after the one before, and carries on after a refusal', async () => {
    const queue = new PhotoProcessingQueue();
    const large = await sharp({
      create: {
        width: 2400,
        height: 1800,
        channels: 3,
        background: '#000000',
        noise: { type: 'gaussian', mean: 128, sigma: 40 },
      },
    })
      .jpeg()
      .toBuffer();
    const finished: string[] = [];
    const track = (name: string, work: Promise<unknown>) =>
      work.then(
        () => finished.push(`${name} done`),
        () => finished.push(`${name} refused`),
      );
    await Promise.all([
      track('large', queue.process(large)),
      track('text', queue.process(Buffer.from('not an image'))),
      track('small', queue.process(await solidImage(10, 20, 'png'))),
    ]);
    // Were they decoded side by side, the small ones would finish long before the large one.
    expect(finished).toEqual(['large done', 'text refused', 'small done']);
  });
});
