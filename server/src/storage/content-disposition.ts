/**
 * `Content-Disposition` for a download whose name may be Chinese (RFC 6266 with an RFC 5987
 * `filename*`): browsers and WeChat's downloader use the UTF-8 name, older clients the ASCII
 * fallback, in which everything outside printable ASCII becomes `_`.
 */
export function attachmentDisposition(filename: string): string {
  const cleaned = filename.replace(/[\p{Cc}\\/]+/gu, '_').trim() || 'download';
  const fallback = cleaned.replace(/[^\x20-\x7e]|["%;\\]/g, '_');
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeRfc5987(cleaned)}`;
}

/** Percent-encodes all but RFC 5987's attr-char set, which encodeURIComponent leaves a few extra of. */
function encodeRfc5987(value: string): string {
  return encodeURIComponent(value).replace(
    /['()*]/g,
    (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}
