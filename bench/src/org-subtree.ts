import { cpus } from 'node:os';
import path from 'node:path';
import { type Connection, createPool, type Pool } from 'mysql2/promise';
import { signAccessToken } from './access-token';
import {
  benchSettings,
  databaseName,
  numberFrom,
  openDatabase,
  runBenchmark,
  startServerOnFreePort,
  stopChildren,
  writeResults,
} from './bench-support';
import { type LatencySummary, summarize } from './latency';
import { checkPlan, type PlanCheck, type PlanRow, pageThroughSubtree } from './subtree-query';
import {
  type GeneratedProvince,
  type ProvinceShape,
  provinceInFreshDatabase,
  readProvince,
} from './synthetic-province';

/**
 * A union cadre's subtree listing on a generated province of 10,000 enterprises and 50,000
 * workplaces: every workplace of a city, 50 a page, following nextCursor, as the real API serves it
 * (server/dist/main.js on MariaDB), at concurrency 1 and 20, against the same SQL pages through a
 * raw mysql2 pool in the same run. Fails when the plan of that SQL is not a range scan on a path
 * index. Bounded by BENCH_TIME_LIMIT seconds.
 */
const {
  mysqlUrl: MYSQL_URL,
  timeLimitSeconds: TIME_LIMIT_SECONDS,
  jwtSecret: JWT_SECRET,
} = benchSettings('ankang_bench', 600);
const SHAPE: ProvinceShape = {
  cities: numberFrom('BENCH_CITIES', 15),
  counties: numberFrom('BENCH_COUNTIES', 100),
  enterprises: numberFrom('BENCH_ENTERPRISES', 10_000),
  workplacesPerEnterprise: numberFrom('BENCH_WORKPLACES_PER_ENTERPRISE', 5),
  archivedEvery: 50,
};
const PAGE_SIZE = 50;
const CONCURRENCY = numberFrom('BENCH_CONCURRENCY', 20);
/** At concurrency 1, this many cadres page through their cities one after another. */
const SEQUENTIAL_CADRES = numberFrom('BENCH_SEQUENTIAL_CADRES', 5);
const ROUNDS = numberFrom('BENCH_ROUNDS', 2);
const REUSE_DATA = process.env.BENCH_REUSE_DATA === '1';

interface Cadre {
  userId: number;
  token: string;
  city: GeneratedProvince['cities'][number];
}

interface Run {
  target: 'api' | 'sql';
  concurrency: number;
  round: number;
  pages: number;
  seconds: number;
  latencies: number[];
}

interface ApiPage {
  items: { id: string }[];
  nextCursor: string | null;
}

class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
  ) {
    super(`GET /api/v1/org-units answered ${status}: ${JSON.stringify(body).slice(0, 300)}`);
  }
}

