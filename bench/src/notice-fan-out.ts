import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import path from 'node:path';
import type { Connection } from 'mysql2/promise';
import { signAccessToken } from './access-token';
import {
  adopt,
  benchSettings,
  freePort,
  numberFrom,
  openDatabase,
  ROOT,
  runBenchmark,
  startServerOnFreePort,
  stopChildren,
  writeResults,
} from './bench-support';
import { provinceInFreshDatabase } from './synthetic-province';

/**
 * A union's notice to 200,000 workers, end to end on MariaDB: the compiled server publishes it, its
 * fan-out job writes a receipt, an inbox entry and a WeChat delivery for every recipient, and its
 * delivery worker sends the subscribe messages to the fake WeChat server (a process of its own on
 * loopback) that answers 1% of them with -1 (busy: retried) and 1% with 43101 (refused: never
 * retried). Reported: the time to the last inbox entry and to the last send, sends per second, the
 * server's peak resident memory, the delivery counts (sent + refused + failed = recipients) and the
 * duplicate sends counted by the fake server itself. Baselines in the same run: the same number of
 * rows written by a raw multi-row INSERT loop, and subscribe messages posted straight to the fake
 * server by a raw HTTP loop — the ceilings the fan-out and the sender are compared with.
 */
const {
  mysqlUrl: MYSQL_URL,
  timeLimitSeconds: TIME_LIMIT_SECONDS,
  jwtSecret: JWT_SECRET,
} = benchSettings('ankang_bench_notices', 1800);
const RECIPIENTS = numberFrom('BENCH_RECIPIENTS', 200_000);
const SEND_RATE = numberFrom('BENCH_SEND_RATE', 2000);
const BUSY_PERCENT = Number(process.env.BENCH_BUSY_PERCENT ?? 1);
const REFUSED_PERCENT = Number(process.env.BENCH_REFUSED_PERCENT ?? 1);
/** The first wait before a busy send is tried again (production default 60 s; doubles per attempt). */
const RETRY_BASE_SECONDS = numberFrom('BENCH_RETRY_BASE_SECONDS', 5);
const BASELINE_SENDS = numberFrom('BENCH_BASELINE_SENDS', 20_000);
const APP_ID = 'wx00000000000000b1';
const APP_SECRET = 'benchwechatsecret000000000000000';
const TEMPLATE_ID = 'bench-notice-template-000000000000000000001';
const SEND_PATH = '/cgi-bin/message/subscribe/send';

