import { parseScanResult, workplaceCodeFromScene } from './scan-entrance';

describe('workplace QR scene', () => {
  it('reads w=<code>, decoding it once', () => {
    expect(workplaceCodeFromScene('w%3DGATE01')).toBe('GATE01');
    expect(workplaceCodeFromScene('w=GATE-02')).toBe('GATE-02');
    expect(workplaceCodeFromScene('x=1&w=B7')).toBe('B7');
  });

  it('refuses scenes that are not a workplace code', () => {
    expect(workplaceCodeFromScene(undefined)).toBeNull();
    expect(workplaceCodeFromScene('')).toBeNull();
    expect(workplaceCodeFromScene('id=7')).toBeNull();
    expect(workplaceCodeFromScene(`w=${'A'.repeat(33)}`)).toBeNull();
    expect(workplaceCodeFromScene('w=有中文')).toBeNull();
  });

  it('takes the scene from a scanned 小程序码 path, else the QR text', () => {
    expect(parseScanResult({ path: 'pages/index/index?scene=w%3DGATE01' }).workplaceCode).toBe('GATE01');
    expect(parseScanResult({ result: 'w=GATE03' }).workplaceCode).toBe('GATE03');
    expect(parseScanResult({ result: 'https://example.com/' })).toEqual({
      workplaceCode: null,
      raw: 'https://example.com/',
    });
  });
});
