import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  AuthErrorCode,
  CommonErrorCode,
  ERROR_MESSAGES,
  Industry,
  OrgErrorCode,
  OrgKind,
  WechatErrorCode,
  WORKPLACE_LANDING_PAGE,
  workplaceLandingUrl,
} from '@ankang/shared';
import { create as createQrCode } from 'qrcode';
import { Grid } from '../src/grids/grid.entity';
import { OrgUnit } from '../src/org/org-unit.entity';
import { LocalDiskStorage } from '../src/storage/local-disk-storage';
import type { User } from '../src/users/user.entity';
import { WorkplaceQrCode } from '../src/workplaces/workplace-qr-code.entity';
import { createOrgUnit, createUser } from './factories/org.factory';
import { createTestTree } from './factories/tree.factory';
import { testBackends } from './support/backends';
import { expectErrorShape, type HttpResult, request } from './support/http';
import { accessTokenFor, startTestApp, type TestApp } from './support/test-app';

const UNLIMITED_QR_CODE = '/wxa/getwxacodeunlimit';
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** An error body without its request id, to compare two refusals. */
const withoutRequestId = ({ requestId: _requestId, ...rest }: Record<string, unknown>) => rest;

/** Raw bytes over real HTTP (the JSON helper would read an image as text). */
async function download(url: string, token?: string) {
  const response = await fetch(url, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  const bytes = Buffer.from(await response.arrayBuffer());
  return { status: response.status, headers: response.headers, bytes, text: bytes.toString('utf8') };
}

/** The file name a Content-Disposition header gives in its RFC 5987 form. */
function filenameOf(headers: Headers): string {
  const header = headers.get('content-disposition') ?? '';
  expect(header.startsWith('attachment; ')).toBe(true);
  return decodeURIComponent(header.split("filename*=UTF-8''")[1] ?? '');
}

/**
 * The QR modules drawn in a poster: its one drawn code, read back from the `M x y h n v1 h-n z` runs
 * of the path, less the four-module quiet zone.
 */
function drawnQrModules(svg: string): boolean[][] {
  const match = svg.match(
    /<svg class="scan-code"[^>]*viewBox="0 0 (\d+) \d+"[^>]*>.*?<path fill="#000000" d="([^"]+)"\/>/s,
  );
  expect(match).not.toBeNull();
  const size = Number(match?.[1]);
  const grid = Array.from({ length: size }, () => new Array<boolean>(size).fill(false));
  for (const [, x, y, run] of (match?.[2] ?? '').matchAll(/M(\d+) (\d+)h(\d+)v1h-\d+z/g)) {
    for (let column = Number(x); column < Number(x) + Number(run); column += 1) grid[Number(y)][column] = true;
  }
  return grid.slice(4, size - 4).map((row) => row.slice(4, size - 4));
}

/** What the qrcode package itself encodes for the text. */
function qrModulesOf(text: string): boolean[][] {
  const { modules } = createQrCode(text, { errorCorrectionLevel: 'Q' });
  return Array.from({ length: modules.size }, (_, row) =>
    Array.from({ length: modules.size }, (_, column) => Boolean(modules.get(row, column))),
  );
}