async function main(): Promise<void> {
  const connection = await openDatabase(MYSQL_URL);
  try {
    const province = await provinceInFreshDatabase(
      connection,
      MYSQL_URL,
      {
        cities: 3,
        counties: 12,
        enterprises: 400,
        workplacesPerEnterprise: 1,
        archivedEvery: 1000,
      },
      `a province for ${RECIPIENTS} workers with a notice grant each`,
    );
    const generated = await createRecipients(connection, province.provinceId);
    console.log(`  ${RECIPIENTS} workers, grants and subscriptions written in ${generated.seconds.toFixed(1)} s`);
    const insertBaseline = await rawInsertBaseline(connection);
    console.log(`  raw INSERT baseline: ${RECIPIENTS} × 3 rows in ${insertBaseline.seconds.toFixed(1)} s`);

    const fake = await startFakeWechat();
    const sendBaseline = await rawSendBaseline(fake.url);
    console.log(`  raw send baseline: ${sendBaseline.perSecond} subscribe messages/s straight to the fake`);
    await fakeControl(fake.url, 'reset');
    await fakeControl(fake.url, 'config', { recordBodies: false, requestLogLimit: 0, faultSeed: 20261130 });
    await fakeControl(fake.url, 'faults', [
      { kind: 'busy', probability: BUSY_PERCENT / 100, path: SEND_PATH },
      { kind: 'errcode', errcode: 43101, probability: REFUSED_PERCENT / 100, path: SEND_PATH },
    ]);

    const { child: server, baseUrl } = await startServerOnFreePort({
      databaseUrl: MYSQL_URL,
      jwtSecret: JWT_SECRET,
      poolSize: 10,
      environment: {
        JOBS_ENABLED: 'true',
        WECHAT_APPID: APP_ID,
        WECHAT_SECRET: APP_SECRET,
        WECHAT_API_BASE_URL: fake.url,
        WECHAT_TEMPLATE_NOTICE: TEMPLATE_ID,
        WECHAT_SEND_RATE_PER_SECOND: String(SEND_RATE),
        WECHAT_SEND_RETRY_BASE_SECONDS: String(RETRY_BASE_SECONDS),
        NOTICE_JOB_INTERVAL_SECONDS: '1',
      },
    });

    const token = signAccessToken(JWT_SECRET, generated.authorId, TIME_LIMIT_SECONDS + 600);
    const run = await publishAndWait(baseUrl, token, province.provinceId, server);
    const peakRssMegabytes = peakResidentMegabytes(server);
    const database = await countInDatabase(connection, run.noticeId);
    const fakeCounts = await fakeSendCounts(fake.url);

    const accounted = run.final.wechatSent + run.final.wechatRefused + run.final.wechatFailed;
    const results = {
      measuredAt: new Date().toISOString(),
      recipients: RECIPIENTS,
      sendRateLimitPerSecond: SEND_RATE,
      retryBaseSeconds: RETRY_BASE_SECONDS,
      injected: { busyPercent: BUSY_PERCENT, refusedPercent: REFUSED_PERCENT },
      fanOutSeconds: run.fanOutSeconds,
      fanOutRecipientsPerSecond: Math.round(RECIPIENTS / run.fanOutSeconds),
      deliverySeconds: run.deliverySeconds,
      sendsPerSecond: Math.round(accounted / run.deliverySeconds),
      // Sends start once the fan-out has queued them: the sender's own pace, against its rate limit.
      sendPhaseSeconds: run.deliverySeconds - run.fanOutSeconds,
      sendPhasePerSecond: Math.round(accounted / (run.deliverySeconds - run.fanOutSeconds)),
      sendCallsPerSecond: Math.round(fakeCounts.calls / run.deliverySeconds),
      peakRssMegabytes,
      counts: {
        wechatSent: run.final.wechatSent,
        wechatRefused: run.final.wechatRefused,
        wechatFailed: run.final.wechatFailed,
        sentPlusRefusedPlusFailed: accounted,
        inbox: database.inbox,
        receipts: database.receipts,
        deliveries: database.deliveries,
      },
      fake: fakeCounts,
      duplicateSends: fakeCounts.duplicates,
      baselines: {
        rawInsertSeconds: insertBaseline.seconds,
        rawSendsPerSecond: sendBaseline.perSecond,
        fanOutShareOfRawInsert: insertBaseline.seconds / run.fanOutSeconds,
        sendShareOfRawSend: accounted / run.deliverySeconds / sendBaseline.perSecond,
      },
    };
    print(results);
    writeResults('notice-fan-out', results);

    const problems = [
      accounted !== RECIPIENTS && `sent + refused + failed = ${accounted}, not ${RECIPIENTS}`,
      database.receipts !== RECIPIENTS && `${database.receipts} receipts for ${RECIPIENTS} recipients`,
      database.inbox !== RECIPIENTS && `${database.inbox} inbox entries for ${RECIPIENTS} recipients`,
      fakeCounts.duplicates !== 0 && `${fakeCounts.duplicates} duplicate sends`,
      fakeCounts.accepted !== run.final.wechatSent &&
        `the fake accepted ${fakeCounts.accepted} messages, the server counts ${run.final.wechatSent} sent`,
    ].filter(Boolean);
    if (problems.length > 0) {
      console.error(`\nFAILED: ${problems.join('; ')}`);
      process.exitCode = 1;
    }
  } finally {
    await stopChildren();
    await connection.end();
  }
}

