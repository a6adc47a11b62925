/**
 * Faults a test can inject. `count` (default 1) is how many matching calls the fault affects;
 * latency without a count stays until reset. `path` limits a fault to one endpoint path.
 * `probability` (busy and errcode only, 0–1, instead of a count) makes the fault answer each
 * matching call with that chance, drawn from the fake's seeded generator (`faultSeed`), until reset.
 */
export type FakeFault =
  | { kind: 'busy'; count?: number; probability?: number; path?: string }
  | { kind: 'errcode'; errcode: number; errmsg?: string; count?: number; probability?: number; path?: string }
  | { kind: 'latency'; ms: number; count?: number; path?: string }
  | { kind: 'disconnect'; count?: number; path?: string }
  | { kind: 'expireToken' }
  | { kind: 'invalidateToken' }
  | { kind: 'rejectTokenUntilForceRefresh' };

export type TokenFault = Extract<
  FakeFault,
  { kind: 'expireToken' | 'invalidateToken' | 'rejectTokenUntilForceRefresh' }
>;
export type CallFault = Exclude<FakeFault, TokenFault>;

export class FaultValidationError extends Error {}

export function isTokenFault(fault: FakeFault): fault is TokenFault {
  return (
    fault.kind === 'expireToken' || fault.kind === 'invalidateToken' || fault.kind === 'rejectTokenUntilForceRefresh'
  );
}

function optionalCount(record: Record<string, unknown>): number | undefined {
  const count = record.count;
  if (count === undefined) {
    return undefined;
  }
  if (typeof count !== 'number' || !Number.isInteger(count) || count < 1) {
    throw new FaultValidationError('count must be a positive integer');
  }
  return count;
}

function optionalProbability(record: Record<string, unknown>): number | undefined {
  const probability = record.probability;
  if (probability === undefined) {
    return undefined;
  }
  if (typeof probability !== 'number' || !Number.isFinite(probability) || probability < 0 || probability > 1) {
    throw new FaultValidationError('probability must be a number from 0 to 1');
  }
  if (record.count !== undefined) {
    throw new FaultValidationError('a fault takes a count or a probability, not both');
  }
  return probability;
}

function optionalPath(record: Record<string, unknown>): string | undefined {
  const path = record.path;
  if (path === undefined) {
    return undefined;
  }
  if (typeof path !== 'string' || !path.startsWith('/')) {
    throw new FaultValidationError('path must be a string starting with /');
  }
  return path;
}

/** Checks a fault that arrived as JSON (control API) or from an untyped caller. */
export function parseFault(value: unknown): FakeFault {
  if (typeof value !== 'object' || value === null) {
    throw new FaultValidationError('a fault must be an object with a kind');
  }
  const record = value as Record<string, unknown>;
  const scope = { count: optionalCount(record), path: optionalPath(record) };
  const chance = (kind: string) => {
    const probability = optionalProbability(record);
    if (probability !== undefined && kind !== 'busy' && kind !== 'errcode') {
      throw new FaultValidationError('only busy and errcode faults take a probability');
    }
    return probability === undefined ? {} : { probability };
  };
  switch (record.kind) {
    case 'busy':
      return { kind: record.kind, ...scope, ...chance(record.kind) };
    case 'disconnect':
      chance(record.kind);
      return { kind: record.kind, ...scope };
    case 'errcode': {
      const { errcode, errmsg } = record;
      if (typeof errcode !== 'number' || !Number.isInteger(errcode) || errcode === 0) {
        throw new FaultValidationError('errcode must be a non-zero integer');
      }
      if (errmsg !== undefined && typeof errmsg !== 'string') {
        throw new FaultValidationError('errmsg must be a string');
      }
      return { kind: 'errcode', errcode, ...(errmsg === undefined ? {} : { errmsg }), ...scope, ...chance('errcode') };
    }
    case 'latency': {
      const { ms } = record;
      if (typeof ms !== 'number' || !Number.isFinite(ms) || ms < 0) {
        throw new FaultValidationError('ms must be a non-negative number');
      }
      chance(record.kind);
      return { kind: 'latency', ms, ...scope };
    }
    case 'expireToken':
    case 'invalidateToken':
    case 'rejectTokenUntilForceRefresh':
      return { kind: record.kind };
    default:
      throw new FaultValidationError(`unknown fault kind: ${String(record.kind)}`);
  }
}

interface PendingFault {
  fault: CallFault;
  /** Calls it still affects; null: until reset. */
  remaining: number | null;
}

/** What the fake does to one call before (or instead of) answering it. */
export interface FaultDecision {
  latencyMs: number;
  answer: { kind: 'errcode'; errcode: number; errmsg?: string } | { kind: 'disconnect' } | null;
}

/**
 * mulberry32: a small, fast, seeded generator of numbers in [0, 1), so that a run with
 * probabilistic faults answers the same calls the same way every time.
 */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = state;
    mixed = Math.imul(mixed ^ (mixed >>> 15), mixed | 1);
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61);
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function probabilityOf(fault: CallFault): number | undefined {
  return fault.kind === 'busy' || fault.kind === 'errcode' ? fault.probability : undefined;
}

export class FaultQueue {
  private pending: PendingFault[] = [];
  private random: () => number;

  constructor(seed = 1) {
    this.random = seededRandom(seed);
  }

  /** Starts the generator of probabilistic faults over from `seed`. */
  reseed(seed: number): void {
    this.random = seededRandom(seed);
  }

  add(fault: CallFault): void {
    const remaining =
      probabilityOf(fault) !== undefined ? null : (fault.count ?? (fault.kind === 'latency' ? null : 1));
    this.pending.push({ fault, remaining });
  }

  clear(): void {
    this.pending = [];
  }

  list(): Array<CallFault & { remaining: number | null }> {
    return this.pending.map(({ fault, remaining }) => ({ ...fault, remaining }));
  }

  /** Consumes the faults that apply to one call to `path`: every matching latency adds up, the first matching answer wins. */
  decide(path: string): FaultDecision {
    const decision: FaultDecision = { latencyMs: 0, answer: null };
    for (const pending of this.pending) {
      const { fault } = pending;
      if (fault.path !== undefined && fault.path !== path) {
        continue;
      }
      if (fault.kind === 'latency') {
        decision.latencyMs += fault.ms;
        this.consume(pending);
      } else if (decision.answer === null) {
        const probability = probabilityOf(fault);
        // One draw per call a probabilistic fault matches: the sequence depends only on the seed and the calls.
        if (probability !== undefined && this.random() >= probability) {
          continue;
        }
        decision.answer =
          fault.kind === 'disconnect'
            ? { kind: 'disconnect' }
            : {
                kind: 'errcode',
                errcode: fault.kind === 'busy' ? -1 : fault.errcode,
                ...(fault.kind === 'errcode' && fault.errmsg !== undefined ? { errmsg: fault.errmsg } : {}),
              };
        this.consume(pending);
      }
    }
    this.pending = this.pending.filter((pending) => pending.remaining === null || pending.remaining > 0);
    return decision;
  }

  private consume(pending: PendingFault): void {
    if (pending.remaining !== null) {
      pending.remaining -= 1;
    }
  }
}
