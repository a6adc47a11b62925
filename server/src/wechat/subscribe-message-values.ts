/**
 * WeChat's length limits on subscribe message values, by the type in the key (`thing1` → `thing`).
 * A value over its limit makes WeChat refuse the whole message (47003), so values are cut to fit.
 */
const LIMITS: Readonly<Record<string, number>> = {
  thing: 20,
  number: 32,
  letter: 32,
  symbol: 5,
  character_string: 32,
  phrase: 5,
  phone_number: 17,
  car_number: 8,
};

/** `name` allows 10 Chinese characters or 20 letters. */
function nameLimit(value: string): number {
  return /\p{Script=Han}/u.test(value) ? 10 : 20;
}

export function fitSubscribeMessageValue(key: string, value: string): string {
  const type = key.replace(/\d+$/, '');
  const limit = type === 'name' ? nameLimit(value) : LIMITS[type];
  // Count code points, as WeChat does: a Chinese character is one character.
  const characters = [...value];
  if (limit === undefined || characters.length <= limit) {
    return value;
  }
  // Only free text shows the cut; the other types have character rules an ellipsis would break.
  return type === 'thing' ? `${characters.slice(0, limit - 1).join('')}…` : characters.slice(0, limit).join('');
}
