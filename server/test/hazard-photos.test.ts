import { randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  AuthErrorCode,
  CommonErrorCode,
  HAZARD_PHOTO_MAX_BYTES,
  HazardCategory,
  HazardErrorCode,
  HazardPhotoKind,
  HazardState,
  ReporterVisibility,
} from '@ankang/shared';
import exifr from 'exifr';
import sharp from 'sharp';
import { HazardTicket } from '../src/hazards/hazard-ticket.entity';
import { AbandonedPhotosJob } from '../src/hazards/photos/abandoned-photos.job';
import { HazardPhoto } from '../src/hazards/photos/hazard-photo.entity';
import { HazardPhotosService, UNATTACHED_PHOTOS_PER_PERSON_MAX } from '../src/hazards/photos/hazard-photos.service';
import type { User } from '../src/users/user.entity';
import { createUser } from './factories/org.factory';
import { createTestTree, type TestTree } from './factories/tree.factory';
import { testBackends } from './support/backends';
import { expectErrorShape, request } from './support/http';
import { accessTokenFor, startTestApp, type TestApp } from './support/test-app';

interface FilePart {
  bytes: Buffer;
  name?: string;
  type?: string;
}

interface UploadForm {
  file?: FilePart | FilePart[];
  clientKey?: string;
  kind?: string;
  extra?: Record<string, string>;
}

interface UploadResult {
  status: number;
  headers: Headers;
  body: any;
}

/** The multipart form as the mini program's uploadFile or the H5 FormData sends it. */
function formOf(form: UploadForm): FormData {
  const data = new FormData();
  if (form.clientKey !== undefined) data.append('clientKey', form.clientKey);
  if (form.kind !== undefined) data.append('kind', form.kind);
  for (const [name, value] of Object.entries(form.extra ?? {})) data.append(name, value);
  const files = form.file === undefined ? [] : Array.isArray(form.file) ? form.file : [form.file];
  for (const file of files) {
    data.append('file', new Blob([file.bytes], { type: file.type ?? 'image/jpeg' }), file.name ?? 'photo.jpg');
  }
  return data;
}

async function parsed(response: Response): Promise<UploadResult> {
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : null };
}

function jpeg(width: number, height: number): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: { r: 220, g: 120, b: 20 } } })
    .jpeg()
    .toBuffer();
}

/** Every file under the folder, as relative paths. */
function filesUnder(directory: string): string[] {
  return readdirSync(directory, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(directory, path.join(entry.parentPath, entry.name)))
    .sort();
}