describe.each(testBackends())('workplaces on %s', (backend) => {
  describe('with WeChat', () => {
    let app: TestApp;
    let storageDirectory: string;

    beforeAll(async () => {
      storageDirectory = mkdtempSync(path.join(tmpdir(), 'ankang-files-'));
      app = await startTestApp(backend, { STORAGE_DIR: storageDirectory });
    });

    afterAll(async () => {
      await app?.close();
      rmSync(storageDirectory, { recursive: true, force: true });
    });

    const card = (code: string) => request('GET', `${app.baseUrl}/workplaces/by-code/${encodeURIComponent(code)}`);
    const qrCode = (user: User, id: number | string, format?: string) =>
      download(`${app.baseUrl}/workplaces/${id}/qrcode${format ? `?format=${format}` : ''}`, accessTokenFor(app, user));
    const posters = (user: User, id: number | string) =>
      download(`${app.baseUrl}/org-units/${id}/qrcode-posters`, accessTokenFor(app, user));
    const errorOf = (result: { text: string }) => JSON.parse(result.text);

    describe('the public card', () => {
      it('shows the workplace, its enterprise, industry, grid and grid officer without a login', async () => {
        const tree = await createTestTree(app.dataSource);
        const officer = await createUser(app.dataSource, { displayName: '网格员老李', phone: '13700000000' });
        const inserted = await app.dataSource.getRepository(Grid).insert({
          unionId: tree.units.countyA.id,
          name: `河口网格-${tree.suffix}`,
          officerUserId: officer.id,
          archivedAt: null,
          createdAt: new Date(),
          updatedAt: new Date(),
        });
        const gridId = Number(inserted.identifiers[0].id);
        const workplace = tree.units.workplaceA1a;
        await app.dataSource
          .getRepository(OrgUnit)
          .update(
            { id: workplace.id },
            { gridId, address: '河口镇矿区路1号', latitude: 36.6171, longitude: 101.7782, industry: null },
          );

        const response = await card(workplace.code as string);
        expect(response.status).toBe(200);
        expect(response.body).toEqual({
          id: String(workplace.id),
          code: workplace.code,
          name: workplace.name,
          address: '河口镇矿区路1号',
          industry: Industry.CoalMine,
          latitude: 36.6171,
          longitude: 101.7782,
          enterprise: {
            id: String(tree.units.enterpriseA1.id),
            name: tree.units.enterpriseA1.name,
            industry: Industry.CoalMine,
          },
          grid: { id: String(gridId), name: `河口网格-${tree.suffix}`, officerName: '网格员老李' },
        });
        // The officer's phone is not part of a public card.
        expect(JSON.stringify(response.body)).not.toContain('13700000000');
      });

      it('shows no grid for a workplace outside one', async () => {
        const tree = await createTestTree(app.dataSource);
        const response = await card(tree.units.workplaceB1a.code as string);
        expect(response.status).toBe(200);
        expect(response.body).toEqual(
          expect.objectContaining({ grid: null, address: null, latitude: null, industry: Industry.Construction }),
        );
      });

      it.each([
        ['an unknown code', 'NO-SUCH-PLACE-1'],
        ['a code with characters WeChat forbids', 'bad code'],
        ['a code over 30 characters', 'Y'.repeat(31)],
      ])('answers %s with 404 ORG_WORKPLACE_NOT_FOUND telling the worker to scan the poster', async (_case, code) => {
        const response = await card(code);
        expect(response.status).toBe(404);
        expectErrorShape(response.body, OrgErrorCode.WorkplaceNotFound);
        expect(response.body.message).toBe(ERROR_MESSAGES[OrgErrorCode.WorkplaceNotFound]);
        expect(response.body.message).toContain('入口');
      });

      it('answers an archived workplace, or one of an archived enterprise, as not found', async () => {
        const tree = await createTestTree(app.dataSource);
        const units = app.dataSource.getRepository(OrgUnit);
        await units.update({ id: tree.units.workplaceA1b.id }, { archivedAt: new Date() });
        await units.update({ id: tree.units.enterpriseB1.id }, { archivedAt: new Date() });

        for (const code of [tree.units.workplaceA1b.code, tree.units.workplaceB1a.code]) {
          const response = await card(code as string);
          expect(response.status).toBe(404);
          expectErrorShape(response.body, OrgErrorCode.WorkplaceNotFound);
        }
        expect((await card(tree.units.workplaceA1a.code as string)).status).toBe(200);
      });

      it('matches the code exactly, whatever the database collation', async () => {
        const tree = await createTestTree(app.dataSource);
        const response = await card((tree.units.workplaceA1a.code as string).toLowerCase());
        expect(response.status).toBe(404);
      });
    });

    describe('the WeChat mini program code', () => {
      it('returns the image WeChat made for scene w=<code> and the landing page, and names the file', async () => {
        const tree = await createTestTree(app.dataSource);
        const workplace = tree.units.workplaceA1a;
        const before = app.wechat.requestCount(UNLIMITED_QR_CODE);

        const response = await qrCode(tree.users.officerA1, workplace.id);
        expect(response.status).toBe(200);
        expect(response.headers.get('content-type')).toBe('image/png');
        expect(response.bytes.subarray(0, 8)).toEqual(PNG_SIGNATURE);
        expect(Number(response.headers.get('content-length'))).toBe(response.bytes.length);
        expect(filenameOf(response.headers)).toBe(`${workplace.name}-小程序码.png`);
        expect(app.wechat.requestCount(UNLIMITED_QR_CODE)).toBe(before + 1);
        expect(app.wechat.requests(UNLIMITED_QR_CODE).at(-1)?.body).toEqual({
          scene: `w=${workplace.code}`,
          page: WORKPLACE_LANDING_PAGE,
          check_path: false,
          env_version: 'release',
          width: 430,
        });
      });

      it('asks WeChat once: the second download comes from the cache', async () => {
        const tree = await createTestTree(app.dataSource);
        const workplace = tree.units.workplaceA1b;
        const first = await qrCode(tree.users.officerA1, workplace.id);
        const countAfterFirst = app.wechat.requestCount(UNLIMITED_QR_CODE);

        const second = await qrCode(tree.users.staffCityA, workplace.id);
        expect(second.status).toBe(200);
        expect(second.bytes).toEqual(first.bytes);
        expect(second.headers.get('content-type')).toBe('image/png');
        expect(app.wechat.requestCount(UNLIMITED_QR_CODE)).toBe(countAfterFirst);

        const rows = await app.dataSource.getRepository(WorkplaceQrCode).findBy({ workplaceId: workplace.id });
        expect(rows).toHaveLength(1);
        expect(rows[0].cacheKey).toMatch(/^[0-9a-f]{64}$/);
        const stored = await new LocalDiskStorage(storageDirectory).get(rows[0].storageKey);
        expect(stored).toEqual({ bytes: first.bytes, contentType: 'image/png' });
      });

      it('asks again for a workplace whose code changed', async () => {
        const tree = await createTestTree(app.dataSource);
        const workplace = tree.units.workplaceA2a;
        await qrCode(tree.users.officerA2, workplace.id);
        const newCode = `NEW-${tree.suffix}`;
        await app.dataSource.getRepository(OrgUnit).update({ id: workplace.id }, { code: newCode });
        const before = app.wechat.requestCount(UNLIMITED_QR_CODE);

        expect((await qrCode(tree.users.officerA2, workplace.id)).status).toBe(200);
        expect(app.wechat.requestCount(UNLIMITED_QR_CODE)).toBe(before + 1);
        expect(app.wechat.requests(UNLIMITED_QR_CODE).at(-1)?.body).toEqual(
          expect.objectContaining({ scene: `w=${newCode}` }),
        );
      });

      it('fetches the image again when its file is gone from storage', async () => {
        const tree = await createTestTree(app.dataSource);
        const workplace = tree.units.workplaceB1a;
        await qrCode(tree.users.officerB1, workplace.id);
        const [row] = await app.dataSource.getRepository(WorkplaceQrCode).findBy({ workplaceId: workplace.id });
        await new LocalDiskStorage(storageDirectory).delete(row.storageKey);
        const before = app.wechat.requestCount(UNLIMITED_QR_CODE);

        const again = await qrCode(tree.users.officerB1, workplace.id);
        expect(again.status).toBe(200);
        expect(again.bytes.subarray(0, 8)).toEqual(PNG_SIGNATURE);
        expect(app.wechat.requestCount(UNLIMITED_QR_CODE)).toBe(before + 1);
        expect(await app.dataSource.getRepository(WorkplaceQrCode).countBy({ workplaceId: workplace.id })).toBe(1);
      });

      it.each([40097, 40129, 40169, 41030])(
        'maps WeChat refusing our scene or page (%i) to 502 WECHAT_QR_CODE_REJECTED, caching nothing',
        async (errcode) => {
          const tree = await createTestTree(app.dataSource);
          const workplace = tree.units.workplaceA1a;
          app.wechat.injectFault({ kind: 'errcode', errcode, path: UNLIMITED_QR_CODE });

          const response = await qrCode(tree.users.officerA1, workplace.id);
          expect(response.status).toBe(502);
          expectErrorShape(errorOf(response), WechatErrorCode.QrCodeRejected);
          expect(await app.dataSource.getRepository(WorkplaceQrCode).countBy({ workplaceId: workplace.id })).toBe(0);

          expect((await qrCode(tree.users.officerA1, workplace.id)).status).toBe(200);
        },
      );

      it('answers 503 WECHAT_UNAVAILABLE while WeChat stays busy', async () => {
        const tree = await createTestTree(app.dataSource);
        app.wechat.injectFault({ kind: 'busy', count: 3, path: UNLIMITED_QR_CODE });

        const response = await qrCode(tree.users.officerA1, tree.units.workplaceA1a.id);
        expect(response.status).toBe(503);
        expectErrorShape(errorOf(response), WechatErrorCode.Unavailable);
      });

      it('makes a poster around the WeChat code when asked for one', async () => {
        const tree = await createTestTree(app.dataSource);
        const workplace = tree.units.workplaceA1a;
        const image = await qrCode(tree.users.officerA1, workplace.id);
        const poster = await qrCode(tree.users.officerA1, workplace.id, 'poster');

        expect(poster.status).toBe(200);
        expect(poster.headers.get('content-type')).toBe('image/svg+xml; charset=utf-8');
        expect(filenameOf(poster.headers)).toBe(`${workplace.name}-二维码海报.svg`);
        expect(poster.text).toContain(`href="data:image/png;base64,${image.bytes.toString('base64')}"`);
        expect(poster.text).toContain(workplace.name);
        expect(poster.text).toContain(tree.units.enterpriseA1.name);
        expect(poster.text).toContain(`场所编码：${workplace.code}`);
      });
    });

    describe('who may download', () => {
      it('refuses a neighbouring officer exactly as if the workplace did not exist', async () => {
        const tree = await createTestTree(app.dataSource);
        for (const neighbour of [tree.users.officerB1, tree.users.officerA2, tree.users.staffCityB]) {
          const missing = await qrCode(neighbour, 999999999);
          for (const format of [undefined, 'poster']) {
            const refused = await qrCode(neighbour, tree.units.workplaceA1a.id, format);
            expect(refused.status).toBe(404);
            expectErrorShape(errorOf(refused), CommonErrorCode.NotFound);
            expect(withoutRequestId(errorOf(refused))).toEqual(withoutRequestId(errorOf(missing)));
          }
          const missingPosters = await posters(neighbour, 999999999);
          const refusedPosters = await posters(neighbour, tree.units.enterpriseA1.id);
          expect(refusedPosters.status).toBe(404);
          expect(withoutRequestId(errorOf(refusedPosters))).toEqual(withoutRequestId(errorOf(missingPosters)));
        }
      });

      it('lets union staff and admins above the workplace download, and refuses workers', async () => {
        const tree = await createTestTree(app.dataSource);
        for (const user of [tree.users.staffCountyA, tree.users.staffProvince, tree.users.adminProvince]) {
          expect((await qrCode(user, tree.units.workplaceA1a.id, 'poster')).status).toBe(200);
          expect((await posters(user, tree.units.enterpriseA1.id)).status).toBe(200);
        }
        for (const user of [tree.users.workerA1, tree.users.nobody]) {
          const refused = await qrCode(user, tree.units.workplaceA1a.id);
          expect(refused.status).toBe(403);
          expectErrorShape(errorOf(refused), AuthErrorCode.Forbidden);
        }
        expect((await download(`${app.baseUrl}/workplaces/${tree.units.workplaceA1a.id}/qrcode`)).status).toBe(401);
      });

      it('answers ids that name no workplace as not found, and refuses what is not an id', async () => {
        const tree = await createTestTree(app.dataSource);
        const missing = errorOf(await qrCode(tree.users.adminProvince, 999999999));
        const notAWorkplace = await qrCode(tree.users.adminProvince, String(tree.units.enterpriseA1.id));
        expect(notAWorkplace.status).toBe(404);
        expect(withoutRequestId(errorOf(notAWorkplace))).toEqual(withoutRequestId(missing));
        for (const id of ['abc', '0', '-1']) {
          const response = await qrCode(tree.users.adminProvince, id);
          expect(response.status).toBe(400);
          expectErrorShape(errorOf(response), CommonErrorCode.ValidationFailed);
        }
        const notAnEnterprise = await posters(tree.users.adminProvince, tree.units.workplaceA1a.id);
        expect(notAnEnterprise.status).toBe(404);
        expectErrorShape(errorOf(notAnEnterprise), CommonErrorCode.NotFound);
      });

      it('refuses a format it does not make', async () => {
        const tree = await createTestTree(app.dataSource);
        const response = await qrCode(tree.users.officerA1, tree.units.workplaceA1a.id, 'pdf');
        expect(response.status).toBe(400);
        expectErrorShape(errorOf(response), CommonErrorCode.ValidationFailed);
      });

      it('refuses the code of an archived workplace', async () => {
        const tree = await createTestTree(app.dataSource);
        await app.dataSource
          .getRepository(OrgUnit)
          .update({ id: tree.units.workplaceA1b.id }, { archivedAt: new Date() });
        const response = await qrCode(tree.users.officerA1, tree.units.workplaceA1b.id);
        expect(response.status).toBe(409);
        expectErrorShape(errorOf(response), OrgErrorCode.WorkplaceArchived);
      });
    });

    describe('bulk posters', () => {
      it('puts every active workplace of the enterprise on its own page, each with its WeChat code', async () => {
        const tree = await createTestTree(app.dataSource);
        const archived = await createOrgUnit(app.dataSource, {
          kind: OrgKind.Workplace,
          parent: tree.units.enterpriseA1,
          name: `已停用场所-${tree.suffix}`,
        });
        await app.dataSource.getRepository(OrgUnit).update({ id: archived.id }, { archivedAt: new Date() });

        const response = await posters(tree.users.officerA1, tree.units.enterpriseA1.id);
        expect(response.status).toBe(200);
        expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
        expect(filenameOf(response.headers)).toBe(`${tree.units.enterpriseA1.name}-二维码海报.html`);
        expect(response.text.match(/<section class="poster">/g)).toHaveLength(2);
        expect(response.text).toContain('break-after: page');
        expect(response.text).toContain(tree.units.workplaceA1a.name);
        expect(response.text).toContain(tree.units.workplaceA1b.name);
        expect(response.text).not.toContain(archived.name);
        expect(response.text.match(/<image class="scan-code"[^>]* href="data:image\/png;base64,/g)).toHaveLength(2);
      });
    });
  });

  describe('without WeChat', () => {
    let app: TestApp;
    let storageDirectory: string;

    beforeAll(async () => {
      storageDirectory = mkdtempSync(path.join(tmpdir(), 'ankang-files-'));
      app = await startTestApp(backend, {
        WECHAT_APPID: '',
        WECHAT_SECRET: '',
        STORAGE_DIR: storageDirectory,
        PUBLIC_BASE_URL: 'https://ankang.example.cn/',
      });
    });

    afterAll(async () => {
      await app?.close();
      rmSync(storageDirectory, { recursive: true, force: true });
    });

    const qrCode = (user: User, id: number, format?: string) =>
      download(`${app.baseUrl}/workplaces/${id}/qrcode${format ? `?format=${format}` : ''}`, accessTokenFor(app, user));

    it.each([undefined, 'image', 'poster'])(
      'answers format=%s with a printable SVG poster whose QR code opens the H5 landing page',
      async (format) => {
        const tree = await createTestTree(app.dataSource);
        const workplace = tree.units.workplaceA1a;
        const response = await qrCode(tree.users.officerA1, workplace.id, format);

        expect(response.status).toBe(200);
        expect(response.headers.get('content-type')).toBe('image/svg+xml; charset=utf-8');
        expect(filenameOf(response.headers)).toBe(`${workplace.name}-二维码海报.svg`);
        const landingUrl = workplaceLandingUrl('https://ankang.example.cn', workplace.code as string);
        expect(landingUrl).toBe(`https://ankang.example.cn/#/pages/scan/index?scene=w%3D${workplace.code}`);
        expect(drawnQrModules(response.text)).toEqual(qrModulesOf(landingUrl));
        expect(response.text).toContain(workplace.name);
        expect(response.text).toContain(tree.units.enterpriseA1.name);
        expect(response.text).toContain(`场所编码：${workplace.code}`);
        expect(response.text).toContain('微信扫码：班前打卡 · 隐患随手拍 · 今日培训');
        expect(app.wechat.requestCount()).toBe(0);
      },
    );

    it('escapes names for XML', async () => {
      const tree = await createTestTree(app.dataSource);
      const enterprise = await createOrgUnit(app.dataSource, {
        kind: OrgKind.Enterprise,
        parent: tree.units.cityA,
        name: `A&B <化工> "${tree.suffix}"`,
      });
      const workplace = await createOrgUnit(app.dataSource, {
        kind: OrgKind.Workplace,
        parent: enterprise,
        name: '</text><script>alert(1)</script>',
      });
      const response = await qrCode(tree.users.staffCityA, workplace.id, 'poster');

      expect(response.status).toBe(200);
      expect(response.text).not.toContain('<script>');
      expect(response.text).toContain('&lt;/text&gt;&lt;script&gt;alert(1)&lt;/script&gt;');
      expect(response.text).toContain(`A&amp;B &lt;化工&gt; &quot;${tree.suffix}&quot;`);
      // Slashes never reach a file name.
      expect(filenameOf(response.headers)).toBe('<_text><script>alert(1)<_script>-二维码海报.svg');
    });

    it('prints every active workplace of an enterprise with a QR code of its landing page', async () => {
      const tree = await createTestTree(app.dataSource);
      const response = await download(
        `${app.baseUrl}/org-units/${tree.units.enterpriseA1.id}/qrcode-posters`,
        accessTokenFor(app, tree.users.officerA1),
      );

      expect(response.status).toBe(200);
      const sections = response.text.split('<section class="poster">').slice(1);
      expect(sections).toHaveLength(2);
      for (const [index, workplace] of [tree.units.workplaceA1a, tree.units.workplaceA1b].entries()) {
        expect(sections[index]).toContain(workplace.name);
        const landingUrl = workplaceLandingUrl('https://ankang.example.cn', workplace.code as string);
        expect(drawnQrModules(sections[index])).toEqual(qrModulesOf(landingUrl));
      }
      expect(app.wechat.requestCount()).toBe(0);
    });

    it('prints a page saying so for an enterprise without active workplaces', async () => {
      const tree = await createTestTree(app.dataSource);
      const empty = await createOrgUnit(app.dataSource, { kind: OrgKind.Enterprise, parent: tree.units.cityB });
      const response = await download(
        `${app.baseUrl}/org-units/${empty.id}/qrcode-posters`,
        accessTokenFor(app, tree.users.staffCityB),
      );
      expect(response.status).toBe(200);
      expect(response.text).toContain('该企业暂无在用的作业场所');
    });

    it('still serves the public card', async () => {
      const tree = await createTestTree(app.dataSource);
      const response: HttpResult = await request(
        'GET',
        `${app.baseUrl}/workplaces/by-code/${tree.units.workplaceA2a.code}`,
      );
      expect(response.status).toBe(200);
    });
  });
});
