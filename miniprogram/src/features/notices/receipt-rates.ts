/**
 * A share of the recipients as whole percent, rounded down: 「100%」 only when everyone is counted,
 * so a safety officer never reads "all" while someone is missing. No recipients: 「0%」.
 */
export function percentText(part: number, whole: number): string {
  if (!(whole > 0) || !(part > 0)) {
    return '0%';
  }
  return `${Math.floor((Math.min(part, whole) * 100) / whole)}%`;
}
