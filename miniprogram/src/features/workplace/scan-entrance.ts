import { WORKPLACE_LANDING_PAGE, workplaceCodeFromScene, workplaceScene } from '@ankang/shared';
import Taro from '@tarojs/taro';

/**
 * 扫码进场 from inside the mini program. What `Taro.scanCode` gives depends on the code:
 * - a 小程序码 (the workplace's mini program code): `path` like `pages/scan/index?scene=w%3DHK-01`;
 * - a poster's plain QR code: `result`, the H5 landing URL `…/#/pages/scan/index?scene=w%3DHK-01`.
 * Either way the scene is taken out still encoded and decoded once, by the landing page.
 */
export interface ScannedWorkplace {
  /** The scene as it arrived (possibly URL-encoded), or null when the code is not one of ours. */
  scene: string | null;
  /** The workplace's public code, or null. */
  workplaceCode: string | null;
  /** What was scanned, for the message shown when it is not a workplace code. */
  raw: string;
}

/** The raw `scene` parameter of a path or URL's query (the part after `?`, before any `#`). */
function sceneParameter(pathOrUrl: string): string | null {
  const queryStart = pathOrUrl.indexOf('?');
  if (queryStart < 0) {
    return null;
  }
  const query = pathOrUrl.slice(queryStart + 1).split('#')[0];
  for (const pair of query.split('&')) {
    const separator = pair.indexOf('=');
    if (separator > 0 && pair.slice(0, separator) === 'scene') {
      return pair.slice(separator + 1);
    }
  }
  return null;
}

function scannedScene(candidate: string | null, raw: string): ScannedWorkplace | null {
  const workplaceCode = workplaceCodeFromScene(candidate);
  return candidate && workplaceCode ? { scene: candidate, workplaceCode, raw } : null;
}

/** Reads a scan result: the scene of a 小程序码's path, else of the poster URL, else the text itself. */
export function parseScanResult(result: { path?: string; result?: string }): ScannedWorkplace {
  const path = result.path ?? '';
  const text = (result.result ?? '').trim();
  return (
    scannedScene(sceneParameter(path), path) ??
    scannedScene(sceneParameter(text), text) ??
    // A bare scene (`w=HK-01`) printed as the QR text.
    scannedScene(text, text) ?? { scene: null, workplaceCode: null, raw: text || path }
  );
}

/** The landing page of a workplace, the same URL a QR code opens (the scene encoded once). */
export function workplacePageUrl(workplaceCode: string): string {
  return `/${WORKPLACE_LANDING_PAGE}?scene=${encodeURIComponent(workplaceScene(workplaceCode))}`;
}

/** Opens the camera (WeChat only) and reads the entrance code. Rejects when the person cancels. */
export async function scanEntrance(): Promise<ScannedWorkplace> {
  const result = await Taro.scanCode({ onlyFromCamera: true });
  return parseScanResult(result);
}
