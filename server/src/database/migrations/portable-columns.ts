import type { QueryRunner, TableColumnOptions } from 'typeorm';

/**
 * Column builders that render correctly on both MariaDB and SQLite. Migrations are frozen
 * history: they use these, never the entities.
 */

/** `integer`: SQLite allows AUTOINCREMENT only on INTEGER PRIMARY KEY; MySQL reads it as `int`. */
export function idColumn(): TableColumnOptions {
  return { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' };
}

/** Millisecond UTC timestamps set by the application (see database/column-types.ts). */
export function timestampColumn(name: string, nullable = false): TableColumnOptions {
  return { name, type: 'datetime', precision: 3, isNullable: nullable };
}

/** `enum` fails on better-sqlite3; `simple-enum` becomes ENUM on MySQL and a CHECK on SQLite. */
export function enumColumn(queryRunner: QueryRunner, name: string, values: string[], nullable = false) {
  return {
    name,
    type: queryRunner.connection.driver.normalizeType({ type: 'simple-enum' }),
    enum: values,
    isNullable: nullable,
  } satisfies TableColumnOptions;
}