/** The workers of the generated enterprises (round-robin), each with an openid and one grant for the notice template; and the author. */
async function createRecipients(connection: Connection, provinceId: number) {
  const started = performance.now();
  const [rows] = await connection.query("SELECT id FROM org_unit WHERE kind = 'enterprise' ORDER BY id");
  const enterprises = (rows as { id: number }[]).map((row) => Number(row.id));
  const now = new Date();
  const [first] = await connection.query('SELECT COALESCE(MAX(id), 0) + 1 AS next FROM `user`');
  const firstId = Number((first as { next: number }[])[0].next);
  const batch = 5000;
  for (let start = 0; start < RECIPIENTS; start += batch) {
    const users: unknown[][] = [];
    const grants: unknown[][] = [];
    const subscriptions: unknown[][] = [];
    for (let index = start; index < Math.min(start + batch, RECIPIENTS); index += 1) {
      const id = firstId + index;
      const enterpriseId = enterprises[index % enterprises.length];
      users.push([id, `bench-openid-${id}`, `基准职工${id}`, enterpriseId, now, now]);
      grants.push([id, 'worker', enterpriseId, now]);
      subscriptions.push([id, TEMPLATE_ID, 1, now, now]);
    }
    await connection.query(
      'INSERT INTO `user` (id, open_id, display_name, enterprise_id, created_at, updated_at) VALUES ?',
      [users],
    );
    await connection.query('INSERT INTO role_grant (user_id, role, org_unit_id, created_at) VALUES ?', [grants]);
    await connection.query(
      'INSERT INTO wechat_subscription (user_id, template_id, remaining, created_at, updated_at) VALUES ?',
      [subscriptions],
    );
  }
  const authorId = firstId + RECIPIENTS;
  await connection.query('INSERT INTO `user` (id, display_name, created_at, updated_at) VALUES (?, ?, ?, ?)', [
    authorId,
    '基准省总工会劳动保护部',
    now,
    now,
  ]);
  await connection.query('INSERT INTO role_grant (user_id, role, org_unit_id, created_at) VALUES (?, ?, ?, ?)', [
    authorId,
    'union_staff',
    provinceId,
    now,
  ]);
  await connection.query('ANALYZE TABLE `user`, role_grant, wechat_subscription');
  return { authorId, seconds: (performance.now() - started) / 1000 };
}

/**
 * The floor for the fan-out's writes: as many rows as it writes (a receipt, an inbox entry and a
 * delivery per recipient) into scratch tables of the same shape, 1,000 rows per INSERT, by one
 * connection — no reading of recipients, no transactions around batches, no job.
 */
async function rawInsertBaseline(connection: Connection) {
  const tables = ['notice_receipt', 'inbox_message', 'wechat_message_delivery'];
  for (const table of tables) {
    await connection.query(`DROP TABLE IF EXISTS bench_${table}`);
    await connection.query(`CREATE TABLE bench_${table} LIKE ${table}`);
  }
  const columns = await Promise.all(tables.map((table) => insertableColumns(connection, table)));
  const started = performance.now();
  const batch = 1000;
  for (let start = 0; start < RECIPIENTS; start += batch) {
    for (const [index, table] of tables.entries()) {
      const rows: unknown[][] = [];
      for (let id = start + 1; id <= Math.min(start + batch, RECIPIENTS); id += 1) {
        rows.push(columns[index].map((column) => sampleValue(column, id)));
      }
      await connection.query(
        `INSERT INTO bench_${table} (${columns[index].map((column) => `\`${column.name}\``).join(', ')}) VALUES ?`,
        [rows],
      );
    }
  }
  const seconds = (performance.now() - started) / 1000;
  for (const table of tables) await connection.query(`DROP TABLE bench_${table}`);
  return { seconds };
}

interface ColumnShape {
  name: string;
  type: string;
  nullable: boolean;
  firstEnumValue: string | null;
}

async function insertableColumns(connection: Connection, table: string): Promise<ColumnShape[]> {
  const [rows] = await connection.query(
    `SELECT column_name AS name, data_type AS type, column_type AS columnType, is_nullable AS nullable, extra
       FROM information_schema.columns
      WHERE table_schema = DATABASE() AND table_name = ? ORDER BY ordinal_position`,
    [table],
  );
  return (rows as { name: string; type: string; columnType: string; nullable: string; extra: string }[])
    .filter((row) => !row.extra.includes('auto_increment'))
    .map((row) => ({
      name: row.name,
      type: row.type,
      nullable: row.nullable === 'YES',
      firstEnumValue: /^enum\('([^']*)'/.exec(row.columnType)?.[1] ?? null,
    }));
}

/** A value of the column's type, unique per row where a key might need it. */
function sampleValue(column: ColumnShape, id: number): unknown {
  if (column.nullable) return null;
  if (column.type === 'tinyint') return 0;
  if (column.firstEnumValue !== null) return column.firstEnumValue;
  // The recipient varies per row (unique (notice, user) keys); every other reference is one row.
  if (column.type.includes('int')) return column.name === 'user_id' || !column.name.endsWith('_id') ? id : 1;
  if (column.type.includes('time') || column.type === 'date') return new Date();
  if (column.name === 'data') return '{"thing1":"基准通知"}';
  return `bench-${column.name}-${id}`.slice(0, 60);
}

interface FakeProcess {
  url: string;
}

/** The fake WeChat server as its own process, as the start command runs it. */
async function startFakeWechat(): Promise<FakeProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, [path.join(ROOT, 'tools', 'fake-wechat', 'dist', 'main.js')], {
    env: {
      PATH: process.env.PATH ?? '',
      FAKE_WECHAT_PORT: String(port),
      WECHAT_APPID: APP_ID,
      WECHAT_SECRET: APP_SECRET,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  adopt(child);
  const url = `http://127.0.0.1:${port}`;
  for (let attempt = 0; attempt < 100; attempt += 1) {
    if (child.exitCode !== null) throw new Error(`the fake WeChat server exited with code ${child.exitCode}`);
    if ((await fetch(`${url}/__fake/state`).catch(() => undefined))?.ok) return { url };
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('the fake WeChat server never answered');
}

async function fakeControl(url: string, route: string, body?: unknown): Promise<unknown> {
  const response = await fetch(`${url}/__fake/${route}`, {
    method: body === undefined && route !== 'reset' ? 'GET' : 'POST',
    ...(body === undefined ? {} : { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } }),
  });
  const answer = (await response.json()) as unknown;
  if (!response.ok) throw new Error(`fake WeChat ${route} answered ${response.status}: ${JSON.stringify(answer)}`);
  return answer;
}

