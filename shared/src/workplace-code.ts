/**
 * A workplace's public code and the QR scene that carries it (`w=<code>`). WeChat's scene is at most
 * 32 visible characters from a fixed alphabet, so the code itself is at most 30.
 */

export const WECHAT_SCENE_MAX_LENGTH = 32;
export const WORKPLACE_SCENE_PREFIX = 'w=';
export const WORKPLACE_CODE_MAX_LENGTH = WECHAT_SCENE_MAX_LENGTH - WORKPLACE_SCENE_PREFIX.length;

/** WeChat's scene alphabet: `0-9A-Za-z!#$&'()*+,/:;=?@-._~`. */
export const WECHAT_SCENE_CHARACTERS = /^[0-9A-Za-z!#$&'()*+,/:;=?@\-._~]+$/;

/** The mini program page a workplace QR code opens. */
export const WORKPLACE_LANDING_PAGE = 'pages/scan/index';

export type WorkplaceCodeProblem = 'empty' | 'too_long' | 'forbidden_characters';

/** Why a code cannot be a workplace code, or null when it can. */
export function workplaceCodeProblem(code: string): WorkplaceCodeProblem | null {
  if (code.length === 0) return 'empty';
  if (code.length > WORKPLACE_CODE_MAX_LENGTH) return 'too_long';
  if (!WECHAT_SCENE_CHARACTERS.test(code)) return 'forbidden_characters';
  return null;
}

export function isValidWorkplaceCode(code: string): boolean {
  return workplaceCodeProblem(code) === null;
}

/** The QR scene of a workplace code. */
export function workplaceScene(code: string): string {
  return `${WORKPLACE_SCENE_PREFIX}${code}`;
}

/**
 * The workplace code in a scene as it reaches the page. WeChat hands the scene URL-encoded
 * (`w%3DHK-01`): it is decoded exactly once, so a code that itself contains `%` survives.
 * Returns null for a scene that is not a workplace's.
 */
export function workplaceCodeFromScene(rawScene: string | null | undefined): string | null {
  if (!rawScene) return null;
  let scene: string;
  try {
    scene = decodeURIComponent(rawScene);
  } catch {
    return null;
  }
  if (!scene.startsWith(WORKPLACE_SCENE_PREFIX)) return null;
  const code = scene.slice(WORKPLACE_SCENE_PREFIX.length);
  return isValidWorkplaceCode(code) ? code : null;
}

/** The H5 landing page of a workplace, for posters printed where WeChat codes are not available. */
export function workplaceLandingUrl(publicBaseUrl: string, code: string): string {
  const base = publicBaseUrl.replace(/\/+$/, '');
  return `${base}/#/${WORKPLACE_LANDING_PAGE}?scene=${encodeURIComponent(workplaceScene(code))}`;
}
