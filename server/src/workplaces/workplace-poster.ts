import { create as createQrCode } from 'qrcode';

/**
 * The printable poster at a workplace's entrance: an A4 SVG with the code to scan, the workplace,
 * its enterprise, its public code and what scanning it is for. Text stays text (the viewer's or
 * printer's fonts render it), so the server needs no fonts; every text is escaped for XML.
 */

export const POSTER_INSTRUCTION = '微信扫码：班前打卡 · 隐患随手拍 · 今日培训';
const POSTER_TITLE = '安康 · 职工安全码';
const POSTER_FOOTER = '请勿遮挡或损毁本码 · 扫码无反应请联系企业安全员';
const FONT_FAMILY = "'PingFang SC','Microsoft YaHei','Noto Sans CJK SC','Source Han Sans SC',sans-serif";
const MONOSPACE_FAMILY = "'SFMono-Regular',Consolas,'Liberation Mono',monospace";
const ACCENT = '#0b6e4f';
const INK = '#1f2933';

/** A4 in millimetres: the SVG's user unit is one millimetre. */
const PAGE_WIDTH = 210;
const PAGE_HEIGHT = 297;
const TEXT_WIDTH = 176;
const QR_SIZE = 132;
/** Modules of white around a QR code that scanners need to find it. */
const QR_QUIET_ZONE = 4;

/** What the poster shows to scan: a QR code of a URL we draw, or WeChat's mini program code image. */
export type PosterCode = { kind: 'url'; url: string } | { kind: 'image'; contentType: string; bytes: Buffer };

export interface PosterContent {
  workplaceName: string;
  enterpriseName: string;
  code: string;
  scan: PosterCode;
}

