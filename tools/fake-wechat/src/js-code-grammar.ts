import { FakeErrcode } from './wechat-errcodes';

/** What a `js_code` asks the fake to do (see README.md for the grammar). */
export type JsCodeOutcome = { kind: 'login'; name: string; withUnionId: boolean } | { kind: 'error'; errcode: number };

/** Codes starting with these words fail with the matching errcode, whatever follows. */
const failurePrefixes: ReadonlyArray<readonly [string, number]> = [
  ['invalid', FakeErrcode.InvalidCode],
  ['used', FakeErrcode.CodeUsed],
  ['ratelimit', FakeErrcode.MinuteQuotaReached],
  ['risky', FakeErrcode.HighRiskUser],
  ['busy', FakeErrcode.SystemBusy],
];

export function parseJsCode(code: string, defaultName: string): JsCodeOutcome {
  for (const [prefix, withUnionId] of [
    ['user:', false],
    ['union:', true],
  ] as const) {
    if (code.startsWith(prefix)) {
      // `user:<name>[:<nonce>]`: the nonce only makes otherwise equal codes distinct.
      const name = code.slice(prefix.length).split(':', 1)[0] ?? '';
      return name === '' ? { kind: 'error', errcode: FakeErrcode.InvalidCode } : { kind: 'login', name, withUnionId };
    }
  }
  for (const [prefix, errcode] of failurePrefixes) {
    if (code.startsWith(prefix)) {
      return { kind: 'error', errcode };
    }
  }
  return { kind: 'login', name: defaultName, withUnionId: false };
}

/** What a phone code (from the getPhoneNumber button) asks for. */
export type PhoneCodeOutcome = { kind: 'phone'; number: string } | { kind: 'error'; errcode: number };

export function parsePhoneCode(code: string): PhoneCodeOutcome {
  const match = /^phone:(\d{1,20})$/.exec(code);
  if (match?.[1] !== undefined) {
    return { kind: 'phone', number: match[1] };
  }
  if (code.startsWith('busy')) {
    return { kind: 'error', errcode: FakeErrcode.SystemBusy };
  }
  if (code.startsWith('ratelimit')) {
    return { kind: 'error', errcode: FakeErrcode.MinuteQuotaReached };
  }
  return { kind: 'error', errcode: FakeErrcode.InvalidCode };
}
