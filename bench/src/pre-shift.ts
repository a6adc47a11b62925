import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import type { Connection } from 'mysql2/promise';
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
 * The shift change: workers arriving at once each go through the whole pre-shift flow against the
 * real server on MariaDB — the workplace landing card, the check-in (fit), today's lesson opened,
 * the quiz submitted and passed — at 50 concurrent. Reported as workers cleared per minute, the p99
 * of each request, and the flow's request rate as a share of the same server's bare /health rate
 * measured in the same run. The anti-skim wait (half the lesson's duration) is skipped by moving
 * each attempt's opening time back in the database: the bench measures the server, not the reading.
 */
const {
  mysqlUrl: MYSQL_URL,
  timeLimitSeconds: TIME_LIMIT_SECONDS,
  jwtSecret: JWT_SECRET,
} = benchSettings('ankang_bench_pre_shift', 600);
const CONCURRENCY = numberFrom('BENCH_CONCURRENCY', 50);
const DURATION_SECONDS = numberFrom('BENCH_DURATION', 20);
const WORKERS = numberFrom('BENCH_WORKERS', 6000);
const LESSON_DURATION_SECONDS = 120;

/** The bench's own lesson: the answers are known here, not read from the API. */
const QUESTIONS = [
  {
    id: 'q1',
    type: 'single_choice',
    prompt: '进入有限空间作业前，第一步应当做什么？',
    options: [
      { id: 'a', text: '先通风' },
      { id: 'b', text: '直接进入' },
    ],
    correctOptionIds: ['a'],
    explanation: '先通风、再检测、后作业。',
  },
  {
    id: 'q2',
    type: 'multiple_choice',
    prompt: '有限空间作业必须做到哪些？',
    options: [
      { id: 'a', text: '检测氧含量' },
      { id: 'b', text: '设监护人' },
      { id: 'c', text: '单人进入' },
    ],
    correctOptionIds: ['a', 'b'],
    explanation: '检测合格、监护到位，严禁单人作业。',
  },
  {
    id: 'q3',
    type: 'true_false',
    prompt: '监护人可以进入有限空间帮忙。',
    options: [
      { id: 'true', text: '对' },
      { id: 'false', text: '错' },
    ],
    correctOptionIds: ['false'],
    explanation: '监护人始终在外，不得进入。',
  },
];
const CORRECT_ANSWERS = Object.fromEntries(QUESTIONS.map((question) => [question.id, question.correctOptionIds]));

interface Worker {
  id: number;
  token: string;
  workplaceId: number;
  workplaceCode: string;
}

type Step = 'landing' | 'checkIn' | 'openLesson' | 'submit';

async function main(): Promise<void> {
  const connection = await openDatabase(MYSQL_URL);
  const storage = mkdtempSync(path.join(tmpdir(), 'ankang-bench-storage-'));
  try {
    const province = await provinceInFreshDatabase(
      connection,
      MYSQL_URL,
      {
        cities: 3,
        counties: 12,
        enterprises: 200,
        workplacesPerEnterprise: 2,
        archivedEvery: 1000,
      },
      `a province with ${WORKERS} workers`,
    );
    await createLesson(connection, province.provinceId);
    const workers = await createWorkers(connection);

    const { baseUrl } = await startServerOnFreePort({
      databaseUrl: MYSQL_URL,
      jwtSecret: JWT_SECRET,
      poolSize: CONCURRENCY,
      environment: { STORAGE_DIR: storage },
    });

    // Warm up both the flow and /health, then measure /health, then the flow.
    await runFlow(baseUrl, connection, workers.splice(0, CONCURRENCY * 2), CONCURRENCY, 5);
    await autocannon({ url: `${baseUrl}/health`, connections: CONCURRENCY, duration: 2 });
    const health = await autocannon({ url: `${baseUrl}/health`, connections: CONCURRENCY, duration: 10 });
    const flow = await runFlow(baseUrl, connection, workers, CONCURRENCY, DURATION_SECONDS);

    const requestsPerSecond = flow.requests / flow.seconds;
    const results = {
      measuredAt: new Date().toISOString(),
      concurrency: CONCURRENCY,
      seconds: flow.seconds,
      workersCleared: flow.cleared,
      workersClearedPerMinute: Math.round((flow.cleared / flow.seconds) * 60),
      flowRequestsPerSecond: Math.round(requestsPerSecond),
      healthRequestsPerSecond: Math.round(health.requests.average),
      ratioToHealth: requestsPerSecond / health.requests.average,
      perStep: flow.perStep,
      overall: flow.overall,
      failures: flow.failures,
    };
    print(results);
    writeResults('pre-shift', results);
    if (flow.failures.length > 0) process.exitCode = 1;
  } finally {
    await stopChildren();
    await connection.end();
    rmSync(storage, { recursive: true, force: true });
  }
}

/** One published lesson for everyone, owned by the province union. */
async function createLesson(connection: Connection, provinceId: number): Promise<void> {
  const now = new Date();
  const [lesson] = await connection.query(
    "INSERT INTO lesson (owner_org_unit_id, status, current_version, created_at, updated_at) VALUES (?, 'published', 1, ?, ?)",
    [provinceId, now, now],
  );
  const lessonId = (lesson as { insertId: number }).insertId;
  await connection.query(
    `INSERT INTO lesson_version (lesson_id, version, title, topic, body_html, image_ids, video_url, duration_seconds,
       worker_groups, industries, pass_mark, questions, published_at, created_at)
     VALUES (?, 1, ?, 'operating_procedure', ?, '[]', NULL, ?, '[]', '[]', 60, ?, ?, ?)`,
    [
      lessonId,
      '有限空间作业：先通风、再检测、后作业',
      '<p>有限空间作业必须<strong>先通风、再检测、后作业</strong>，监护人始终在外。</p>',
      LESSON_DURATION_SECONDS,
      JSON.stringify(QUESTIONS),
      now,
      now,
    ],
  );
}

/** Workers bound to the generated enterprises, each with a worker grant and a token of their own. */
async function createWorkers(connection: Connection): Promise<Worker[]> {
  const [rows] = await connection.query(
    `SELECT w.id AS id, w.code AS code, w.parent_id AS enterpriseId FROM org_unit w
      WHERE w.kind = 'workplace' AND w.archived_at IS NULL ORDER BY w.id`,
  );
  const workplaces = rows as { id: number; code: string; enterpriseId: number }[];
  const now = new Date();
  const [first] = await connection.query('SELECT COALESCE(MAX(id), 0) + 1 AS next FROM `user`');
  const firstId = Number((first as { next: number }[])[0].next);
  const users: unknown[][] = [];
  const grants: unknown[][] = [];
  const workers: Worker[] = [];
  for (let index = 0; index < WORKERS; index += 1) {
    const id = firstId + index;
    const workplace = workplaces[index % workplaces.length];
    users.push([id, `基准职工${index + 1}`, workplace.enterpriseId, now, now]);
    grants.push([id, 'worker', workplace.enterpriseId, now]);
    workers.push({
      id,
      token: signAccessToken(JWT_SECRET, id, TIME_LIMIT_SECONDS + 600),
      workplaceId: Number(workplace.id),
      workplaceCode: workplace.code,
    });
  }
  for (let start = 0; start < users.length; start += 2000) {
    await connection.query('INSERT INTO `user` (id, display_name, enterprise_id, created_at, updated_at) VALUES ?', [
      users.slice(start, start + 2000),
    ]);
    await connection.query('INSERT INTO role_grant (user_id, role, org_unit_id, created_at) VALUES ?', [
      grants.slice(start, start + 2000),
    ]);
  }
  return workers;
}

/** `concurrency` workers at a time through the whole flow, until the time is up or the workers run out. */
async function runFlow(
  baseUrl: string,
  connection: Connection,
  workers: Worker[],
  concurrency: number,
  seconds: number,
) {
  const latencies: Record<Step, number[]> = { landing: [], checkIn: [], openLesson: [], submit: [] };
  const failures: string[] = [];
  let requests = 0;
  let cleared = 0;
  let next = 0;
  const started = performance.now();
  const deadline = started + seconds * 1000;
  const call = async (step: Step, method: string, url: string, token: string | null, body?: unknown) => {
    const begun = performance.now();
    const response = await fetch(url, {
      method,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const answer = (await response.json()) as Record<string, unknown>;
    latencies[step].push(performance.now() - begun);
    requests += 1;
    if (response.status >= 300)
      throw new Error(`${step} answered ${response.status}: ${JSON.stringify(answer).slice(0, 200)}`);
    return answer;
  };
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < deadline && next < workers.length) {
        const worker = workers[next++];
        try {
          await call(
            'landing',
            'GET',
            `${baseUrl}/workplaces/by-code/${encodeURIComponent(worker.workplaceCode)}`,
            null,
          );
          const card = await call('checkIn', 'POST', `${baseUrl}/check-ins`, worker.token, {
            workplaceId: String(worker.workplaceId),
            clientKey: randomUUID(),
            declaration: { fever: false, cough: false, feelingUnwell: false },
          });
          const lesson = card.todaysLesson as { id: string } | null;
          if (!lesson) throw new Error('the check-in offered no lesson');
          const attempt = await call('openLesson', 'POST', `${baseUrl}/lessons/${lesson.id}/attempts`, worker.token, {
            checkInId: card.id,
          });
          // Skip the reading time (half the duration) without sleeping: the server is measured, not the reader.
          await connection.query('UPDATE lesson_attempt SET opened_at = ? WHERE id = ?', [
            new Date(Date.now() - LESSON_DURATION_SECONDS * 1000),
            Number(attempt.id),
          ]);
          const result = await call('submit', 'POST', `${baseUrl}/lesson-attempts/${attempt.id}/submit`, worker.token, {
            clientKey: randomUUID(),
            answers: CORRECT_ANSWERS,
          });
          if (result.passed !== true || result.clearance !== 'cleared') {
            throw new Error(`not cleared: ${JSON.stringify(result).slice(0, 200)}`);
          }
          cleared += 1;
        } catch (error) {
          failures.push((error as Error).message);
        }
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  return {
    seconds: elapsed,
    requests,
    cleared,
    failures: failures.slice(0, 20),
    perStep: Object.fromEntries(Object.entries(latencies).map(([step, values]) => [step, summarize(values)])) as Record<
      Step,
      LatencySummary
    >,
    overall: summarize(Object.values(latencies).flat()),
  };
}

function print(results: {
  concurrency: number;
  seconds: number;
  workersCleared: number;
  workersClearedPerMinute: number;
  flowRequestsPerSecond: number;
  healthRequestsPerSecond: number;
  ratioToHealth: number;
  perStep: Record<Step, LatencySummary>;
  overall: LatencySummary;
  failures: string[];
}): void {
  console.log(`\nPre-shift flow, ${results.concurrency} workers at once, ${results.seconds.toFixed(1)} s:`);
  console.log(`  workers cleared            ${results.workersCleared} (${results.workersClearedPerMinute} per minute)`);
  console.log(`  flow requests              ${results.flowRequestsPerSecond} req/s`);
  console.log(`  bare /health, same server  ${results.healthRequestsPerSecond} req/s`);
  console.log(`  ratio                      ${(results.ratioToHealth * 100).toFixed(1)}% of /health`);
  console.log('  per request (ms)           p50      p95      p99');
  for (const [step, figures] of Object.entries({ ...results.perStep, overall: results.overall })) {
    console.log(
      `    ${step.padEnd(24)} ${String(figures.p50).padStart(7)}  ${String(figures.p95).padStart(7)}  ${String(figures.p99).padStart(7)}`,
    );
  }
  if (results.failures.length > 0) console.error(`  failures:\n    ${results.failures.join('\n    ')}`);
}

runBenchmark(TIME_LIMIT_SECONDS, main);