describe.each(testBackends())('hazard photos on %s', (backend) => {
  let app: TestApp;
  let storageDirectory: string;
  let tree: TestTree;
  let photosService: HazardPhotosService;

  beforeAll(async () => {
    storageDirectory = mkdtempSync(path.join(tmpdir(), 'ankang-photos-'));
    app = await startTestApp(backend, { STORAGE_DIR: storageDirectory });
    tree = await createTestTree(app.dataSource);
    photosService = app.app.get(HazardPhotosService);
  });

  afterAll(async () => {
    await app?.close();
    rmSync(storageDirectory, { recursive: true, force: true });
  });

  const tokenOf = (user: User) => accessTokenFor(app, user);

  async function upload(user: User | null, form: UploadForm): Promise<UploadResult> {
    const response = await fetch(`${app.baseUrl}/hazard-photos`, {
      method: 'POST',
      headers: user ? { authorization: `Bearer ${tokenOf(user)}` } : {},
      body: formOf({ clientKey: randomUUID(), kind: HazardPhotoKind.Report, ...form }),
    });
    return parsed(response);
  }

  async function uploaded(user: User, form: UploadForm = {}): Promise<HazardPhoto> {
    const result = await upload(user, { file: { bytes: await jpeg(64, 48) }, ...form });
    expect(result.status).toBe(201);
    return app.dataSource.getRepository(HazardPhoto).findOneByOrFail({ id: Number(result.body.id) });
  }

  async function download(url: string, user: User) {
    const response = await fetch(`${app.baseUrl.replace(/\/api\/v1$/, '')}${url}`, {
      headers: { authorization: `Bearer ${tokenOf(user)}` },
    });
    const bytes = Buffer.from(await response.arrayBuffer());
    return { status: response.status, headers: response.headers, bytes };
  }

  const rowCount = () => app.dataSource.getRepository(HazardPhoto).count();
  const photoRow = (id: number | string) => app.dataSource.getRepository(HazardPhoto).findOneBy({ id: Number(id) });
  const storedBytes = (key: string) => readFileSync(path.join(storageDirectory, ...key.split('/')));

  /** Runs the request and checks it left no file and no row behind. */
  async function expectNothingWritten(send: () => Promise<UploadResult>): Promise<UploadResult> {
    const filesBefore = filesUnder(storageDirectory);
    const rowsBefore = await rowCount();
    const result = await send();
    expect(filesUnder(storageDirectory)).toEqual(filesBefore);
    expect(await rowCount()).toBe(rowsBefore);
    return result;
  }

  async function createTicket(reporter: User | null = tree.users.workerA1): Promise<HazardTicket> {
    const repository = app.dataSource.getRepository(HazardTicket);
    const now = new Date();
    const inserted = await repository.insert({
      code: `HZ-T-${randomUUID().slice(0, 12)}`,
      clientKey: randomUUID(),
      reporterUserId: reporter?.id ?? null,
      reporterVisibility: reporter ? ReporterVisibility.Named : ReporterVisibility.Anonymous,
      followTokenHash: null,
      enterpriseId: tree.units.enterpriseA1.id,
      workplaceId: tree.units.workplaceA1a.id,
      industry: null,
      category: HazardCategory.UnsafeCondition,
      description: '配电箱门未关',
      locationNote: null,
      state: HazardState.Submitted,
      grade: null,
      createdAt: now,
      updatedAt: now,
    });
    return repository.findOneByOrFail({ id: Number(inserted.identifiers[0].id) });
  }

  describe('upload', () => {
    it('decides the type by the bytes: a PNG named photo.jpg and declared JPEG is stored as PNG, under a name of its own', async () => {
      const png = await sharp({ create: { width: 120, height: 90, channels: 3, background: '#3366cc' } })
        .png()
        .toBuffer();
      const filesBefore = filesUnder(storageDirectory);
      const clientKey = randomUUID();

      const result = await upload(tree.users.workerA1, {
        clientKey,
        file: { bytes: png, name: 'photo.jpg', type: 'image/jpeg' },
      });

      expect(result.status).toBe(201);
      expect(result.body).toEqual({
        id: expect.stringMatching(/^[1-9][0-9]*$/),
        kind: HazardPhotoKind.Report,
        contentType: 'image/png',
        width: 120,
        height: 90,
        url: `/api/v1/hazard-photos/${result.body.id}`,
        thumbnailUrl: `/api/v1/hazard-photos/${result.body.id}?variant=thumbnail`,
        createdAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/),
      });
      const row = await photoRow(result.body.id);
      expect(row).toMatchObject({
        clientKey,
        uploadedBy: tree.users.workerA1.id,
        ticketId: null,
        contentType: 'image/png',
        attachedAt: null,
      });
      expect(row?.storageKey).toMatch(/^hazard-photos\/\d{4}\/\d{2}\/[0-9a-f-]{36}\.png$/);
      expect(row?.thumbnailKey).toMatch(/^hazard-photos\/\d{4}\/\d{2}\/[0-9a-f-]{36}-thumbnail\.jpg$/);
      // The photo and its thumbnail, each with the storage's content-type companion.
      const added = filesUnder(storageDirectory).filter((file) => !filesBefore.includes(file));
      expect(added).toHaveLength(4);
      for (const file of added) {
        expect(file).toMatch(/^hazard-photos\/\d{4}\/\d{2}\/[0-9a-f-]{36}(\.png|-thumbnail\.jpg)(\.content-type)?$/);
      }
      const stored = storedBytes(row?.storageKey ?? '');
      expect((await sharp(stored).metadata()).format).toBe('png');
      expect(row?.byteSize).toBe(stored.length);
    });

    it('stores a JPEG that carried GPS without any metadata, and serves it so', async () => {
      const withGps = await sharp(await jpeg(300, 200))
        .withExif({
          IFD0: { Make: 'PhoneMaker', Model: 'Phone 9' },
          IFD3: {
            GPSLatitudeRef: 'N',
            GPSLatitude: '36/1 37/1 12/1',
            GPSLongitudeRef: 'E',
            GPSLongitude: '101/1 46/1 30/1',
          },
        })
        .jpeg()
        .toBuffer();
      // The upload really has a position in it.
      expect(await exifr.gps(withGps)).toEqual({
        latitude: expect.closeTo(36.62, 2),
        longitude: expect.closeTo(101.775, 2),
      });
      expect((await sharp(withGps).metadata()).exif).toBeInstanceOf(Buffer);

      const result = await upload(tree.users.workerA1, { file: { bytes: withGps, name: 'IMG_2041.jpg' } });

      expect(result.status).toBe(201);
      expect(result.body.contentType).toBe('image/jpeg');
      const row = await photoRow(result.body.id);
      const served = await download(result.body.url, tree.users.workerA1);
      for (const bytes of [storedBytes(row?.storageKey ?? ''), storedBytes(row?.thumbnailKey ?? ''), served.bytes]) {
        expect(await exifr.gps(bytes)).toBeUndefined();
        expect(await exifr.parse(bytes, true)).toBeUndefined();
        const metadata = await sharp(bytes).metadata();
        expect(metadata.format).toBe('jpeg');
        expect(metadata.exif).toBeUndefined();
        expect(metadata.xmp).toBeUndefined();
      }
      expect(served.bytes.includes(Buffer.from('PhoneMaker'))).toBe(false);
    });

    it('takes a WebP and keeps it WebP, with a JPEG thumbnail of at most 320 px', async () => {
      const webp = await sharp({ create: { width: 1600, height: 1200, channels: 3, background: '#228844' } })
        .webp()
        .toBuffer();

      const result = await upload(tree.users.workerB1, {
        file: { bytes: webp, name: 'hazard.webp', type: 'image/webp' },
      });

      expect(result.status).toBe(201);
      expect(result.body).toMatchObject({ contentType: 'image/webp', width: 1600, height: 1200 });
      const original = await download(result.body.url, tree.users.workerB1);
      expect(original.status).toBe(200);
      expect(original.headers.get('content-type')).toBe('image/webp');
      expect((await sharp(original.bytes).metadata()).format).toBe('webp');

      const thumbnail = await download(result.body.thumbnailUrl, tree.users.workerB1);
      expect(thumbnail.status).toBe(200);
      expect(thumbnail.headers.get('content-type')).toBe('image/jpeg');
      const metadata = await sharp(thumbnail.bytes).metadata();
      expect(metadata.format).toBe('jpeg');
      expect(Math.max(metadata.width ?? 0, metadata.height ?? 0)).toBe(320);
      expect([metadata.width, metadata.height]).toEqual([320, 240]);
    });

    it('turns a photo upright by its EXIF orientation and caps its long side', async () => {
      const sideways = await sharp(await jpeg(3200, 1600))
        .withMetadata({ orientation: 6 })
        .jpeg()
        .toBuffer();

      const result = await upload(tree.users.workerA1, { file: { bytes: sideways } });

      expect(result.status).toBe(201);
      expect([result.body.width, result.body.height]).toEqual([1280, 2560]);
      const served = await sharp((await download(result.body.url, tree.users.workerA1)).bytes).metadata();
      expect([served.width, served.height, served.orientation]).toEqual([1280, 2560, undefined]);
    });

    it('answers a retry with the same client key with the same photo and no second file, also in parallel', async () => {
      const clientKey = randomUUID();
      const bytes = await jpeg(80, 60);
      const first = await upload(tree.users.workerA1, { clientKey, file: { bytes } });
      expect(first.status).toBe(201);

      const retry = await expectNothingWritten(() => upload(tree.users.workerA1, { clientKey, file: { bytes } }));
      expect(retry.status).toBe(200);
      expect(retry.body).toEqual(first.body);

      const parallelKey = randomUUID();
      const filesBefore = filesUnder(storageDirectory).length;
      const racing = await Promise.all(
        [1, 2, 3].map(() => upload(tree.users.workerA1, { clientKey: parallelKey, file: { bytes } })),
      );
      expect(racing.map((result) => result.status).sort()).toEqual([200, 200, 201]);
      expect(new Set(racing.map((result) => result.body.id)).size).toBe(1);
      expect(await app.dataSource.getRepository(HazardPhoto).countBy({ clientKey: parallelKey })).toBe(1);
      expect(filesUnder(storageDirectory).length).toBe(filesBefore + 4);
    });

    it("refuses another person's client key, and the same key for another kind, without writing", async () => {
      const clientKey = randomUUID();
      expect((await upload(tree.users.workerA1, { clientKey, file: { bytes: await jpeg(40, 30) } })).status).toBe(201);

      const bytes = await jpeg(40, 30);
      for (const attempt of [
        () => upload(tree.users.workerB1, { clientKey, file: { bytes } }),
        () => upload(tree.users.workerA1, { clientKey, kind: HazardPhotoKind.Fix, file: { bytes: Buffer.from('x') } }),
      ]) {
        const result = await expectNothingWritten(attempt);
        expect(result.status).toBe(400);
        expectErrorShape(result.body, CommonErrorCode.ValidationFailed);
        expect(result.body.details).toEqual([{ field: 'clientKey', message: expect.any(String) }]);
      }
    });

    describe('refuses, writing nothing', () => {
      let twelveMegabytes: Buffer;

      beforeAll(async () => {
        // Noise barely compresses: a real PNG of about 12.6 MB.
        twelveMegabytes = await sharp({
          create: {
            width: 2048,
            height: 2048,
            channels: 3,
            background: '#000000',
            noise: { type: 'gaussian', mean: 128, sigma: 60 },
          },
        })
          .png({ compressionLevel: 0 })
          .toBuffer();
        expect(twelveMegabytes.length).toBeGreaterThan(12 * 1024 * 1024);
      });

      it.each([
        [
          'a text file named .jpg',
          415,
          HazardErrorCode.PhotoTypeNotAllowed,
          () => ({
            bytes: Buffer.from('这不是照片，只是一段文字。'),
            name: 'hazard.jpg',
          }),
        ],
        ['an empty file', 400, HazardErrorCode.PhotoEmpty, () => ({ bytes: Buffer.alloc(0), name: 'empty.jpg' })],
        [
          'a GIF',
          415,
          HazardErrorCode.PhotoTypeNotAllowed,
          async () => ({
            bytes: await sharp({ create: { width: 8, height: 8, channels: 3, background: '#000' } })
              .gif()
              .toBuffer(),
            name: 'anim.gif',
            type: 'image/gif',
          }),
        ],
        [
          'an SVG declared as PNG',
          415,
          HazardErrorCode.PhotoTypeNotAllowed,
          () => ({
            bytes: Buffer.from(
              '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>1</script></svg>',
            ),
            name: 'x.png',
            type: 'image/png',
          }),
        ],
        [
          'a JPEG cut off halfway',
          415,
          HazardErrorCode.PhotoTypeNotAllowed,
          async () => {
            const whole = await sharp({
              create: {
                width: 400,
                height: 300,
                channels: 3,
                background: '#000000',
                noise: { type: 'gaussian', mean: 128, sigma: 50 },
              },
            })
              .jpeg()
              .toBuffer();
            return { bytes: whole.subarray(0, whole.length / 2) };
          },
        ],
        [
          'a file named ../../etc/passwd.jpg',
          400,
          HazardErrorCode.PhotoFileNameInvalid,
          async () => ({
            bytes: await jpeg(20, 20),
            name: '../../etc/passwd.jpg',
          }),
        ],
        [
          'a file named with a backslash path that climbs out',
          400,
          HazardErrorCode.PhotoFileNameInvalid,
          async () => ({
            bytes: await jpeg(20, 20),
            name: '..\\..\\photos\\a.jpg',
          }),
        ],
        [
          'a file name over 255 bytes',
          400,
          HazardErrorCode.PhotoFileNameInvalid,
          async () => ({
            bytes: await jpeg(20, 20),
            name: `${'照'.repeat(90)}.jpg`,
          }),
        ],
      ])('%s', async (_case, status, code, make) => {
        const file = await make();
        const result = await expectNothingWritten(() => upload(tree.users.workerA1, { file }));
        expect(result.status).toBe(status);
        expectErrorShape(result.body, code);
      });

      it('a 12 MB image, said to be so up front', async () => {
        const result = await expectNothingWritten(() =>
          upload(tree.users.workerA1, { file: { bytes: twelveMegabytes, name: 'big.png', type: 'image/png' } }),
        );
        expect(result.status).toBe(413);
        expectErrorShape(result.body, HazardErrorCode.PhotoTooLarge);
      });

      it('a 12 MB image streamed without a length, cut off at 10 MB', async () => {
        const encoded = new Response(
          formOf({
            clientKey: randomUUID(),
            kind: HazardPhotoKind.Report,
            file: { bytes: twelveMegabytes, name: 'big.png', type: 'image/png' },
          }),
        );
        const result = await expectNothingWritten(async () =>
          parsed(
            await fetch(`${app.baseUrl}/hazard-photos`, {
              method: 'POST',
              headers: {
                authorization: `Bearer ${tokenOf(tree.users.workerA1)}`,
                'content-type': encoded.headers.get('content-type') ?? '',
              },
              body: encoded.body,
              duplex: 'half',
            } as RequestInit),
          ),
        );
        expect(result.status).toBe(413);
        expectErrorShape(result.body, HazardErrorCode.PhotoTooLarge);
      });

      it('a decompression bomb: 300 MB of pixels in a 300 KB PNG', async () => {
        // Made by libvips itself: one colour compresses to almost nothing.
        const bomb = await sharp({ create: { width: 10_000, height: 10_001, channels: 3, background: '#ffffff' } })
          .png({ compressionLevel: 9 })
          .toBuffer();
        // Well inside the size limit, so it is the pixel count that refuses it.
        expect(bomb.length).toBeLessThan(HAZARD_PHOTO_MAX_BYTES / 10);
        const result = await expectNothingWritten(() =>
          upload(tree.users.workerA1, { file: { bytes: bomb, name: 'bomb.png', type: 'image/png' } }),
        );
        expect(result.status).toBe(413);
        expectErrorShape(result.body, HazardErrorCode.PhotoTooLarge);
      });

      it.each([
        ['no file', { file: undefined }, 'file'],
        [
          'two files',
          { file: [{ bytes: Buffer.from([0xff, 0xd8, 0xff]) }, { bytes: Buffer.from([0xff, 0xd8, 0xff]) }] },
          'file',
        ],
        ['no client key', { clientKey: undefined }, 'clientKey'],
        ['a client key that is not a UUID', { clientKey: 'photo-1' }, 'clientKey'],
        ['no kind', { kind: undefined }, 'kind'],
        ['an unknown kind', { kind: 'selfie' }, 'kind'],
        ['an unknown field', { extra: { ticketId: '7' } }, 'ticketId'],
      ] as [string, UploadForm, string][])('%s', async (_case, form, field) => {
        const bytes = await jpeg(20, 20);
        const result = await expectNothingWritten(() => upload(tree.users.workerA1, { file: { bytes }, ...form }));
        expect(result.status).toBe(400);
        expectErrorShape(result.body, CommonErrorCode.ValidationFailed);
        expect(result.body.details).toEqual(expect.arrayContaining([{ field, message: expect.any(String) }]));
      });

      it('a JSON body instead of a form', async () => {
        const result = await expectNothingWritten(async () =>
          request('POST', `${app.baseUrl}/hazard-photos`, {
            token: tokenOf(tree.users.workerA1),
            body: { clientKey: randomUUID(), kind: 'report' },
          }),
        );
        expect(result.status).toBe(415);
        expectErrorShape(result.body, CommonErrorCode.UnsupportedMediaType);
      });

      it('a form sent to a JSON route, which does not read it', async () => {
        const form = formOf({ extra: { code: 'phone-code' }, file: { bytes: await jpeg(20, 20) } });
        const result = await expectNothingWritten(async () =>
          parsed(
            await fetch(`${app.baseUrl}/me/phone`, {
              method: 'POST',
              headers: { authorization: `Bearer ${tokenOf(tree.users.workerA1)}` },
              body: form,
            }),
          ),
        );
        expect(result.status).toBe(400);
        expectErrorShape(result.body, CommonErrorCode.ValidationFailed);
      });

      it('an upload without a login', async () => {
        const result = await expectNothingWritten(async () => upload(null, { file: { bytes: await jpeg(20, 20) } }));
        expect(result.status).toBe(401);
        expectErrorShape(result.body, AuthErrorCode.Unauthenticated);
      });

      it('a person with too many photos waiting for a report', async () => {
        const person = await createUser(app.dataSource, { displayName: '囤积照片的人' });
        const repository = app.dataSource.getRepository(HazardPhoto);
        for (let index = 0; index < UNATTACHED_PHOTOS_PER_PERSON_MAX; index += 1) {
          await repository.insert({
            kind: HazardPhotoKind.Report,
            clientKey: randomUUID(),
            uploadedBy: person.id,
            ticketId: null,
            storageKey: `hazard-photos/0000/00/${randomUUID()}.jpg`,
            thumbnailKey: `hazard-photos/0000/00/${randomUUID()}-thumbnail.jpg`,
            contentType: 'image/jpeg',
            width: 1,
            height: 1,
            byteSize: 1,
            attachedAt: null,
            createdAt: new Date(),
          });
        }
        const result = await expectNothingWritten(async () => upload(person, { file: { bytes: await jpeg(20, 20) } }));
        expect(result.status).toBe(429);
        expectErrorShape(result.body, CommonErrorCode.RateLimited);
      });
    });
  });

  it('documents the multipart form in the OpenAPI document', async () => {
    const document = await request('GET', `${app.baseUrl.replace('/api/v1', '')}/api/docs-json`);
    const operation = document.body.paths['/api/v1/hazard-photos'].post;
    const schema = operation.requestBody.content['multipart/form-data'].schema;
    expect(schema.$ref).toMatch(/UploadHazardPhotoBodyDto$/);
    const properties = document.body.components.schemas.UploadHazardPhotoBodyDto.properties;
    expect(properties.file).toMatchObject({ type: 'string', format: 'binary' });
    expect(Object.keys(properties).sort()).toEqual(['clientKey', 'file', 'kind']);
    expect(Object.keys(operation.responses)).toEqual(expect.arrayContaining(['200', '201', '400', '413', '415']));
  });

  describe('the uploader’s preview', () => {
    it('serves the uploader their own unattached photo, privately, with its type', async () => {
      const result = await upload(tree.users.workerA1, { file: { bytes: await jpeg(64, 48) } });
      const served = await download(result.body.url, tree.users.workerA1);
      expect(served.status).toBe(200);
      expect(served.headers.get('content-type')).toBe('image/jpeg');
      expect(served.headers.get('cache-control')).toMatch(/^private\b/);
      expect(served.headers.get('x-content-type-options')).toBe('nosniff');
      expect(served.headers.get('content-length')).toBe(String(served.bytes.length));
      expect((await sharp(served.bytes).metadata()).format).toBe('jpeg');
    });

    it('answers anyone else, an attached photo and a missing one as not found', async () => {
      const photo = await uploaded(tree.users.workerA1);
      const url = `/api/v1/hazard-photos/${photo.id}`;
      for (const other of [
        tree.users.workerB1,
        tree.users.officerA1,
        tree.users.staffProvince,
        tree.users.adminProvince,
      ]) {
        const response = await request('GET', `${app.baseUrl}/hazard-photos/${photo.id}`, { token: tokenOf(other) });
        expect(response.status).toBe(404);
        expectErrorShape(response.body, CommonErrorCode.NotFound);
      }
      const missing = await request('GET', `${app.baseUrl}/hazard-photos/999999999`, {
        token: tokenOf(tree.users.workerA1),
      });
      expect(missing.status).toBe(404);
      expectErrorShape(missing.body, CommonErrorCode.NotFound);

      const ticket = await createTicket();
      await app.dataSource.transaction((manager) =>
        photosService.claimForTicket(manager, {
          photoIds: [photo.id],
          ticketId: ticket.id,
          kind: HazardPhotoKind.Report,
          uploaderId: tree.users.workerA1.id,
          forgetUploader: false,
        }),
      );
      const attached = await download(url, tree.users.workerA1);
      expect(attached.status).toBe(404);
      expectErrorShape(JSON.parse(attached.bytes.toString('utf8')), CommonErrorCode.NotFound);
    });

    it('refuses a variant it does not know', async () => {
      const photo = await uploaded(tree.users.workerA1);
      const response = await request('GET', `${app.baseUrl}/hazard-photos/${photo.id}?variant=huge`, {
        token: tokenOf(tree.users.workerA1),
      });
      expect(response.status).toBe(400);
      expectErrorShape(response.body, CommonErrorCode.ValidationFailed);
    });
  });

  describe('claimForTicket', () => {
    const claim = (
      ticket: HazardTicket,
      photoIds: number[],
      overrides: Partial<Parameters<HazardPhotosService['claimForTicket']>[1]> = {},
    ) =>
      app.dataSource.transaction((manager) =>
        photosService.claimForTicket(manager, {
          photoIds,
          ticketId: ticket.id,
          kind: HazardPhotoKind.Report,
          uploaderId: tree.users.workerA1.id,
          forgetUploader: false,
          ...overrides,
        }),
      );

    const rowsOf = (ids: number[]) =>
      Promise.all(ids.map(async (id) => app.dataSource.getRepository(HazardPhoto).findOneByOrFail({ id })));

    it('attaches the photos to the ticket and moves their address under it', async () => {
      const first = await uploaded(tree.users.workerA1);
      const second = await uploaded(tree.users.workerA1);
      const ticket = await createTicket();

      const claimed = await claim(ticket, [second.id, first.id]);

      expect(claimed.map((photo) => photo.id)).toEqual([first.id, second.id]);
      for (const row of await rowsOf([first.id, second.id])) {
        expect(row.ticketId).toBe(ticket.id);
        expect(row.uploadedBy).toBe(tree.users.workerA1.id);
        expect(row.attachedAt).toBeInstanceOf(Date);
      }
      expect(photosService.toPhotoDto(claimed[0])).toMatchObject({
        url: `/api/v1/hazards/${ticket.id}/photos/${first.id}`,
        thumbnailUrl: `/api/v1/hazards/${ticket.id}/photos/${first.id}?variant=thumbnail`,
      });
      expect((await photosService.findByTicketIds([ticket.id])).map((photo) => photo.id)).toEqual([
        first.id,
        second.id,
      ]);
      const thumbnail = await photosService.read(claimed[0], 'thumbnail');
      expect(thumbnail.contentType).toBe('image/jpeg');
      expect((await sharp(thumbnail.bytes).metadata()).format).toBe('jpeg');
    });

    it('forgets the uploader of an anonymous report’s photos', async () => {
      const photo = await uploaded(tree.users.workerA1);
      const ticket = await createTicket(null);

      const [claimed] = await claim(ticket, [photo.id], { forgetUploader: true });

      expect(claimed.uploadedBy).toBeNull();
      const [row] = await rowsOf([photo.id]);
      expect(row).toMatchObject({ ticketId: ticket.id, uploadedBy: null });
    });

    it('attaches fix photos as fix photos', async () => {
      const photo = await uploaded(tree.users.officerA1, { kind: HazardPhotoKind.Fix });
      const ticket = await createTicket();
      const [claimed] = await claim(ticket, [photo.id], {
        kind: HazardPhotoKind.Fix,
        uploaderId: tree.users.officerA1.id,
      });
      expect(claimed).toMatchObject({ kind: HazardPhotoKind.Fix, ticketId: ticket.id });
    });

    it.each([
      ['a photo of someone else', 'foreign'],
      ['a photo of the other kind', 'fix'],
      ['a photo already attached', 'attached'],
      ['an id that names no photo', 'missing'],
      ['the same photo twice', 'twice'],
    ])('refuses %s and changes none of the photos', async (_case, problem) => {
      const good = await uploaded(tree.users.workerA1);
      const earlierTicket = await createTicket();
      let badId: number;
      switch (problem) {
        case 'foreign':
          badId = (await uploaded(tree.users.workerB1)).id;
          break;
        case 'fix':
          badId = (await uploaded(tree.users.workerA1, { kind: HazardPhotoKind.Fix })).id;
          break;
        case 'attached': {
          badId = (await uploaded(tree.users.workerA1)).id;
          await claim(earlierTicket, [badId]);
          break;
        }
        case 'missing':
          badId = 999_999_999;
          break;
        default:
          badId = good.id;
      }
      const before = await app.dataSource.getRepository(HazardPhoto).findBy({});
      const ticket = await createTicket();

      await expect(claim(ticket, [good.id, badId])).rejects.toMatchObject({ code: HazardErrorCode.PhotoNotUsable });

      expect(await app.dataSource.getRepository(HazardPhoto).findBy({})).toEqual(before);
      expect(await photosService.findByTicketIds([ticket.id])).toEqual([]);
    });

    it('lets only one of two tickets claiming the same photo at once have it', async () => {
      const photo = await uploaded(tree.users.workerA1);
      const [one, two] = [await createTicket(), await createTicket()];

      const outcomes = await Promise.allSettled([claim(one, [photo.id]), claim(two, [photo.id])]);

      expect(outcomes.map((outcome) => outcome.status).sort()).toEqual(['fulfilled', 'rejected']);
      const refused = outcomes.find((outcome) => outcome.status === 'rejected') as PromiseRejectedResult;
      expect(refused.reason).toMatchObject({ code: HazardErrorCode.PhotoNotUsable });
      const [row] = await rowsOf([photo.id]);
      expect([one.id, two.id]).toContain(row.ticketId);
    });
  });

  describe('cleanup of photos no ticket took', () => {
    it('deletes the files and rows of unattached photos older than a day, and nothing else', async () => {
      const abandoned = await uploaded(tree.users.workerA1);
      const recent = await uploaded(tree.users.workerA1);
      const attachedOld = await uploaded(tree.users.workerA1);
      const ticket = await createTicket();
      await app.dataSource.transaction((manager) =>
        photosService.claimForTicket(manager, {
          photoIds: [attachedOld.id],
          ticketId: ticket.id,
          kind: HazardPhotoKind.Report,
          uploaderId: tree.users.workerA1.id,
          forgetUploader: false,
        }),
      );
      const now = new Date();
      const dayAndAnHourAgo = new Date(now.getTime() - 25 * 60 * 60 * 1000);
      const almostADayAgo = new Date(now.getTime() - 23 * 60 * 60 * 1000);
      const repository = app.dataSource.getRepository(HazardPhoto);
      await repository.update({ id: abandoned.id }, { createdAt: dayAndAnHourAgo });
      await repository.update({ id: recent.id }, { createdAt: almostADayAgo });
      await repository.update({ id: attachedOld.id }, { createdAt: dayAndAnHourAgo });
      const files = filesUnder(storageDirectory);
      expect(files).toContain(abandoned.storageKey);

      const deleted = await app.app.get(AbandonedPhotosJob).runOnce(now);

      expect(deleted).toBeGreaterThanOrEqual(1);
      expect(await repository.findOneBy({ id: abandoned.id })).toBeNull();
      const remaining = filesUnder(storageDirectory);
      for (const key of [abandoned.storageKey, abandoned.thumbnailKey]) {
        expect(remaining).not.toContain(key);
        expect(remaining).not.toContain(`${key}.content-type`);
      }
      for (const kept of [recent, attachedOld]) {
        expect(await repository.findOneBy({ id: kept.id })).not.toBeNull();
        expect(remaining).toEqual(expect.arrayContaining([kept.storageKey, kept.thumbnailKey]));
      }
      // Nothing left to do: a second run deletes nothing.
      expect(await app.app.get(AbandonedPhotosJob).runOnce(now)).toBe(0);
    });
  });
});
