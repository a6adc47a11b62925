import { randomInt } from 'node:crypto';

/**
 * Letters and digits that cannot be mistaken for one another when read off a poster or typed in:
 * no 0/O, 1/I/L, and upper case only.
 */
export const GENERATED_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const GENERATED_CODE_LENGTH = 8;

/** A fresh workplace code: 8 characters from a 31-letter alphabet (about 8.5 × 10^11 codes). */
export function generateWorkplaceCode(): string {
  let code = '';
  for (let index = 0; index < GENERATED_CODE_LENGTH; index += 1) {
    code += GENERATED_CODE_ALPHABET[randomInt(GENERATED_CODE_ALPHABET.length)];
  }
  return code;
}
