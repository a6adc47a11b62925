import { createHash } from 'node:crypto';
import { crc32, deflateSync } from 'node:zlib';

const pngSignature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typeAndData = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const checksum = Buffer.alloc(4);
  checksum.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([length, typeAndData, checksum]);
}

const modules = 25;
const quietModules = 2;
const finderSize = 7;

function isFinderPattern(row: number, column: number): boolean | null {
  for (const [top, left] of [
    [0, 0],
    [0, modules - finderSize],
    [modules - finderSize, 0],
  ] as const) {
    const y = row - top;
    const x = column - left;
    if (y >= 0 && y < finderSize && x >= 0 && x < finderSize) {
      const ring = Math.min(y, x, finderSize - 1 - y, finderSize - 1 - x);
      return ring !== 1;
    }
  }
  return null;
}

/**
 * A square grayscale PNG that looks like a 2-D code and differs for every `seed` (not scannable:
 * it only has to be a real image of the requested width, so callers can store and serve it).
 */
export function fakeCodeImage(seed: string, width: number): Buffer {
  let bits = Buffer.alloc(0);
  for (let round = 0; bits.length * 8 < modules * modules; round += 1) {
    bits = Buffer.concat([bits, createHash('sha256').update(`${round}:${seed}`).digest()]);
  }
  const cells = modules + 2 * quietModules;
  const raw = Buffer.alloc((width + 1) * width);
  for (let y = 0; y < width; y += 1) {
    const rowStart = y * (width + 1);
    raw[rowStart] = 0; // filter type "none"
    const row = Math.floor((y * cells) / width) - quietModules;
    for (let x = 0; x < width; x += 1) {
      const column = Math.floor((x * cells) / width) - quietModules;
      let dark = false;
      if (row >= 0 && row < modules && column >= 0 && column < modules) {
        const index = row * modules + column;
        dark = isFinderPattern(row, column) ?? ((bits[index >> 3] ?? 0) & (1 << (index & 7))) !== 0;
      }
      raw[rowStart + 1 + x] = dark ? 0 : 255;
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(width, 4);
  header[8] = 8; // bit depth
  header[9] = 0; // grayscale
  return Buffer.concat([
    pngSignature,
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
