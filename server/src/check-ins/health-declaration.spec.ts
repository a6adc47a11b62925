import { ShiftClearance } from '@ankang/shared';
import type { CheckIn } from './check-in.entity';
import { declarationOf, declaresSign } from './health-declaration';

const fit = { fever: false, cough: false, feelingUnwell: false };

describe('declaresSign', () => {
  it('is false for a fit declaration, with or without a normal temperature', () => {
    expect(declaresSign(fit)).toBe(false);
    expect(declaresSign({ ...fit, temperature: 37.2 })).toBe(false);
    expect(declaresSign({ ...fit, otherSymptoms: '   ' })).toBe(false);
  });

  it.each([
    ['fever', { ...fit, fever: true }],
    ['cough', { ...fit, cough: true }],
    ['feeling unwell', { ...fit, feelingUnwell: true }],
    ['other symptoms', { ...fit, otherSymptoms: '头晕' }],
    ['a temperature at the fever line', { ...fit, temperature: 37.3 }],
    ['a high temperature with nothing ticked', { ...fit, temperature: 39 }],
  ])('is true for %s', (_case, declaration) => {
    expect(declaresSign(declaration)).toBe(true);
  });
});

describe('declarationOf', () => {
  const stored = {
    fever: true,
    cough: false,
    feelingUnwell: false,
    otherSymptoms: '头晕',
    temperature: 38.1,
    clearance: ShiftClearance.NotCleared,
    declarationReducedAt: null,
  } as CheckIn;

  it('reads the stored declaration back', () => {
    expect(declarationOf(stored)).toEqual({
      fever: true,
      cough: false,
      feelingUnwell: false,
      otherSymptoms: '头晕',
      temperature: 38.1,
    });
  });

  it('is null once reduced', () => {
    expect(
      declarationOf({
        ...stored,
        fever: null,
        cough: null,
        feelingUnwell: null,
        otherSymptoms: null,
        temperature: null,
        declarationReducedAt: new Date(),
      } as CheckIn),
    ).toBeNull();
  });
});
