import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { type Connection, createPool, type Pool } from 'mysql2/promise';
import { signAccessToken } from './access-token';
import {
  benchSettings,
  numberFrom,
  openDatabase,
  runBenchmark,
  startServerOnFreePort,
  stopChildren,
  writeResults,
} from './bench-support';
import { type LatencySummary, summarize } from './latency';
import { provinceInFreshDatabase } from './synthetic-province';

/**
 * Two figures of issue 4 on MariaDB, each against a baseline measured in the same run:
 *  1. report submission (POST /api/v1/hazards, photos already uploaded) at 50 concurrent — req/s
 *     and p99 — as a ratio to a raw mysql2 single-row INSERT loop at the same concurrency;
 *  2. the officer's queue (GET /api/v1/hazards?view=queue&state=…) p95 with 1,000,000 tickets in
 *     the database, against the same page through raw SQL, with the plan checked.
 * Bounded by BENCH_TIME_LIMIT seconds.
 */
const {
  mysqlUrl: MYSQL_URL,
  timeLimitSeconds: TIME_LIMIT_SECONDS,
  jwtSecret: JWT_SECRET,
} = benchSettings('ankang_bench_hazards', 900);
const TICKETS = numberFrom('BENCH_TICKETS', 1_000_000);
const BIG_ENTERPRISE_TICKETS = numberFrom('BENCH_BIG_ENTERPRISE_TICKETS', 20_000);
const CONCURRENCY = numberFrom('BENCH_CONCURRENCY', 50);
const DURATION_SECONDS = numberFrom('BENCH_DURATION', 10);
const QUEUE_REQUESTS = numberFrom('BENCH_QUEUE_REQUESTS', 400);
const QUEUE_CONCURRENCY = numberFrom('BENCH_QUEUE_CONCURRENCY', 10);
const REPORTERS = 50;
/** Photos made ready for the reports: more than 50 connections can send in the measured seconds. */
const PHOTOS = numberFrom('BENCH_PHOTOS', 40_000);
const PAGE_SIZE = 20;
const BATCH_ROWS = 5000;
const STATES = ['submitted', 'assigned', 'rectifying', 'pending_verification', 'closed', 'rejected'] as const;
const CATEGORIES = ['unsafe_condition', 'unsafe_behavior', 'violation_operation', 'occupational_health'] as const;
const DAY = 24 * 60 * 60 * 1000;

interface World {
  enterprises: { id: number; workplaceId: number }[];
  bigEnterprise: { id: number; workplaceId: number };
  reporterIds: number[];
  officerId: number;
}

async function main(): Promise<void> {
  const connection = await openDatabase(MYSQL_URL);
  const pool = createPool({ uri: MYSQL_URL, timezone: 'Z', connectionLimit: CONCURRENCY });
  const storage = mkdtempSync(path.join(tmpdir(), 'ankang-bench-storage-'));
  try {
    await provinceInFreshDatabase(connection, MYSQL_URL, {
      cities: 5,
      counties: 40,
      enterprises: 2000,
      workplacesPerEnterprise: 2,
      archivedEvery: 1000,
    });
    const world = await createPeople(connection);
    const generation = await timed(() => generateTickets(connection, world));
    console.log(`Generated ${TICKETS.toLocaleString('en')} tickets in ${generation.seconds.toFixed(1)} s`);
    const photoIds = await generatePhotos(connection, world);

    const plan = await explainQueue(connection, world.bigEnterprise.id);
    const { baseUrl } = await startServerOnFreePort({
      databaseUrl: MYSQL_URL,
      jwtSecret: JWT_SECRET,
      poolSize: CONCURRENCY,
      environment: { STORAGE_DIR: storage },
    });

    const officerToken = signAccessToken(JWT_SECRET, world.officerId, TIME_LIMIT_SECONDS + 600);
    const queue = await measureQueue(baseUrl, officerToken, pool, world.bigEnterprise.id);
    const insertBaseline = await measureRawInserts(pool);
    const reports = await measureReports(baseUrl, world, photoIds);

    const results = { measuredAt: new Date().toISOString(), tickets: TICKETS, plan, queue, insertBaseline, reports };
    printResults(results);
    writeResults('hazard-tickets', results);
    if (plan.problems.length > 0) process.exitCode = 1;
  } finally {
    await stopChildren();
    await pool.end();
    await connection.end();
    rmSync(storage, { recursive: true, force: true });
  }
}