/** The fake's own tally of subscribe messages: calls, accepted sends, and (touser, page) pairs accepted more than once. */
async function fakeSendCounts(url: string) {
  const answer = (await fakeControl(url, 'subscribe-counts')) as {
    calls: number;
    accepted: number;
    distinct: number;
    duplicates: number;
  };
  return answer;
}

/**
 * Subscribe messages posted straight to the fake with 16 in flight over kept-alive connections (as
 * the server's WeChat client sends them): what the fake and loopback can take.
 */
async function rawSendBaseline(url: string) {
  const agent = new Agent({ keepAlive: true, maxSockets: 16 });
  const post = (route: string, body: unknown) =>
    new Promise<Record<string, unknown>>((resolve, reject) => {
      const payload = JSON.stringify(body);
      const outgoing = request(
        `${url}${route}`,
        {
          method: 'POST',
          agent,
          headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) },
        },
        (incoming) => {
          const chunks: Buffer[] = [];
          incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
          incoming.on('end', () =>
            resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>),
          );
          incoming.on('error', reject);
        },
      );
      outgoing.on('error', reject);
      outgoing.end(payload);
    });
  const token = await post('/cgi-bin/stable_token', {
    grant_type: 'client_credential',
    appid: APP_ID,
    secret: APP_SECRET,
  });
  const accessToken = String(token.access_token);
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: 16 }, async () => {
      while (next < BASELINE_SENDS) {
        const index = next++;
        const answer = await post(`${SEND_PATH}?access_token=${accessToken}`, {
          touser: `baseline-openid-${index}`,
          template_id: TEMPLATE_ID,
          page: 'pages/notice/detail?id=0',
          miniprogram_state: 'formal',
          lang: 'zh_CN',
          data: { thing1: { value: '基准通知' } },
        });
        if (answer.errcode !== 0) throw new Error(`the raw send baseline got errcode ${String(answer.errcode)}`);
      }
    }),
  );
  const perSecond = Math.round(BASELINE_SENDS / ((performance.now() - started) / 1000));
  agent.destroy();
  return { perSecond };
}

interface Counts {
  recipients: number;
  delivered: number;
  wechatSent: number;
  wechatRefused: number;
  wechatFailed: number;
}

