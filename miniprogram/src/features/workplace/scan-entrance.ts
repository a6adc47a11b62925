import Taro from '@tarojs/taro';

/**
 * The workplace QR code's scene is `w=<code>` (DESIGN.md, "Organisation"). Scanned from inside the
 * mini program, a 小程序码 gives `path` like `pages/index/index?scene=w%3DGATE01`; a plain QR code
 * gives its text in `result`.
 */
export interface ScannedWorkplace {
  /** The workplace's short public code, or null when the code scanned is not one of ours. */
  workplaceCode: string | null;
  raw: string;
}

const WORKPLACE_CODE = /^[0-9A-Za-z!#$&'()*+,/:;=?@\-._~]{1,32}$/;

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** Extracts the workplace code from a scene (`w=GATE01`, possibly still URL-encoded once). */
export function workplaceCodeFromScene(scene: string | undefined | null): string | null {
  if (!scene) {
    return null;
  }
  const decoded = safeDecode(scene);
  for (const part of decoded.split('&')) {
    const [key, value] = part.split('=');
    if (key === 'w' && value && WORKPLACE_CODE.test(value)) {
      return value;
    }
  }
  return null;
}

/** Reads a scan result: the `scene` query of a 小程序码 path, else the text itself. */
export function parseScanResult(result: { path?: string; result?: string }): ScannedWorkplace {
  const path = result.path ?? '';
  const query = path.includes('?') ? path.slice(path.indexOf('?') + 1) : '';
  for (const part of query.split('&')) {
    const [key, ...rest] = part.split('=');
    if (key === 'scene') {
      return { workplaceCode: workplaceCodeFromScene(rest.join('=')), raw: path };
    }
  }
  const text = result.result ?? '';
  return { workplaceCode: workplaceCodeFromScene(text), raw: text || path };
}

/** Opens the camera (WeChat only) and reads the entrance code. Rejects when the person cancels. */
export async function scanEntrance(): Promise<ScannedWorkplace> {
  const result = await Taro.scanCode({ onlyFromCamera: true });
  return parseScanResult(result);
}