async function main(): Promise<void> {
  const connection = await openDatabase(MYSQL_URL);
  const pool = createPool({ uri: MYSQL_URL, timezone: 'Z', connectionLimit: CONCURRENCY });
  try {
    const [version] = await connection.query('SELECT VERSION() AS version');
    const databaseVersion = String((version as { version: string }[])[0].version);
    let province: GeneratedProvince;
    if (REUSE_DATA) {
      province = await readProvince(connection, SHAPE);
      console.log(`Reusing the province in ${databaseName(MYSQL_URL)} (BENCH_REUSE_DATA=1)`);
    } else {
      province = await provinceInFreshDatabase(connection, MYSQL_URL, SHAPE, 'the province');
      console.log(
        `Generated ${province.totals.rows.toLocaleString('en')} org units (${province.totals.enterprises.toLocaleString('en')} enterprises, ${province.totals.workplaces.toLocaleString('en')} workplaces) in ${province.seconds.toFixed(1)} s`,
      );
    }

    const cadres = await createCadres(connection, province, Math.max(CONCURRENCY, SEQUENTIAL_CADRES));
    const plans = await checkPlans(connection, cadres[0].city.path);
    printPlans(plans);

    const { baseUrl } = await startServerOnFreePort({
      databaseUrl: MYSQL_URL,
      jwtSecret: JWT_SECRET,
      poolSize: Math.max(20, CONCURRENCY),
    });

    const api = await probeApi(baseUrl, cadres[0]);
    if (api.available) {
      // The API and the SQL must list the same workplaces in the same order, or the comparison is void.
      for (const cadre of uniqueCities(cadres)) {
        const fromApi = await apiSweep(baseUrl, cadre, () => undefined);
        const fromSql = await pageThroughSubtree(pool, cadre.city.path, PAGE_SIZE, () => undefined);
        if (fromApi.join() !== fromSql.join() || fromSql.length !== cadre.city.workplaces) {
          throw new Error(
            `The API listed ${fromApi.length} workplaces of city ${cadre.city.id}, the SQL ${fromSql.length}, ` +
              `expected ${cadre.city.workplaces}, or in another order: the two do not measure the same listing`,
          );
        }
      }
    } else {
      console.log(`\nThe API listing is not measurable: ${api.reason}. Measuring the SQL baseline only.`);
      await sqlSweeps(pool, cadres, CONCURRENCY, 0); // warm-up
    }

    const runs: Run[] = [];
    for (let round = 1; round <= ROUNDS; round += 1) {
      for (const concurrency of [1, CONCURRENCY]) {
        const participants = concurrency === 1 ? cadres.slice(0, SEQUENTIAL_CADRES) : cadres.slice(0, concurrency);
        if (api.available) runs.push(await apiSweeps(baseUrl, participants, concurrency, round));
        runs.push(await sqlSweeps(pool, participants, concurrency, round));
      }
    }

    const results = report(databaseVersion, province, plans, api, runs);
    const file = writeResults('org-subtree', results);
    console.log(`\nWritten to ${path.relative(process.cwd(), file)}`);
    if (plans.some((plan) => plan.problems.length > 0)) {
      console.error('\nFAILED: the subtree listing is not a range scan on a path index (see the plans above).');
      process.exitCode = 1;
    }
  } finally {
    await stopChildren();
    await pool.end();
    await connection.end();
  }
}

/** Union cadres, each with a union_staff grant at one city (round-robin) and a token of their own. */
async function createCadres(connection: Connection, province: GeneratedProvince, count: number): Promise<Cadre[]> {
  // Cadres of an earlier run on reused data would collide on their usernames; their grants cascade.
  await connection.query("DELETE FROM `user` WHERE username LIKE 'bench-cadre-%'");
  const now = new Date();
  const cadres: Cadre[] = [];
  for (let index = 0; index < count; index += 1) {
    const city = province.cities[index % province.cities.length];
    const [inserted] = await connection.query(
      'INSERT INTO `user` (username, display_name, created_at, updated_at) VALUES (?, ?, ?, ?)',
      [`bench-cadre-${index + 1}`, `基准工会干部${index + 1}`, now, now],
    );
    const userId = (inserted as { insertId: number }).insertId;
    await connection.query(
      "INSERT INTO role_grant (user_id, role, org_unit_id, created_at) VALUES (?, 'union_staff', ?, ?)",
      [userId, city.id, now],
    );
    cadres.push({ userId, city, token: signAccessToken(JWT_SECRET, userId, TIME_LIMIT_SECONDS + 600) });
  }
  return cadres;
}

/** The first page and one deep in the city (after its 1,000th workplace), each explained and analysed. */
async function checkPlans(connection: Connection, cityPath: string): Promise<PlanCheck[]> {
  const [rows] = await connection.query(
    `SELECT path FROM org_unit WHERE kind = 'workplace' AND path LIKE ? AND archived_at IS NULL
      ORDER BY path LIMIT 1 OFFSET 999`,
    [`${cityPath}%`],
  );
  const deepPath = (rows as { path: string }[])[0]?.path ?? cityPath;
  return [
    await checkPlan(connection, 'first page', cityPath, cityPath, PAGE_SIZE),
    await checkPlan(connection, 'page after the 1,000th workplace', cityPath, deepPath, PAGE_SIZE),
  ];
}

