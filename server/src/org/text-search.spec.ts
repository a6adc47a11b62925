import { containsPattern, endsWithPattern, escapeLike } from './text-search';

describe('LIKE patterns', () => {
  it('escapes the wildcards and the escape character itself', () => {
    expect(escapeLike('100%_合格!')).toBe('100!%!_合格!!');
    expect(escapeLike('普通文字')).toBe('普通文字');
  });

  it('wraps the escaped text for "contains" and "ends with"', () => {
    expect(containsPattern('a_b')).toBe('%a!_b%');
    expect(endsWithPattern('5678')).toBe('%5678');
  });
});
