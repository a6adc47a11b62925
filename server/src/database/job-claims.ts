import type { EntityManager, InsertQueryBuilder, ObjectLiteral, SelectQueryBuilder } from 'typeorm';

/**
 * Claims the selected rows for this transaction, passing over rows another transaction holds
 * (`FOR UPDATE SKIP LOCKED`, MariaDB 10.6+ / MySQL 8): several servers running the same job split
 * the work instead of queueing behind one another. SQLite needs none: one transaction at a time
 * holds the whole database (see sqlite-serialized-access.ts).
 *
 * Lock only the rows you claim: joined tables would be locked too (and passed over when another
 * server holds them), so load related rows with a separate, plain read.
 */
export function claimSkippingLocked<Entity extends ObjectLiteral>(
  query: SelectQueryBuilder<Entity>,
): SelectQueryBuilder<Entity> {
  const type = query.connection.driver.options.type;
  return type === 'mysql' || type === 'mariadb' ? query.setLock('pessimistic_write').setOnLocked('skip_locked') : query;
}

/**
 * Runs an `INSERT … IGNORE` (built with `.orIgnore()`) in the transaction of `manager` and says how
 * many rows it wrote: 0 when the unique key was taken, even by a transaction committed after this
 * one began (the key check always sees the latest rows). That makes the insert a claim.
 */
export async function insertIgnoringDuplicates<Entity extends ObjectLiteral>(
  manager: EntityManager,
  query: InsertQueryBuilder<Entity>,
): Promise<number> {
  const runner = manager.queryRunner;
  if (!runner) throw new Error('insertIgnoringDuplicates needs the manager of a transaction');
  const [sql, parameters] = query.orIgnore().getQueryAndParameters();
  const result = await runner.query(sql, parameters, true);
  return result.affected ?? 0;
}

const LOCK_CONFLICT_CODES = new Set(['ER_LOCK_DEADLOCK', 'ER_LOCK_WAIT_TIMEOUT']);

/** InnoDB chose this transaction as a deadlock victim, or it waited too long for a row lock. */
export function isLockConflict(error: unknown): boolean {
  const candidate = error as { code?: unknown; driverError?: { code?: unknown } } | null;
  const code = candidate?.driverError?.code ?? candidate?.code;
  return typeof code === 'string' && LOCK_CONFLICT_CODES.has(code);
}

/**
 * Runs a transaction again when InnoDB rolled it back over a lock conflict, as MySQL advises ("try
 * restarting transaction"). Only for work whose every effect is inside the transaction, so that a
 * rolled-back attempt left nothing behind.
 */
export async function retryingLockConflicts<T>(work: () => Promise<T>, attempts = 3): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await work();
    } catch (error) {
      if (!isLockConflict(error) || attempt >= attempts) throw error;
      // A little jitter, so the transactions that collided do not collide again.
      await new Promise((resolve) => setTimeout(resolve, 10 + Math.random() * 40 * attempt));
    }
  }
}