function printPlans(plans: PlanCheck[]): void {
  for (const check of plans) {
    console.log(`\nEXPLAIN (${check.label}): ${check.sql}`);
    console.log(`  parameters ${JSON.stringify(check.parameters)}`);
    const columns: (keyof PlanRow)[] = ['table', 'type', 'possible_keys', 'key', 'key_len', 'rows', 'Extra'];
    console.log(`  ${columns.join(' | ')} | r_rows (ANALYZE)`);
    check.plan.forEach((step, index) => {
      const values = columns.map((column) => String(step[column] ?? 'NULL'));
      console.log(`  ${values.join(' | ')} | ${check.analyzed[index]?.r_rows ?? '?'}`);
    });
    console.log(
      check.problems.length === 0 ? '  ✓ range scan on a path index, no filesort' : `  ✗ ${check.problems.join('; ')}`,
    );
  }
}

async function fetchPage(baseUrl: string, cadre: Cadre, cursor: string | null): Promise<ApiPage> {
  const url = new URL(`${baseUrl}/org-units`);
  url.searchParams.set('withinId', String(cadre.city.id));
  url.searchParams.set('kind', 'workplace');
  url.searchParams.set('limit', String(PAGE_SIZE));
  if (cursor) url.searchParams.set('cursor', cursor);
  const response = await fetch(url, {
    headers: { authorization: `Bearer ${cadre.token}` },
    signal: AbortSignal.timeout(30_000),
  });
  const text = await response.text();
  const body: unknown = text && response.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text;
  if (response.status !== 200) throw new ApiError(response.status, body);
  return body as ApiPage;
}

async function probeApi(
  baseUrl: string,
  cadre: Cadre,
): Promise<{ available: true } | { available: false; reason: string }> {
  try {
    const page = await fetchPage(baseUrl, cadre, null);
    if (!Array.isArray(page.items) || !('nextCursor' in page)) {
      return { available: false, reason: 'its answer is not a page of {items, nextCursor}' };
    }
    return { available: true };
  } catch (error) {
    if (error instanceof ApiError) return { available: false, reason: error.message };
    throw error;
  }
}

/** Every workplace of the cadre's city through the API, a page at a time; returns the ids in order. */
async function apiSweep(baseUrl: string, cadre: Cadre, onPage: (milliseconds: number) => void): Promise<number[]> {
  const ids: number[] = [];
  let cursor: string | null = null;
  do {
    const started = performance.now();
    const page: ApiPage = await fetchPage(baseUrl, cadre, cursor);
    onPage(performance.now() - started);
    ids.push(...page.items.map((item) => Number(item.id)));
    cursor = page.nextCursor;
  } while (cursor);
  return ids;
}

/** `concurrency` cadres at once, each through a whole city; with one, the cadres take turns. */
async function sweeps(
  target: Run['target'],
  participants: Cadre[],
  concurrency: number,
  round: number,
  sweep: (cadre: Cadre, onPage: (milliseconds: number) => void) => Promise<unknown>,
): Promise<Run> {
  const latencies: number[] = [];
  const record = (milliseconds: number) => latencies.push(milliseconds);
  const started = performance.now();
  if (concurrency === 1) {
    for (const cadre of participants) await sweep(cadre, record);
  } else {
    await Promise.all(participants.map((cadre) => sweep(cadre, record)));
  }
  const run: Run = {
    target,
    concurrency,
    round,
    pages: latencies.length,
    seconds: (performance.now() - started) / 1000,
    latencies,
  };
  const figures = summarize(latencies);
  console.log(
    `${round === 0 ? 'warm-up' : `round ${round}`}  ${label(target, concurrency).padEnd(30)} ${String(run.pages).padStart(5)} pages  p50 ${figures.p50} ms  p95 ${figures.p95} ms  p99 ${figures.p99} ms`,
  );
  return run;
}

function apiSweeps(baseUrl: string, participants: Cadre[], concurrency: number, round: number): Promise<Run> {
  return sweeps('api', participants, concurrency, round, (cadre, onPage) => apiSweep(baseUrl, cadre, onPage));
}