async function timed<T>(work: () => Promise<T>): Promise<{ value: T; seconds: number }> {
  const started = performance.now();
  const value = await work();
  return { value, seconds: (performance.now() - started) / 1000 };
}

/** Reporters (workers), and an officer of the enterprise whose queue is measured. */
async function createPeople(connection: Connection): Promise<World> {
  const [rows] = await connection.query(
    `SELECT e.id AS id, MIN(w.id) AS workplaceId FROM org_unit e
       JOIN org_unit w ON w.parent_id = e.id AND w.kind = 'workplace' AND w.archived_at IS NULL
      WHERE e.kind = 'enterprise' GROUP BY e.id ORDER BY e.id`,
  );
  const enterprises = (rows as { id: number; workplaceId: number }[]).map((row) => ({
    id: Number(row.id),
    workplaceId: Number(row.workplaceId),
  }));
  const now = new Date();
  const insertUser = async (name: string, enterpriseId: number | null) => {
    const [result] = await connection.query(
      'INSERT INTO `user` (display_name, enterprise_id, created_at, updated_at) VALUES (?, ?, ?, ?)',
      [name, enterpriseId, now, now],
    );
    return (result as { insertId: number }).insertId;
  };
  const bigEnterprise = enterprises[0];
  const reporterIds: number[] = [];
  for (let index = 0; index < REPORTERS; index += 1) {
    reporterIds.push(await insertUser(`基准职工${index + 1}`, enterprises[index % enterprises.length].id));
  }
  const officerId = await insertUser('基准安全员', bigEnterprise.id);
  await connection.query(
    "INSERT INTO role_grant (user_id, role, org_unit_id, created_at) VALUES (?, 'officer', ?, ?)",
    [officerId, bigEnterprise.id, now],
  );
  return { enterprises, bigEnterprise, reporterIds, officerId };
}

/**
 * A million tickets: BIG_ENTERPRISE_TICKETS in the measured enterprise, the rest spread over the
 * others; states mixed; open tickets with deadlines around today, some overdue.
 */
async function generateTickets(connection: Connection, world: World): Promise<void> {
  const columns = [
    'id',
    'code',
    'client_key',
    'reporter_user_id',
    'reporter_visibility',
    'enterprise_id',
    'workplace_id',
    'category',
    'description',
    'state',
    'grade',
    'responsible_user_id',
    'due_at',
    'created_at',
    'updated_at',
  ];
  const now = Date.now();
  const others = world.enterprises.slice(1);
  let batch: unknown[][] = [];
  const flush = async () => {
    if (batch.length === 0) return;
    await connection.query(`INSERT INTO hazard_ticket (${columns.join(', ')}) VALUES ?`, [batch]);
    batch = [];
  };
  await connection.query('SET unique_checks = 0');
  for (let id = 1; id <= TICKETS; id += 1) {
    const enterprise = id <= BIG_ENTERPRISE_TICKETS ? world.bigEnterprise : others[id % others.length];
    const state = STATES[id % STATES.length];
    const open = state === 'assigned' || state === 'rectifying';
    const created = new Date(now - (id % 365) * DAY);
    batch.push([
      id,
      `BZ-${id}`,
      `bench-ticket-${id}`,
      world.reporterIds[id % world.reporterIds.length],
      'named',
      enterprise.id,
      enterprise.workplaceId,
      CATEGORIES[id % CATEGORIES.length],
      '基准隐患描述：消防通道堆放杂物',
      state,
      state === 'submitted' ? null : id % 20 === 0 ? 'major' : 'general',
      open ? world.officerId : null,
      open || state === 'pending_verification' ? new Date(now + ((id % 61) - 20) * DAY) : null,
      created,
      created,
    ]);
    if (batch.length >= BATCH_ROWS) await flush();
  }
  await flush();
  await connection.query('SET unique_checks = 1');
  await connection.query('ANALYZE TABLE hazard_ticket');
}

