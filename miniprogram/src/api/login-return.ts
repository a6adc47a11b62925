/** The login page, and the way back from it to the page that sent the person there. */
export const LOGIN_PAGE_URL = '/pages/login/index';

/** A page of this app, with an optional query: the only places login may send the person back to. */
const RETURN_URL = /^\/(?:pages|packages)\/[A-Za-z0-9_\-/]+(?:\?[^#\s]*)?$/;

/** The login page, asked to come back to `returnUrl` (e.g. the workplace page that was scanned). */
export function loginUrlReturningTo(returnUrl: string | undefined): string {
  return returnUrl ? `${LOGIN_PAGE_URL}?redirect=${encodeURIComponent(returnUrl)}` : LOGIN_PAGE_URL;
}

/**
 * The page to return to after login, from the login page's `redirect` parameter. Page parameters
 * arrive still encoded on both targets; one that was already decoded (it starts with `/`) is taken
 * as it is. Anything that is not a page of this app is ignored (no open redirect).
 */
export function returnUrlFromParam(raw: string | undefined): string | null {
  if (!raw) {
    return null;
  }
  let url = raw;
  if (!url.startsWith('/')) {
    try {
      url = decodeURIComponent(url);
    } catch {
      return null;
    }
  }
  if (!RETURN_URL.test(url) || url.split('?')[0] === LOGIN_PAGE_URL) {
    return null;
  }
  return url;
}
