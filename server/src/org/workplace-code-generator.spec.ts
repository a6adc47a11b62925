import { workplaceCodeFromScene, workplaceCodeProblem, workplaceScene } from '@ankang/shared';
import { GENERATED_CODE_ALPHABET, generateWorkplaceCode } from './workplace-code-generator';

describe('generateWorkplaceCode', () => {
  it('makes short codes that WeChat accepts in a scene and that survive the scene round trip', () => {
    for (let index = 0; index < 200; index += 1) {
      const code = generateWorkplaceCode();
      expect(code).toMatch(/^[A-Z0-9]{8}$/);
      expect(workplaceCodeProblem(code)).toBeNull();
      expect(workplaceCodeFromScene(encodeURIComponent(workplaceScene(code)))).toBe(code);
    }
  });

  it('never uses characters that read alike on a poster', () => {
    for (const ambiguous of ['0', 'O', '1', 'I', 'L']) expect(GENERATED_CODE_ALPHABET).not.toContain(ambiguous);
    const seen = new Set(Array.from({ length: 2000 }, generateWorkplaceCode).join(''));
    expect([...seen].every((character) => GENERATED_CODE_ALPHABET.includes(character))).toBe(true);
  });

  it('rarely repeats itself', () => {
    const codes = new Set(Array.from({ length: 5000 }, generateWorkplaceCode));
    expect(codes.size).toBe(5000);
  });
});
