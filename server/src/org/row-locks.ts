import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';

/**
 * Locks the selected rows until the transaction ends, so that checks made on them (not archived, not
 * a cycle, no active children) still hold when the transaction writes. MySQL/MariaDB lock rows;
 * SQLite has no row locks: it takes one writer at a time for the whole database.
 */
export function lockedForWrite<Entity extends ObjectLiteral>(
  query: SelectQueryBuilder<Entity>,
): SelectQueryBuilder<Entity> {
  const type = query.connection.driver.options.type;
  return type === 'mysql' || type === 'mariadb' ? query.setLock('pessimistic_write') : query;
}