function sqlSweeps(pool: Pool, participants: Cadre[], concurrency: number, round: number): Promise<Run> {
  return sweeps('sql', participants, concurrency, round, (cadre, onPage) =>
    pageThroughSubtree(pool, cadre.city.path, PAGE_SIZE, onPage),
  );
}

function uniqueCities(cadres: Cadre[]): Cadre[] {
  const seen = new Set<number>();
  return cadres.filter((cadre) => !seen.has(cadre.city.id) && seen.add(cadre.city.id));
}

function label(target: Run['target'], concurrency: number): string {
  const who = concurrency === 1 ? '1 cadre at a time' : `${concurrency} cadres at once`;
  return target === 'api' ? `API, ${who}` : `SQL (mysql2), ${who}`;
}

function report(
  databaseVersion: string,
  province: GeneratedProvince,
  plans: PlanCheck[],
  api: { available: boolean; reason?: string },
  runs: Run[],
) {
  const summaries: {
    target: Run['target'];
    concurrency: number;
    label: string;
    pages: number;
    pagesPerSecond: number;
    latency: LatencySummary;
  }[] = [];
  for (const concurrency of [1, CONCURRENCY]) {
    for (const target of ['api', 'sql'] as const) {
      const matching = runs.filter((run) => run.target === target && run.concurrency === concurrency);
      if (matching.length === 0) continue;
      const pages = matching.reduce((sum, run) => sum + run.pages, 0);
      const seconds = matching.reduce((sum, run) => sum + run.seconds, 0);
      summaries.push({
        target,
        concurrency,
        label: label(target, concurrency),
        pages,
        pagesPerSecond: Math.round(pages / seconds),
        latency: summarize(matching.flatMap((run) => run.latencies)),
      });
    }
  }
  const cityWorkplaces = province.cities.map((city) => city.workplaces);
  console.log(
    `\nA city's workplaces, ${PAGE_SIZE} a page (cities of ${Math.min(...cityWorkplaces)}–${Math.max(...cityWorkplaces)} live workplaces), ${ROUNDS} rounds, per-page latency in ms:`,
  );
  console.log(
    `  ${'who'.padEnd(30)} ${'pages'.padStart(6)} ${'pages/s'.padStart(8)} ${'p50'.padStart(7)} ${'p95'.padStart(7)} ${'p99'.padStart(7)}`,
  );
  for (const summary of summaries) {
    const { p50, p95, p99 } = summary.latency;
    console.log(
      `  ${summary.label.padEnd(30)} ${String(summary.pages).padStart(6)} ${String(summary.pagesPerSecond).padStart(8)} ${p50.toFixed(2).padStart(7)} ${p95.toFixed(2).padStart(7)} ${p99.toFixed(2).padStart(7)}`,
    );
  }
  if (!api.available) console.log(`  API: not measured — ${api.reason}`);
  return {
    measuredAt: new Date().toISOString(),
    machine: {
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model ?? 'unknown',
      node: process.version,
      database: databaseVersion,
    },
    province: {
      shape: province.shape,
      totals: province.totals,
      cities: province.cities.map((city) => ({ id: city.id, liveWorkplaces: city.workplaces })),
      generationSeconds: province.seconds > 0 ? Math.round(province.seconds * 100) / 100 : null,
    },
    pageSize: PAGE_SIZE,
    rounds: ROUNDS,
    plans: plans.map(({ label: planLabel, sql, parameters, plan, analyzed, problems }) => ({
      label: planLabel,
      sql,
      parameters,
      plan,
      analyzedRows: analyzed.map((step) => step.r_rows ?? null),
      ok: problems.length === 0,
      problems,
    })),
    api: api.available ? { available: true } : { available: false, reason: api.reason },
    summaries,
    runs: runs.map(({ latencies, ...run }) => ({
      ...run,
      seconds: Math.round(run.seconds * 100) / 100,
      latency: summarize(latencies),
    })),
  };
}

runBenchmark(TIME_LIMIT_SECONDS, main);
