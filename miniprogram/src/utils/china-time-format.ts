import { chinaDateOf } from '@ankang/shared';

const CHINA_OFFSET_MILLISECONDS = 8 * 60 * 60 * 1000;

/** An instant as China time, `2026-11-29 14:05` (the phone's own time zone does not matter). */
export function chinaDateTime(iso: string): string {
  const instant = new Date(iso);
  if (Number.isNaN(instant.getTime())) {
    return '';
  }
  const shifted = new Date(instant.getTime() + CHINA_OFFSET_MILLISECONDS).toISOString();
  return `${shifted.slice(0, 10)} ${shifted.slice(11, 16)}`;
}

/** An instant's China calendar date, `2026-11-29`. */
export function chinaDay(iso: string): string {
  const instant = new Date(iso);
  return Number.isNaN(instant.getTime()) ? '' : chinaDateOf(instant);
}
