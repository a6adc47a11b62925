/**
 * Client keys for retry-safe creates (DESIGN.md: "Every create that a worker's phone may retry
 * carries a client key (UUID); the same key returns the same result").
 *
 * One key per logical submission: made when the person starts a submission, reused for every
 * retry of it (automatic or a tap on 重试), replaced only once the server has accepted it or the
 * person starts over.
 */

function randomBytes(length: number): Uint8Array {
  const bytes = new Uint8Array(length);
  const webCrypto = typeof crypto !== 'undefined' ? crypto : undefined;
  if (webCrypto && typeof webCrypto.getRandomValues === 'function') {
    webCrypto.getRandomValues(bytes);
    return bytes;
  }
  // The WeChat JS engine has no synchronous crypto; uniqueness, not secrecy, is what a client key needs.
  for (let i = 0; i < length; i += 1) {
    bytes[i] = Math.floor(Math.random() * 256);
  }
  return bytes;
}

/** A random RFC 4122 version 4 UUID. */
export function newClientKey(): string {
  const bytes = randomBytes(16);
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export const CLIENT_KEY_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

export interface KeyedSubmission<T> {
  /** The key every attempt of this submission sends. */
  readonly clientKey: string;
  /** Sends (or re-sends) the submission with the same key; after a success, returns that result. */
  submit(): Promise<T>;
}

/**
 * Wraps one logical submission. `send` receives the client key and passes it on (as the
 * `clientKey` request option → `Idempotency-Key` header, or as `clientKey` in the body).
 * Concurrent taps share the attempt in flight; a failed attempt may be retried with the same key.
 */
export function keyedSubmission<T>(send: (clientKey: string) => Promise<T>): KeyedSubmission<T> {
  const clientKey = newClientKey();
  let inFlight: Promise<T> | null = null;
  let done: { value: T } | null = null;
  return {
    clientKey,
    submit(): Promise<T> {
      if (done) {
        return Promise.resolve(done.value);
      }
      if (!inFlight) {
        inFlight = send(clientKey).then(
          (value) => {
            done = { value };
            inFlight = null;
            return value;
          },
          (error: unknown) => {
            inFlight = null;
            throw error;
          },
        );
      }
      return inFlight;
    },
  };
}