/** XML text or attribute content; characters XML 1.0 cannot hold at all are dropped. */
export function escapeXml(text: string): string {
  return text
    .replace(/[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** The poster as a standalone SVG file. */
export function renderPosterSvgDocument(content: PosterContent): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${renderPosterSvg(content)}\n`;
}

/** The poster's `<svg>` element, for a file of its own or inline in an HTML page. */
export function renderPosterSvg(content: PosterContent): string {
  const parts: string[] = [];
  parts.push(
    `<rect x="0" y="0" width="${PAGE_WIDTH}" height="${PAGE_HEIGHT}" fill="#ffffff"/>`,
    `<rect x="6" y="6" width="${PAGE_WIDTH - 12}" height="${PAGE_HEIGHT - 12}" rx="6" fill="none" stroke="${ACCENT}" stroke-width="1.2"/>`,
    `<rect x="6" y="6" width="${PAGE_WIDTH - 12}" height="40" rx="6" fill="${ACCENT}"/>`,
    `<rect x="6" y="30" width="${PAGE_WIDTH - 12}" height="16" fill="${ACCENT}"/>`,
    text(POSTER_TITLE, { y: 24, size: 11, weight: 'bold', fill: '#ffffff' }),
    text(POSTER_INSTRUCTION, { y: 38.5, size: 7, fill: '#ffffff' }),
  );

  let y = 60;
  const name = fitLines(content.workplaceName, [12, 10, 8.5, 7], 2);
  for (const line of name.lines) {
    parts.push(text(line, { y, size: name.size, weight: 'bold', fill: INK, className: 'workplace-name' }));
    y += name.size * 1.3;
  }
  const enterprise = fitLines(content.enterpriseName, [7, 6, 5], 2);
  y += 1;
  for (const line of enterprise.lines) {
    parts.push(text(line, { y, size: enterprise.size, fill: '#52606d', className: 'enterprise-name' }));
    y += enterprise.size * 1.35;
  }

  const qrTop = Math.max(y + 2, 84);
  const qrLeft = (PAGE_WIDTH - QR_SIZE) / 2;
  parts.push(renderScanCode(content.scan, qrLeft, qrTop));

  y = qrTop + QR_SIZE + 9;
  parts.push(
    text(`场所编码：${content.code}`, { y, size: 6, fill: INK, family: MONOSPACE_FAMILY, className: 'workplace-code' }),
  );
  if (content.scan.kind === 'url') {
    y += 7;
    for (const line of fitLines(content.scan.url, [3.2], 3).lines) {
      parts.push(text(line, { y, size: 3.2, fill: '#7b8794', family: MONOSPACE_FAMILY }));
      y += 4.2;
    }
  }
  parts.push(text(POSTER_FOOTER, { y: PAGE_HEIGHT - 14, size: 4.2, fill: '#7b8794' }));

  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${PAGE_WIDTH}mm" height="${PAGE_HEIGHT}mm" viewBox="0 0 ${PAGE_WIDTH} ${PAGE_HEIGHT}">`,
    `<title>${escapeXml(`${content.workplaceName} · ${content.enterpriseName}`)}</title>`,
    ...parts,
    '</svg>',
  ].join('\n');
}

/** The posters of many workplaces as one HTML page to print: one poster per sheet of A4. */
export function renderPostersHtml(title: string, posters: PosterContent[]): string {
  const body =
    posters.length === 0
      ? '<p class="empty">该企业暂无在用的作业场所，没有需要打印的二维码海报。</p>'
      : posters.map((poster) => `<section class="poster">\n${renderPosterSvg(poster)}\n</section>`).join('\n');
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeXml(title)}</title>
<style>
@page { size: A4 portrait; margin: 0; }
html, body { margin: 0; padding: 0; }
.poster { width: 210mm; height: 297mm; overflow: hidden; page-break-after: always; break-after: page; }
.poster:last-child { page-break-after: auto; break-after: auto; }
.poster > svg { display: block; width: 210mm; height: 297mm; }
.empty { font-family: ${FONT_FAMILY}; padding: 20mm; }
@media screen {
  body { background: #e4e7eb; }
  .poster { margin: 8mm auto; background: #fff; box-shadow: 0 1mm 4mm rgba(0, 0, 0, 0.2); }
}
</style>
</head>
<body>
${body}
</body>
</html>
`;
}

/**
 * The dark modules of a QR code of `url` as one SVG path in module units, quiet zone included:
 * a `M x y h n v 1 h -n z` rectangle per run of dark modules in a row.
 */
export function qrCodePath(url: string): { path: string; size: number } {
  const { modules } = createQrCode(url, { errorCorrectionLevel: 'Q' });
  const commands: string[] = [];
  for (let row = 0; row < modules.size; row += 1) {
    let column = 0;
    while (column < modules.size) {
      if (!modules.get(row, column)) {
        column += 1;
        continue;
      }
      const start = column;
      while (column < modules.size && modules.get(row, column)) column += 1;
      const run = column - start;
      commands.push(`M${start + QR_QUIET_ZONE} ${row + QR_QUIET_ZONE}h${run}v1h-${run}z`);
    }
  }
  return { path: commands.join(''), size: modules.size + QR_QUIET_ZONE * 2 };
}

function renderScanCode(scan: PosterCode, x: number, y: number): string {
  if (scan.kind === 'image') {
    const href = `data:${scan.contentType};base64,${scan.bytes.toString('base64')}`;
    return `<image class="scan-code" x="${x}" y="${y}" width="${QR_SIZE}" height="${QR_SIZE}" preserveAspectRatio="xMidYMid meet" href="${escapeXml(href)}"/>`;
  }
  const { path, size } = qrCodePath(scan.url);
  return [
    `<svg class="scan-code" x="${x}" y="${y}" width="${QR_SIZE}" height="${QR_SIZE}" viewBox="0 0 ${size} ${size}" shape-rendering="crispEdges">`,
    `<rect width="${size}" height="${size}" fill="#ffffff"/>`,
    `<path fill="#000000" d="${path}"/>`,
    '</svg>',
  ].join('');
}

interface TextOptions {
  y: number;
  size: number;
  fill: string;
  weight?: 'bold';
  family?: string;
  className?: string;
}

function text(content: string, options: TextOptions): string {
  const attributes = [
    options.className ? `class="${options.className}"` : '',
    `x="${PAGE_WIDTH / 2}"`,
    `y="${round(options.y)}"`,
    'text-anchor="middle"',
    `font-family="${escapeXml(options.family ?? FONT_FAMILY)}"`,
    `font-size="${options.size}"`,
    options.weight ? `font-weight="${options.weight}"` : '',
    `fill="${options.fill}"`,
  ].filter(Boolean);
  return `<text ${attributes.join(' ')}>${escapeXml(content)}</text>`;
}

/**
 * Breaks text into at most `maxLines` lines of the text width, at the largest size that fits; at the
 * smallest size, what does not fit ends in an ellipsis. Widths are estimated (CJK one em, Latin about
 * half), which is what a font-less server can do; the margins absorb the error.
 */
export function fitLines(content: string, sizes: number[], maxLines: number): { lines: string[]; size: number } {
  const characters = [...content.replace(/\s+/g, ' ').trim()];
  for (const [index, size] of sizes.entries()) {
    const lines = breakLines(characters, TEXT_WIDTH / size);
    const smallest = index === sizes.length - 1;
    if (lines.length <= maxLines) return { lines, size };
    if (smallest) {
      const kept = lines.slice(0, maxLines);
      kept[maxLines - 1] = `${[...kept[maxLines - 1]].slice(0, -1).join('')}…`;
      return { lines: kept, size };
    }
  }
  return { lines: [], size: sizes[0] };
}

function breakLines(characters: string[], widthInEm: number): string[] {
  const lines: string[] = [];
  let line = '';
  let width = 0;
  for (const character of characters) {
    const characterWidth = emWidth(character);
    if (width + characterWidth > widthInEm && line !== '') {
      lines.push(line.trimEnd());
      line = character === ' ' ? '' : character;
      width = character === ' ' ? 0 : characterWidth;
      continue;
    }
    line += character;
    width += characterWidth;
  }
  if (line.trim() !== '') lines.push(line.trimEnd());
  return lines;
}

function emWidth(character: string): number {
  const codePoint = character.codePointAt(0) ?? 0;
  return codePoint < 0x2e80 ? 0.6 : 1;
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
