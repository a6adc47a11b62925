/**
 * "Today", deadlines in days and report periods are reckoned in China time (Asia/Shanghai, UTC+8,
 * no daylight saving): a check-in at 07:30 in Xining belongs to that day, not the previous UTC day.
 * Dates travel as `YYYY-MM-DD`; instants as ISO 8601 in UTC.
 */

const CHINA_OFFSET_MILLISECONDS = 8 * 60 * 60 * 1000;
const DAY_MILLISECONDS = 24 * 60 * 60 * 1000;
const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The China calendar date of an instant, as `YYYY-MM-DD`. */
export function chinaDateOf(instant: Date): string {
  return new Date(instant.getTime() + CHINA_OFFSET_MILLISECONDS).toISOString().slice(0, 10);
}

/** True for a real calendar date written `YYYY-MM-DD` (no 2026-02-30). */
export function isChinaDate(value: string): boolean {
  const match = DATE_PATTERN.exec(value);
  if (!match) return false;
  const parsed = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === value;
}

/** The first instant of a China calendar day. */
export function startOfChinaDay(date: string): Date {
  assertChinaDate(date);
  return new Date(Date.parse(`${date}T00:00:00Z`) - CHINA_OFFSET_MILLISECONDS);
}

/** The last millisecond of a China calendar day: a deadline "by 30 November" ends here. */
export function endOfChinaDay(date: string): Date {
  return new Date(startOfChinaDay(date).getTime() + DAY_MILLISECONDS - 1);
}

/** The date `days` days after (or before, when negative) a China calendar date. */
export function addChinaDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MILLISECONDS).toISOString().slice(0, 10);
}

function assertChinaDate(date: string): void {
  if (!isChinaDate(date)) throw new RangeError(`Not a YYYY-MM-DD date: ${date}`);
}
