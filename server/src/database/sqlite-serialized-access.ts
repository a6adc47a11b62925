import { AsyncLocalStorage } from 'node:async_hooks';
import type { DataSource, EntityManager } from 'typeorm';

/**
 * TypeORM's better-sqlite3 driver has one connection for the whole process. A transaction opened by
 * one request therefore swallows the statements other requests run meanwhile (a second transaction
 * even becomes a savepoint inside the first), and a rollback undoes their accepted writes too.
 *
 * This makes the connection take turns: a transaction holds it from BEGIN to COMMIT/ROLLBACK, and
 * statements from elsewhere wait for their turn. Statements of the transaction itself are told apart
 * by the async context they run in. SQLite allows one writer at a time anyway, so nothing is lost
 * but the interleaving. MySQL has a pool of connections and needs none of this.
 */
export function serializeSqliteAccess(dataSource: DataSource): void {
  const turns = new Turns();
  const insideTransaction = new AsyncLocalStorage<true>();
  const runner = dataSource.createQueryRunner();

  const query = runner.query.bind(runner);
  runner.query = ((...parameters: Parameters<typeof query>) =>
    insideTransaction.getStore()
      ? query(...parameters)
      : turns.take(() => query(...parameters))) as typeof runner.query;

  const manager: EntityManager = dataSource.manager;
  const transaction = manager.transaction.bind(manager) as (...parameters: unknown[]) => Promise<unknown>;
  manager.transaction = ((...parameters: unknown[]) =>
    insideTransaction.getStore()
      ? transaction(...parameters)
      : turns.take(() =>
          insideTransaction.run(true, () => transaction(...parameters)),
        )) as EntityManager['transaction'];
}

/** A first-come, first-served lock for async work. */
class Turns {
  private last: Promise<unknown> = Promise.resolve();

  take<T>(work: () => Promise<T>): Promise<T> {
    const result = this.last.then(work);
    // The next in line waits for this one to settle, whether it succeeded or failed.
    this.last = result.catch(() => undefined);
    return result;
  }
}
