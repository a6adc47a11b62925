import { addChinaDays, chinaDateOf, endOfChinaDay, isChinaDate, startOfChinaDay } from './china-time';

describe('China time', () => {
  it('puts 07:30 in China on its own day although it is still the previous day in UTC', () => {
    expect(chinaDateOf(new Date('2026-11-28T23:30:00Z'))).toBe('2026-11-29');
    expect(chinaDateOf(new Date('2026-11-29T15:59:59.999Z'))).toBe('2026-11-29');
    expect(chinaDateOf(new Date('2026-11-29T16:00:00Z'))).toBe('2026-11-30');
  });

  it('bounds a China day in UTC instants', () => {
    expect(startOfChinaDay('2026-11-30').toISOString()).toBe('2026-11-29T16:00:00.000Z');
    expect(endOfChinaDay('2026-11-30').toISOString()).toBe('2026-11-30T15:59:59.999Z');
  });

  it('checks calendar dates and moves across month and year ends', () => {
    expect(isChinaDate('2026-02-28')).toBe(true);
    expect(isChinaDate('2026-02-30')).toBe(false);
    expect(isChinaDate('2026-2-3')).toBe(false);
    expect(addChinaDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addChinaDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(() => startOfChinaDay('tomorrow')).toThrow(RangeError);
  });
});
