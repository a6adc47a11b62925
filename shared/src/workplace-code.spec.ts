import {
  isValidWorkplaceCode,
  WORKPLACE_CODE_MAX_LENGTH,
  workplaceCodeFromScene,
  workplaceCodeProblem,
  workplaceLandingUrl,
  workplaceScene,
} from './workplace-code';

describe('workplace codes', () => {
  it('accepts WeChat scene characters up to 30 so that `w=<code>` fits in 32', () => {
    expect(WORKPLACE_CODE_MAX_LENGTH).toBe(30);
    expect(isValidWorkplaceCode('HK-COAL-01')).toBe(true);
    expect(isValidWorkplaceCode("a.b_c~d!e#f$g&h'i(j)k*")).toBe(true);
    expect(workplaceScene('x'.repeat(30))).toHaveLength(32);
  });

  it.each([
    ['', 'empty'],
    ['x'.repeat(31), 'too_long'],
    ['x'.repeat(33), 'too_long'],
    ['主井口', 'forbidden_characters'],
    ['has space', 'forbidden_characters'],
    ['percent%20', 'forbidden_characters'],
    ['quote"', 'forbidden_characters'],
  ])('refuses %j as %s', (code, problem) => {
    expect(workplaceCodeProblem(code)).toBe(problem);
  });
});

describe('workplaceCodeFromScene', () => {
  it('decodes a URL-encoded scene exactly once', () => {
    expect(workplaceCodeFromScene('w%3DHK-COAL-01')).toBe('HK-COAL-01');
    expect(workplaceCodeFromScene('w=HK-COAL-01')).toBe('HK-COAL-01');
    // Encoded twice stays encoded after one decoding: `w%3D…` is not a workplace scene.
    expect(workplaceCodeFromScene('w%253DHK-COAL-01')).toBeNull();
  });

  it('keeps scene characters that URL encoding would touch', () => {
    expect(workplaceCodeFromScene(encodeURIComponent('w=a&b=c'))).toBe('a&b=c');
  });

  it.each([[undefined], [null], [''], ['x=HK-01'], ['%E0%A4%A'], ['w=']])('finds no workplace in %j', (scene) => {
    expect(workplaceCodeFromScene(scene)).toBeNull();
  });

  it('builds an H5 landing URL whose scene decodes back to the code', () => {
    const url = workplaceLandingUrl('https://ankang.example.cn/', 'a&b=c');
    expect(url).toBe('https://ankang.example.cn/#/pages/scan/index?scene=w%3Da%26b%3Dc');
    expect(workplaceCodeFromScene(url.split('scene=')[1])).toBe('a&b=c');
  });
});