/** Unattached report photos owned by the reporters, one per report the run may send (upload is measured elsewhere). */
async function generatePhotos(connection: Connection, world: World): Promise<{ id: number; owner: number }[]> {
  const now = new Date();
  const photos: { id: number; owner: number }[] = [];
  let batch: unknown[][] = [];
  for (let id = 1; id <= PHOTOS; id += 1) {
    const owner = world.reporterIds[id % world.reporterIds.length];
    photos.push({ id, owner });
    batch.push([
      id,
      'report',
      `bench-photo-${id}`,
      owner,
      `bench/${id}.jpg`,
      `bench/${id}-t.jpg`,
      'image/jpeg',
      800,
      600,
      1000,
      now,
    ]);
    if (batch.length >= BATCH_ROWS || id === PHOTOS) {
      await connection.query(
        `INSERT INTO hazard_photo (id, kind, client_key, uploaded_by, storage_key, thumbnail_key, content_type,
           width, height, byte_size, created_at) VALUES ?`,
        [batch],
      );
      batch = [];
    }
  }
  return photos;
}

const QUEUE_SQL = `SELECT t.id FROM hazard_ticket t
  WHERE t.enterprise_id = ? AND t.state = ? ORDER BY t.due_at, t.id LIMIT ${PAGE_SIZE + 1}`;

interface PlanRow {
  table: string;
  type: string;
  key: string | null;
  rows: number;
  Extra: string | null;
}

async function explainQueue(connection: Connection, enterpriseId: number) {
  const [rows] = await connection.query(`EXPLAIN ${QUEUE_SQL}`, [enterpriseId, 'assigned']);
  const plan = rows as PlanRow[];
  const problems: string[] = [];
  if (plan[0]?.key !== 'IDX_hazard_ticket_queue') problems.push(`uses ${plan[0]?.key ?? 'no index'}`);
  if (plan.some((row) => /filesort/i.test(row.Extra ?? ''))) problems.push('sorts the rows (filesort)');
  return { sql: QUEUE_SQL.replace(/\s+/g, ' '), plan, problems };
}

/** The officer's queue, one state at a time, first pages and pages deep down, through the API and raw SQL. */
async function measureQueue(baseUrl: string, token: string, pool: Pool, enterpriseId: number) {
  const states = ['assigned', 'rectifying', 'submitted'];
  const request = async (index: number) => {
    const url = new URL(`${baseUrl}/hazards`);
    url.searchParams.set('view', 'queue');
    url.searchParams.set('state', states[index % states.length]);
    url.searchParams.set('limit', String(PAGE_SIZE));
    const started = performance.now();
    const response = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
    const body = (await response.json()) as { items?: unknown[] };
    if (response.status !== 200 || !Array.isArray(body.items) || body.items.length === 0) {
      throw new Error(`The queue answered ${response.status}: ${JSON.stringify(body).slice(0, 200)}`);
    }
    return performance.now() - started;
  };
  const sql = async (index: number) => {
    const started = performance.now();
    await pool.query(QUEUE_SQL, [enterpriseId, states[index % states.length]]);
    return performance.now() - started;
  };
  await runConcurrently(50, 5, request); // warm-up
  await runConcurrently(50, 5, sql);
  return {
    apiOneAtATime: summarize(await runConcurrently(QUEUE_REQUESTS, 1, request)),
    sqlOneAtATime: summarize(await runConcurrently(QUEUE_REQUESTS, 1, sql)),
    api: summarize(await runConcurrently(QUEUE_REQUESTS, QUEUE_CONCURRENCY, request)),
    sql: summarize(await runConcurrently(QUEUE_REQUESTS, QUEUE_CONCURRENCY, sql)),
  };
}

async function runConcurrently(total: number, concurrency: number, work: (index: number) => Promise<number>) {
  const latencies: number[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) {
        const index = next++;
        latencies.push(await work(index));
      }
    }),
  );
  return latencies;
}

/** The baseline: single-row INSERTs of a ticket-sized row through a raw mysql2 pool at the same concurrency. */
async function measureRawInserts(pool: Pool) {
  await pool.query('DROP TABLE IF EXISTS bench_insert');
  await pool.query(`CREATE TABLE bench_insert (
      id INT AUTO_INCREMENT PRIMARY KEY, client_key VARCHAR(36) NOT NULL UNIQUE, workplace_id INT NOT NULL,
      description VARCHAR(500) NOT NULL, created_at DATETIME(3) NOT NULL) ENGINE=InnoDB`);
  const latencies: number[] = [];
  const deadline = performance.now() + DURATION_SECONDS * 1000;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (performance.now() < deadline) {
        const started = performance.now();
        await pool.query(
          'INSERT INTO bench_insert (client_key, workplace_id, description, created_at) VALUES (?, ?, ?, ?)',
          [randomUUID(), 1, '基准隐患描述：消防通道堆放杂物', new Date()],
        );
        latencies.push(performance.now() - started);
      }
    }),
  );
  await pool.query('DROP TABLE bench_insert');
  return { perSecond: Math.round(latencies.length / DURATION_SECONDS), latency: summarize(latencies) };
}