/** Composes and publishes the notice to every worker of the province, then follows its receipts until every message is accounted for. */
async function publishAndWait(baseUrl: string, token: string, provinceId: number, server: ChildProcess) {
  const call = async (method: string, route: string, body?: unknown) => {
    const response = await fetch(`${baseUrl}${route}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const answer = (await response.json()) as Record<string, unknown>;
    if (!response.ok) throw new Error(`${method} ${route} answered ${response.status}: ${JSON.stringify(answer)}`);
    return answer;
  };
  const draft = await call('POST', '/notices', {
    clientKey: randomUUID(),
    title: '关于做好冬季安全生产工作的通知',
    bodyHtml: '<p>入冬以来，各企业要<strong>严格落实</strong>防冻、防滑、防火、防中毒措施。</p>',
    kind: 'warning',
    scopeOrgUnitId: String(provinceId),
    industries: [],
    workerGroups: [],
    roles: ['worker'],
    acknowledgementRequired: true,
    publishAt: null,
  });
  const noticeId = String(draft.id);
  const started = performance.now();
  await call('POST', `/notices/${noticeId}/publish`);
  let fanOutSeconds = 0;
  let last = '';
  for (;;) {
    if (server.exitCode !== null) throw new Error(`the server exited with code ${server.exitCode}`);
    const receipts = await call('GET', `/notices/${noticeId}/receipts`);
    const totals = receipts.totals as Counts;
    const fanOut = (receipts.notice as { fanOut: { state: string; recipients: number } }).fanOut;
    const elapsed = (performance.now() - started) / 1000;
    if (!fanOutSeconds && fanOut.state === 'done') fanOutSeconds = elapsed;
    const accounted = totals.wechatSent + totals.wechatRefused + totals.wechatFailed;
    const line = `  ${elapsed.toFixed(0)} s: fan-out ${fanOut.state} ${fanOut.recipients}, sent ${totals.wechatSent}, refused ${totals.wechatRefused}, failed ${totals.wechatFailed}`;
    if (line !== last) console.log(line);
    last = line;
    if (fanOutSeconds && accounted >= RECIPIENTS) {
      return { noticeId, fanOutSeconds, deliverySeconds: elapsed, final: totals };
    }
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}

/** VmHWM: the most resident memory the server process ever held. */
function peakResidentMegabytes(child: ChildProcess): number {
  const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
  const kilobytes = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return Math.round(kilobytes / 1024);
}

async function countInDatabase(connection: Connection, noticeId: string) {
  const [rows] = await connection.query(
    `SELECT
       (SELECT COUNT(*) FROM notice_receipt WHERE notice_id = ?) AS receipts,
       (SELECT COUNT(*) FROM inbox_message WHERE kind = 'notice_published') AS inbox,
       (SELECT COUNT(*) FROM wechat_message_delivery WHERE purpose = 'notice') AS deliveries`,
    [Number(noticeId)],
  );
  const [row] = rows as { receipts: number; inbox: number; deliveries: number }[];
  return { receipts: Number(row.receipts), inbox: Number(row.inbox), deliveries: Number(row.deliveries) };
}

function print(results: {
  recipients: number;
  fanOutSeconds: number;
  fanOutRecipientsPerSecond: number;
  deliverySeconds: number;
  sendsPerSecond: number;
  sendPhaseSeconds: number;
  sendPhasePerSecond: number;
  peakRssMegabytes: number;
  counts: Record<string, number>;
  duplicateSends: number;
  baselines: Record<string, number>;
}): void {
  console.log(`\nNotice to ${results.recipients} workers on MariaDB`);
  console.log(
    `  fan-out (receipt + inbox + delivery each): ${results.fanOutSeconds.toFixed(1)} s, ${results.fanOutRecipientsPerSecond} recipients/s`,
  );
  console.log(
    `  raw INSERT of the same rows: ${results.baselines.rawInsertSeconds.toFixed(1)} s (fan-out at ${(results.baselines.fanOutShareOfRawInsert * 100).toFixed(0)}% of it)`,
  );
  console.log(
    `  every message accounted for after ${results.deliverySeconds.toFixed(1)} s: ${results.sendsPerSecond} messages/s (raw send loop ${results.baselines.rawSendsPerSecond}/s)`,
  );
  console.log(
    `  the sends alone (after the fan-out): ${results.sendPhaseSeconds.toFixed(1)} s, ${results.sendPhasePerSecond} messages/s against a limit of ${SEND_RATE}/s`,
  );
  console.log(`  peak RSS of the server: ${results.peakRssMegabytes} MB`);
  console.log(`  counts: ${JSON.stringify(results.counts)}`);
  console.log(`  duplicate sends counted by the fake WeChat server: ${results.duplicateSends}`);
}

runBenchmark(TIME_LIMIT_SECONDS, main);
