import { workplaceCodeFromScene, workplaceLandingUrl } from '@ankang/shared';
import { scanCode } from '../../../test/mocks/taro';
import { parseScanResult, scanEntrance, workplacePageUrl } from './scan-entrance';

describe('扫码进场: reading what Taro.scanCode gives', () => {
  it('takes the scene from a 小程序码’s path, still encoded', () => {
    const scanned = parseScanResult({ path: 'pages/scan/index?scene=w%3DHK-COAL-01', result: '' });
    expect(scanned).toEqual({
      scene: 'w%3DHK-COAL-01',
      workplaceCode: 'HK-COAL-01',
      raw: 'pages/scan/index?scene=w%3DHK-COAL-01',
    });
  });

  it('takes the scene from a poster QR code: the H5 landing URL, the scene after the hash', () => {
    const url = workplaceLandingUrl('https://ankang.example.org/', 'HK-COAL-01');
    expect(url).toBe('https://ankang.example.org/#/pages/scan/index?scene=w%3DHK-COAL-01');
    expect(parseScanResult({ result: url })).toMatchObject({ scene: 'w%3DHK-COAL-01', workplaceCode: 'HK-COAL-01' });
  });

  it('keeps codes with characters of WeChat’s scene alphabet that URLs encode', () => {
    const url = workplaceLandingUrl('http://10.0.0.2:3000', "A&B=C?D/E#F'(G)");
    expect(parseScanResult({ result: url }).workplaceCode).toBe("A&B=C?D/E#F'(G)");
  });

  it('accepts a code whose text is the bare scene', () => {
    expect(parseScanResult({ result: 'w=GATE-03' }).workplaceCode).toBe('GATE-03');
  });

  it('prefers the path of a 小程序码 over its result text', () => {
    expect(parseScanResult({ path: 'pages/scan/index?scene=w%3DA1', result: 'w=B2' }).workplaceCode).toBe('A1');
  });

  it('recognises nothing in codes that are not ours', () => {
    for (const result of [
      { result: 'https://example.com/' },
      { result: 'https://example.com/#/pages/scan/index?scene=id%3D7' },
      { result: '6901234567892' },
      { path: 'pages/index/index', result: '' },
      { result: `w=${'A'.repeat(31)}` },
      { result: 'w=有中文' },
      {},
    ]) {
      expect(parseScanResult(result)).toMatchObject({ scene: null, workplaceCode: null });
    }
    expect(parseScanResult({ result: 'https://example.com/' }).raw).toBe('https://example.com/');
  });

  it('opens the camera only, and reads the result', async () => {
    scanCode.mockResolvedValue({ path: 'pages/scan/index?scene=w%3DHK-COAL-01', result: '', errMsg: 'scanCode:ok' });
    await expect(scanEntrance()).resolves.toMatchObject({ workplaceCode: 'HK-COAL-01' });
    expect(scanCode).toHaveBeenCalledWith({ onlyFromCamera: true });
  });

  it('links to the landing page with the scene encoded once, as a QR code would', () => {
    expect(workplacePageUrl('HK-COAL-01')).toBe('/pages/scan/index?scene=w%3DHK-COAL-01');
    const scene = workplacePageUrl('A&B').split('scene=')[1];
    expect(workplaceCodeFromScene(scene)).toBe('A&B');
  });
});