/** 随手拍 at 50 concurrent: each request a new client key, a photo of its own and its owner's token. */
async function measureReports(baseUrl: string, world: World, photos: { id: number; owner: number }[]) {
  const tokens = new Map(
    world.reporterIds.map((id) => [id, signAccessToken(JWT_SECRET, id, TIME_LIMIT_SECONDS + 600)]),
  );
  let next = 0;
  const requestBody = () => {
    const photo = photos[next++ % photos.length];
    const enterprise = world.enterprises[photo.id % world.enterprises.length];
    return {
      token: tokens.get(photo.owner) ?? '',
      body: JSON.stringify({
        clientKey: randomUUID(),
        workplaceId: String(enterprise.workplaceId),
        category: 'unsafe_condition',
        description: '基准隐患描述：消防通道堆放杂物，影响疏散',
        reporterVisibility: 'named',
        photoIds: [String(photo.id)],
      }),
    };
  };
  const result = await autocannon({
    url: `${baseUrl}/hazards`,
    connections: CONCURRENCY,
    duration: DURATION_SECONDS,
    requests: [
      {
        method: 'POST',
        setupRequest: (request) => {
          const { token, body } = requestBody();
          return {
            ...request,
            headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
            body,
          };
        },
      },
    ],
  });
  if (next > photos.length)
    console.warn(`More reports than prepared photos (${next} > ${photos.length}): reused photos fail`);
  return {
    perSecond: Math.round(result.requests.average),
    latencyP50: result.latency.p50,
    latencyP99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    sent: next,
  };
}

function printResults(results: {
  queue: Record<string, LatencySummary>;
  insertBaseline: { perSecond: number; latency: LatencySummary };
  reports: { perSecond: number; latencyP50: number; latencyP99: number; non2xx: number; errors: number };
  plan: { sql: string; plan: PlanRow[]; problems: string[] };
}) {
  const { queue, insertBaseline, reports, plan } = results;
  console.log(`\nEXPLAIN ${plan.sql}`);
  for (const row of plan.plan)
    console.log(`  ${row.table} | ${row.type} | ${row.key} | rows ${row.rows} | ${row.Extra}`);
  console.log(
    plan.problems.length === 0 ? '  ✓ walks IDX_hazard_ticket_queue, no filesort' : `  ✗ ${plan.problems.join('; ')}`,
  );
  console.log(`\nReport submission, ${CONCURRENCY} concurrent, ${DURATION_SECONDS} s:`);
  console.log(
    `  POST /hazards            ${String(reports.perSecond).padStart(6)} req/s  p50 ${reports.latencyP50} ms  p99 ${reports.latencyP99} ms  non-2xx ${reports.non2xx}  errors ${reports.errors}`,
  );
  console.log(
    `  raw mysql2 INSERT loop   ${String(insertBaseline.perSecond).padStart(6)} rows/s p50 ${insertBaseline.latency.p50} ms  p99 ${insertBaseline.latency.p99} ms`,
  );
  console.log(
    `  ratio                    ${((reports.perSecond / insertBaseline.perSecond) * 100).toFixed(1)}% of the raw INSERT rate`,
  );
  console.log(`\nOfficer queue with ${TICKETS.toLocaleString('en')} tickets (${PAGE_SIZE} a page), latency ms:`);
  for (const [name, figures] of Object.entries(queue)) {
    console.log(
      `  ${name.padEnd(16)} p50 ${figures.p50}  p95 ${figures.p95}  p99 ${figures.p99}  (${figures.samples} requests)`,
    );
  }
  if (reports.non2xx > 0 || reports.errors > 0) {
    console.error('Some reports failed: the report figures are not comparable.');
    process.exitCode = 1;
  }
}

runBenchmark(TIME_LIMIT_SECONDS, main);
