/**
 * Faults a test can inject. `count` (default 1) is how many matching calls the fault affects;
 * latency without a count stays until reset. `path` limits a fault to one endpoint path.
 */
export type FakeFault =
  | { kind: 'busy'; count?: number; path?: string }
  | { kind: 'errcode'; errcode: number; errmsg?: string; count?: number; path?: string }
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
  switch (record.kind) {
    case 'busy':
    case 'disconnect':
      return { kind: record.kind, ...scope };
    case 'errcode': {
      const { errcode, errmsg } = record;
      if (typeof errcode !== 'number' || !Number.isInteger(errcode) || errcode === 0) {
        throw new FaultValidationError('errcode must be a non-zero integer');
      }
      if (errmsg !== undefined && typeof errmsg !== 'string') {
        throw new FaultValidationError('errmsg must be a string');
      }
      return { kind: 'errcode', errcode, ...(errmsg === undefined ? {} : { errmsg }), ...scope };
    }
    case 'latency': {
      const { ms } = record;
      if (typeof ms !== 'number' || !Number.isFinite(ms) || ms < 0) {
        throw new FaultValidationError('ms must be a non-negative number');
      }
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

export class FaultQueue {
  private pending: PendingFault[] = [];

  add(fault: CallFault): void {
    const remaining = fault.count ?? (fault.kind === 'latency' ? null : 1);
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
