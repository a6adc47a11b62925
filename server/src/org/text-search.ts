/**
 * LIKE patterns for free-text filters. The escape character is `!` because a backslash means
 * different things inside MySQL and SQLite string literals; SQLite has no default escape at all.
 */
export const LIKE_ESCAPE = "ESCAPE '!'";

export function escapeLike(text: string): string {
  return text.replace(/[!%_]/g, (character) => `!${character}`);
}

/** Matches values that contain `text` anywhere; use with LIKE_ESCAPE. */
export function containsPattern(text: string): string {
  return `%${escapeLike(text)}%`;
}

/** Matches values that end with `text`; use with LIKE_ESCAPE. */
export function endsWithPattern(text: string): string {
  return `%${escapeLike(text)}`;
}
