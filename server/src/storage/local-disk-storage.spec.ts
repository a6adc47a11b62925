import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { InvalidContentTypeError, InvalidStorageKeyError, storageKeyProblem } from './file-storage';
import { LocalDiskStorage } from './local-disk-storage';

describe('storageKeyProblem', () => {
  it.each(['photo.jpg', 'workplace-qr-codes/42/0f3a9c.jpg', 'hazards/2026/03/01/7_after.webp', 'A/b/C'])(
    'accepts %s',
    (key) => {
      expect(storageKeyProblem(key)).toBeNull();
    },
  );

  it.each([
    ['empty', ''],
    ['absolute', '/etc/passwd'],
    ['parent segment', '../secret'],
    ['parent segment inside', 'a/../../secret'],
    ['current segment', 'a/./b'],
    ['hidden file', '.hidden'],
    ['empty segment', 'a//b'],
    ['trailing slash', 'a/b/'],
    ['backslash', 'a\\..\\b'],
    ['drive letter', 'C:/windows'],
    ['space', 'a b.jpg'],
    ['percent', 'a%2F..'],
    ['NUL', 'a\u0000b'],
    ['non-ASCII', '照片.jpg'],
    ['over long', 'a'.repeat(201)],
    ['over long segment', `a/${'b'.repeat(101)}`],
    ['the content type sidecar', 'photo.jpg.content-type'],
  ])('refuses a key that is %s', (_case, key) => {
    expect(storageKeyProblem(key)).toEqual(expect.any(String));
  });
});

describe('LocalDiskStorage', () => {
  let root: string;
  let storage: LocalDiskStorage;

  beforeEach(() => {
    root = mkdtempSync(path.join(tmpdir(), 'ankang-storage-'));
    storage = new LocalDiskStorage(path.join(root, 'files'));
  });

  afterEach(() => {
    rmSync(root, { recursive: true, force: true });
  });

  it('stores bytes with their content type and reads them back, creating folders as needed', async () => {
    const bytes = Buffer.from([0xff, 0xd8, 0xff, 0x00, 0x01, 0x02]);
    await storage.put('workplace-qr-codes/42/abc.jpg', bytes, 'image/jpeg');

    const stored = await storage.get('workplace-qr-codes/42/abc.jpg');
    expect(stored).toEqual({ bytes, contentType: 'image/jpeg' });
    expect(readFileSync(path.join(root, 'files', 'workplace-qr-codes', '42', 'abc.jpg'))).toEqual(bytes);
    expect(readFileSync(path.join(root, 'files', 'workplace-qr-codes', '42', 'abc.jpg.content-type'), 'utf8')).toBe(
      'image/jpeg',
    );
  });

  it('answers null for a key that holds nothing, and for a folder', async () => {
    await storage.put('a/b.png', Buffer.from('x'), 'image/png');
    expect(await storage.get('missing.png')).toBeNull();
    expect(await storage.get('a')).toBeNull();
    expect(await storage.get('a/b.png/c')).toBeNull();
  });

  it('replaces a file whole and leaves no temporary files behind', async () => {
    await storage.put('poster.svg', Buffer.from('<svg>old</svg>'), 'image/svg+xml');
    await storage.put('poster.svg', Buffer.from('<svg>new</svg>'), 'image/svg+xml; charset=utf-8');

    expect(await storage.get('poster.svg')).toEqual({
      bytes: Buffer.from('<svg>new</svg>'),
      contentType: 'image/svg+xml; charset=utf-8',
    });
    expect(readdirSync(path.join(root, 'files')).sort()).toEqual(['poster.svg', 'poster.svg.content-type']);
  });

  it('keeps an empty file', async () => {
    await storage.put('empty.bin', Buffer.alloc(0), 'application/octet-stream');
    expect(await storage.get('empty.bin')).toEqual({ bytes: Buffer.alloc(0), contentType: 'application/octet-stream' });
  });

  it('never lets a reader see half a file while many writers replace it', async () => {
    const versions = Array.from({ length: 8 }, (_, index) => Buffer.alloc(256 * 1024, index + 1));
    const writes = versions.map((bytes) => storage.put('big.bin', bytes, 'application/octet-stream'));
    const reads: Promise<unknown>[] = [];
    for (let index = 0; index < 20; index += 1) {
      reads.push(
        storage.get('big.bin').then((stored) => {
          if (stored === null) return;
          expect(stored.bytes).toHaveLength(256 * 1024);
          // One version, whole: every byte equals the first.
          expect(stored.bytes.every((byte) => byte === stored.bytes[0])).toBe(true);
        }),
      );
    }
    await Promise.all([...writes, ...reads]);
    expect(readdirSync(path.join(root, 'files')).sort()).toEqual(['big.bin', 'big.bin.content-type']);
  });

  it('deletes a file and its content type, and deleting again is not an error', async () => {
    await storage.put('a/photo.webp', Buffer.from('webp'), 'image/webp');
    await storage.delete('a/photo.webp');
    await storage.delete('a/photo.webp');

    expect(await storage.get('a/photo.webp')).toBeNull();
    expect(readdirSync(path.join(root, 'files', 'a'))).toEqual([]);
  });

  it('reads bytes whose content type file is missing or damaged as application/octet-stream', async () => {
    await mkdir(path.join(root, 'files'), { recursive: true });
    writeFileSync(path.join(root, 'files', 'orphan.bin'), 'bytes');
    writeFileSync(path.join(root, 'files', 'damaged.bin'), 'bytes');
    writeFileSync(path.join(root, 'files', 'damaged.bin.content-type'), 'not a type\r\nX-Evil: 1');

    expect(await storage.get('orphan.bin')).toEqual({
      bytes: Buffer.from('bytes'),
      contentType: 'application/octet-stream',
    });
    expect((await storage.get('damaged.bin'))?.contentType).toBe('application/octet-stream');
  });

  it.each(['../outside.txt', '/tmp/outside.txt', 'a/../../outside.txt', '.hidden', 'a\\b'])(
    'refuses the key %s for every operation without touching the disk',
    async (key) => {
      await expect(storage.put(key, Buffer.from('x'), 'text/plain')).rejects.toThrow(InvalidStorageKeyError);
      await expect(storage.get(key)).rejects.toThrow(InvalidStorageKeyError);
      await expect(storage.delete(key)).rejects.toThrow(InvalidStorageKeyError);
      expect(readdirSync(root)).toEqual([]);
    },
  );

  it.each(['', 'image', 'image/', 'image/png\r\nX-Evil: 1', `image/${'x'.repeat(200)}`])(
    'refuses the content type %j',
    async (contentType) => {
      await expect(storage.put('a.png', Buffer.from('x'), contentType)).rejects.toThrow(InvalidContentTypeError);
      expect(await storage.get('a.png')).toBeNull();
    },
  );
});
