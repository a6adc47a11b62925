import { setTimeout as sleep } from 'node:timers/promises';
import { DatabaseDriver } from '@ankang/shared';
import { Logger } from '@nestjs/common';
import { createConnection } from 'mysql2/promise';
import { DataSource, type DataSourceOptions } from 'typeorm';
import { type AppConfig, ConfigError, type MysqlDatabaseConfig } from '../config/app-config';
import { dataSourceOptions, type MysqlFlavour } from './data-source-options';
import { serializeSqliteAccess } from './sqlite-serialized-access';

const logger = new Logger('Database');

/**
 * Connects to the configured database and brings its schema up to date. A database that cannot be
 * reached is a configuration error naming the variable, so the operator sees what to fix.
 */
export async function connectDatabase(database: AppConfig['database']): Promise<DataSource> {
  const dataSource = new DataSource(await resolveDataSourceOptions(database));
  try {
    await dataSource.initialize();
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    if (database.driver === DatabaseDriver.Mysql) {
      throw new ConfigError('DATABASE_URL', `(${database.url}): cannot connect to MySQL: ${reason}`);
    }
    throw new ConfigError('SQLITE_FILE', `(${database.file}): cannot open the SQLite database: ${reason}`);
  }
  const applied = await dataSource.runMigrations({ transaction: 'each' });
  for (const migration of applied) logger.log(`Applied migration ${migration.name}`);
  if (database.driver === DatabaseDriver.BetterSqlite3) serializeSqliteAccess(dataSource);
  return dataSource;
}

/** Options for the configured database; for MySQL, after waiting for it and asking whether it is MariaDB. */
export async function resolveDataSourceOptions(database: AppConfig['database']): Promise<DataSourceOptions> {
  if (database.driver === DatabaseDriver.BetterSqlite3) return dataSourceOptions(database);
  return dataSourceOptions(database, await detectMysqlFlavour(database));
}

async function detectMysqlFlavour(database: MysqlDatabaseConfig): Promise<MysqlFlavour> {
  const attempts = database.connectRetries + 1;
  for (let attempt = 1; ; attempt += 1) {
    try {
      const connection = await createConnection({
        host: database.host,
        port: database.port,
        user: database.username,
        password: database.password,
        database: database.database,
        connectTimeout: 5000,
      });
      try {
        const [rows] = await connection.query('SELECT VERSION() AS version');
        return String((rows as { version: string }[])[0].version).includes('MariaDB') ? 'mariadb' : 'mysql';
      } finally {
        await connection.end();
      }
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      if (attempt >= attempts) {
        throw new ConfigError('DATABASE_URL', `(${database.url}): cannot connect to MySQL: ${reason}`);
      }
      logger.warn(`MySQL not reachable (attempt ${attempt}/${attempts}): ${reason}`);
      await sleep(Math.min(1000 * attempt, 5000));
    }
  }
}
