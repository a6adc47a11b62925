import type { ColumnOptions } from 'typeorm';

/**
 * Timestamps are set by the application (UTC, millisecond precision) rather than by database
 * defaults, whose syntax differs between MariaDB and SQLite and would make the one portable
 * migration set drift on one of them.
 */
export function timestampColumn(options: { name: string; nullable?: boolean }): ColumnOptions {
  return { type: 'datetime', precision: 3, nullable: options.nullable ?? false, name: options.name };
}
