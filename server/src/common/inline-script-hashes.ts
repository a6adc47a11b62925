import { createHash } from 'node:crypto';

/**
 * CSP source expressions (`'sha256-…'`) for the inline scripts of an HTML page, so the page's own
 * bootstrap script (Taro's H5 rem sizing) may run while any other inline script stays blocked.
 */
export function inlineScriptHashes(html: string): string[] {
  const hashes: string[] = [];
  for (const match of html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/gi)) {
    if (match[1].length > 0) hashes.push(`'sha256-${createHash('sha256').update(match[1], 'utf8').digest('base64')}'`);
  }
  return hashes;
}
