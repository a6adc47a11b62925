/** WeChat's limits on subscribe message values, keyed by the type in the key name (`thing1` → `thing`). */
const hanOnly = /^\p{Script=Han}+$/u;
const dateTime =
  /^(?:(?:\d{4}[-/]\d{1,2}[-/]\d{1,2}|\d{4}年\d{1,2}月\d{1,2}日)(?: ?\d{1,2}:\d{2}(?::\d{2})?)?|\d{1,2}:\d{2}(?::\d{2})?)$/;

function length(value: string): number {
  return [...value].length;
}

const rules: Record<string, (value: string) => boolean> = {
  thing: (value) => length(value) <= 20,
  number: (value) => /^[\d.]{1,32}$/.test(value),
  letter: (value) => /^[A-Za-z]{1,32}$/.test(value),
  symbol: (value) => length(value) <= 5,
  character_string: (value) => /^[\x21-\x7e]{1,32}$/.test(value),
  time: (value) => dateTime.test(value),
  date: (value) => dateTime.test(value),
  amount: (value) => /^[¥$€]?\d+(?:\.\d{1,2})?元?$/.test(value),
  phone_number: (value) => /^[\d+\-() ]{1,17}$/.test(value),
  car_number: (value) => length(value) <= 8,
  phrase: (value) => length(value) <= 5 && hanOnly.test(value),
  name: (value) => (/\p{Script=Han}/u.test(value) ? length(value) <= 10 : /^[A-Za-z ]{1,20}$/.test(value)),
};

/** The first key whose value breaks WeChat's rules, or null when all pass; 47003 names that key. */
export function findInvalidDataKey(data: Record<string, unknown>): string | null {
  for (const [key, entry] of Object.entries(data)) {
    const value = typeof entry === 'object' && entry !== null ? (entry as Record<string, unknown>).value : undefined;
    if (typeof value !== 'string' || value === '') {
      return key;
    }
    const rule = rules[key.replace(/\d+$/, '')];
    if (rule !== undefined && !rule(value)) {
      return key;
    }
  }
  return null;
}
