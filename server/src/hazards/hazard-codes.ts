import { chinaDateOf } from '@ankang/shared';

/** The counter's day for a report made at `instant`: its China calendar date as `YYYYMMDD`. */
export function hazardCodeDay(instant: Date): string {
  return chinaDateOf(instant).replaceAll('-', '');
}

/** `HZ-20261129-0001`: the day and the report's number that day (more than 9999 a day widens the number). */
export function hazardCode(day: string, number: number): string {
  return `HZ-${day}-${String(number).padStart(4, '0')}`;
}
