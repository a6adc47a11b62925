import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { dropAllMysqlTables, mysqlTestUrl } from './mysql';

export type Backend = 'sqlite' | 'mysql';

/** The backends global-setup found: every integration suite runs once per backend. */
export function testBackends(): Backend[] {
  const decided = process.env.ANKANG_TEST_BACKENDS;
  if (!decided) throw new Error('ANKANG_TEST_BACKENDS is unset: run through jest.integration.config.js');
  return decided.split(',') as Backend[];
}

export interface PreparedDatabase {
  /** Environment variables that point the server at this database. */
  environment: Record<string, string>;
  /** Removes what prepare made (the SQLite file; MySQL is emptied by the next prepare). */
  dispose(): void;
}

/** A fresh, empty database of the backend. */
export async function prepareDatabase(backend: Backend): Promise<PreparedDatabase> {
  if (backend === 'mysql') {
    const url = mysqlTestUrl();
    await dropAllMysqlTables(url);
    return { environment: { DATABASE_URL: url, DATABASE_CONNECT_RETRIES: '0' }, dispose: () => undefined };
  }
  const directory = mkdtempSync(path.join(tmpdir(), 'ankang-test-'));
  return {
    environment: { SQLITE_FILE: path.join(directory, 'ankang.sqlite') },
    dispose: () => rmSync(directory, { recursive: true, force: true }),
  };
}
