import { writeFileSync } from 'node:fs';
import { mysqlTestUrl, probeMysql } from './mysql';

/**
 * Decides once which database backends this run covers and says so: SQLite always, MariaDB when it
 * answers (or as a failure when REQUIRE_MYSQL=1). Test files read the decision from the environment.
 */
export default async function globalSetup(): Promise<void> {
  const url = mysqlTestUrl();
  const problem = await probeMysql(url);
  const backends = problem ? ['sqlite'] : ['sqlite', 'mysql'];
  if (problem && process.env.REQUIRE_MYSQL === '1') {
    throw new Error(`REQUIRE_MYSQL=1 but MySQL at ${url} is not reachable: ${problem}`);
  }
  process.env.ANKANG_TEST_BACKENDS = backends.join(',');
  const description = `${backends.join(' + ')}${problem ? ` (MySQL skipped: ${problem})` : ` (MySQL at ${url})`}`;
  process.stdout.write(`\n[server-integration] database backends: ${description}\n`);
  // The test command's summary names the backends this run covered.
  if (process.env.ANKANG_BACKENDS_REPORT) writeFileSync(process.env.ANKANG_BACKENDS_REPORT, description);
}
