import { hazardCode, hazardCodeDay } from './hazard-codes';

describe('hazard codes', () => {
  it('counts by the China calendar day: 23:30 UTC is already the next day', () => {
    expect(hazardCodeDay(new Date('2026-11-29T15:59:59.999Z'))).toBe('20261129');
    expect(hazardCodeDay(new Date('2026-11-29T16:00:00.000Z'))).toBe('20261130');
    expect(hazardCodeDay(new Date('2026-11-29T23:30:00.000Z'))).toBe('20261130');
    expect(hazardCodeDay(new Date('2026-12-31T16:00:00.000Z'))).toBe('20270101');
  });

  it('writes the number with four digits, and more when a day needs them', () => {
    expect(hazardCode('20261129', 1)).toBe('HZ-20261129-0001');
    expect(hazardCode('20261129', 9999)).toBe('HZ-20261129-9999');
    expect(hazardCode('20261129', 10000)).toBe('HZ-20261129-10000');
  });
});
