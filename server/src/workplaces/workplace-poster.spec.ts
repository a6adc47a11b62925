import { create as createQrCode } from 'qrcode';
import {
  escapeXml,
  fitLines,
  POSTER_INSTRUCTION,
  qrCodePath,
  renderPosterSvg,
  renderPosterSvgDocument,
  renderPostersHtml,
} from './workplace-poster';

const URL = 'https://ankang.example.cn/#/pages/scan/index?scene=w%3DHK-COAL-01';

/** Reads back the dark modules of a path drawn as `M x y h n v1 h-n z` runs, without the quiet zone. */
function modulesOfPath(path: string, size: number): boolean[][] {
  const grid = Array.from({ length: size }, () => new Array<boolean>(size).fill(false));
  const pattern = /M(\d+) (\d+)h(\d+)v1h-(\d+)z/g;
  let consumed = 0;
  for (const match of path.matchAll(pattern)) {
    const [whole, x, y, run, back] = match;
    expect(back).toBe(run);
    for (let column = Number(x); column < Number(x) + Number(run); column += 1) grid[Number(y)][column] = true;
    consumed += whole.length;
  }
  expect(consumed).toBe(path.length);
  return grid.slice(4, size - 4).map((row) => row.slice(4, size - 4));
}

function expectedModules(url: string): boolean[][] {
  const { modules } = createQrCode(url, { errorCorrectionLevel: 'Q' });
  return Array.from({ length: modules.size }, (_, row) =>
    Array.from({ length: modules.size }, (_, column) => Boolean(modules.get(row, column))),
  );
}

describe('workplace poster', () => {
  const content = {
    workplaceName: '主井口',
    enterpriseName: '河口煤业有限公司',
    code: 'HK-COAL-01',
    scan: { kind: 'url' as const, url: URL },
  };

  it('escapes text for XML and drops characters XML cannot hold', () => {
    expect(escapeXml(`<a href="x">&'\u0000\u0008\uffff\ud800`)).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&apos;');
    expect(escapeXml('安康 😀')).toBe('安康 😀');
  });

  it('draws the QR code of the URL, module for module, with a quiet zone', () => {
    const { path, size } = qrCodePath(URL);
    const expected = expectedModules(URL);
    expect(size).toBe(expected.length + 8);
    expect(modulesOfPath(path, size)).toEqual(expected);
  });

  it('shows the workplace, enterprise, code and instruction on an A4 page', () => {
    const svg = renderPosterSvgDocument(content);
    expect(svg.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg"')).toBe(
      true,
    );
    expect(svg).toContain('width="210mm" height="297mm" viewBox="0 0 210 297"');
    expect(svg).toMatch(/<text class="workplace-name"[^>]*>主井口<\/text>/);
    expect(svg).toMatch(/<text class="enterprise-name"[^>]*>河口煤业有限公司<\/text>/);
    expect(svg).toMatch(/<text class="workplace-code"[^>]*>场所编码：HK-COAL-01<\/text>/);
    expect(svg).toContain(POSTER_INSTRUCTION);
    expect(svg).toContain(escapeXml(URL));
    expect(svg).toContain(`d="${qrCodePath(URL).path}"`);
  });

  it('escapes hostile names everywhere they appear', () => {
    const svg = renderPosterSvg({
      ...content,
      workplaceName: '</text><script>alert(1)</script>',
      enterpriseName: 'A&B "化工" \'厂\'',
    });
    expect(svg).not.toContain('<script>');
    expect(svg).toContain('&lt;/text&gt;&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(svg).toContain('A&amp;B &quot;化工&quot; &apos;厂&apos;');
  });

  it('embeds a WeChat code image as a data URL instead of drawing a QR code', () => {
    const bytes = Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]);
    const svg = renderPosterSvg({ ...content, scan: { kind: 'image', contentType: 'image/png', bytes } });
    expect(svg).toContain(`href="data:image/png;base64,${bytes.toString('base64')}"`);
    expect(svg).not.toContain('shape-rendering="crispEdges"');
    expect(svg).not.toContain('ankang.example.cn');
  });

  it('fits a long name on two lines at a smaller size, and cuts what still does not fit', () => {
    expect(fitLines('主井口', [12, 10], 2)).toEqual({ lines: ['主井口'], size: 12 });
    const long = fitLines('甲'.repeat(20), [12, 10], 2);
    expect(long.size).toBe(12);
    expect(long.lines.join('')).toBe('甲'.repeat(20));
    expect(long.lines).toHaveLength(2);
    const tooLong = fitLines('乙'.repeat(100), [12, 10], 2);
    expect(tooLong.size).toBe(10);
    expect(tooLong.lines).toHaveLength(2);
    expect(tooLong.lines[1].endsWith('…')).toBe(true);
  });

  it('puts each poster on its own printed page in one HTML document', () => {
    const html = renderPostersHtml('河口煤业 <海报>', [
      content,
      { ...content, workplaceName: '选煤厂', code: 'HK-COAL-02' },
    ]);
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain('<title>河口煤业 &lt;海报&gt;</title>');
    expect(html).toContain('@page { size: A4 portrait; margin: 0; }');
    expect(html).toContain('break-after: page');
    expect(html.match(/<section class="poster">/g)).toHaveLength(2);
    expect(html).not.toContain('<?xml');
    expect(html).toContain('选煤厂');
  });

  it('says so when there is no workplace to print', () => {
    expect(renderPostersHtml('空企业', [])).toContain('该企业暂无在用的作业场所');
  });
});
