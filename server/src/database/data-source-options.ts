import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { DatabaseDriver } from '@ankang/shared';
import type { DataSourceOptions } from 'typeorm';
import type { AppConfig } from '../config/app-config';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';

export type MysqlFlavour = 'mysql' | 'mariadb';

/**
 * TypeORM options for the configured driver. Never `synchronize`: the schema comes from migrations.
 * `mariadb` tells TypeORM to read MariaDB's catalogue its own way (it reports the default of a
 * nullable column as the string 'NULL', which the `mysql` flavour mistakes for drift).
 */
export function dataSourceOptions(database: AppConfig['database'], flavour: MysqlFlavour = 'mysql'): DataSourceOptions {
  const common = {
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsRun: false,
    synchronize: false,
    logging: false,
  } as const;
  if (database.driver === DatabaseDriver.Mysql) {
    return {
      ...common,
      type: flavour,
      host: database.host,
      port: database.port,
      username: database.username,
      password: database.password,
      database: database.database,
      charset: 'utf8mb4_unicode_ci',
      // Dates are written and read as UTC. The application sets every timestamp itself, so the
      // session time zone (NOW()) never enters a stored value.
      timezone: 'Z',
      poolSize: database.poolSize,
      connectTimeout: 5000,
    };
  }
  mkdirSync(path.dirname(database.file), { recursive: true });
  return {
    ...common,
    type: 'better-sqlite3',
    database: database.file,
    // WAL lets readers proceed while a write is in flight; foreign keys are off by default in SQLite.
    prepareDatabase: (db: { pragma(source: string): unknown }) => {
      db.pragma('journal_mode = WAL');
      db.pragma('foreign_keys = ON');
      db.pragma('busy_timeout = 5000');
    },
  };
}
