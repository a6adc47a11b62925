import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';

/**
 * /health throughput of the real server (SQLite, pino, helmet, validation, the global guard and
 * filter) against a bare Nest-on-Fastify app, measured in the same run, alternating, so machine
 * noise hits both. Bounded: fixed connections and duration, on loopback.
 */
const ROOT = path.resolve(__dirname, '..', '..');
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const DURATION_SECONDS = Number(process.env.BENCH_DURATION ?? 10);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);

interface Figures {
  target: string;
  round: number;
  requestsPerSecond: number;
  latencyP50: number;
  latencyP99: number;
  errors: number;
  non2xx: number;
  serverRssMegabytes: number;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

async function waitForOk(url: string): Promise<void> {
  for (let attempt = 0; attempt < 150; attempt += 1) {
    if ((await fetch(url).catch(() => undefined))?.ok) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${url} never answered`);
}

function rssMegabytes(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kilobytes = Number(status.match(/VmRSS:\s+(\d+)/)?.[1] ?? 0);
    return Math.round(kilobytes / 1024);
  } catch {
    return 0;
  }
}

async function measure(target: string, round: number, script: string, environment: Record<string, string>) {
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, [script], {
    env: { PATH: process.env.PATH ?? '', ...environment, PORT: String(port) },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}/api/v1/health`;
  try {
    await waitForOk(url);
    // Warm up the JIT and the connection pool before the measured run.
    await autocannon({ url, connections: CONNECTIONS, duration: 2 });
    const result = await autocannon({ url, connections: CONNECTIONS, duration: DURATION_SECONDS });
    const figures: Figures = {
      target,
      round,
      requestsPerSecond: Math.round(result.requests.average),
      latencyP50: result.latency.p50,
      latencyP99: result.latency.p99,
      errors: result.errors + result.timeouts,
      non2xx: result.non2xx,
      serverRssMegabytes: rssMegabytes(child.pid ?? 0),
    };
    return figures;
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
  }
}

async function main() {
  const scratch = mkdtempSync(path.join(tmpdir(), 'ankang-bench-'));
  const targets: [string, string, Record<string, string>][] = [
    ['bare Nest+Fastify', path.join(__dirname, 'bare-app.js'), {}],
    [
      'ankang server (SQLite)',
      path.join(ROOT, 'server/dist/main.js'),
      { SQLITE_FILE: path.join(scratch, 'bench.sqlite'), LOG_LEVEL: 'info' },
    ],
  ];
  if (process.env.BENCH_MYSQL_URL) {
    targets.push([
      'ankang server (MariaDB)',
      path.join(ROOT, 'server/dist/main.js'),
      { DATABASE_URL: process.env.BENCH_MYSQL_URL, LOG_LEVEL: 'info' },
    ]);
  }
  const all: Figures[] = [];
  for (let round = 1; round <= ROUNDS; round += 1) {
    for (const [name, script, environment] of targets) {
      const figures = await measure(name, round, script, environment);
      all.push(figures);
      console.log(
        `round ${round}  ${name.padEnd(26)} ${String(figures.requestsPerSecond).padStart(7)} req/s  p50 ${figures.latencyP50} ms  p99 ${figures.latencyP99} ms  errors ${figures.errors}  non-2xx ${figures.non2xx}  RSS ${figures.serverRssMegabytes} MB`,
      );
    }
  }
  rmSync(scratch, { recursive: true, force: true });

  const best = (name: string) =>
    Math.max(...all.filter((figure) => figure.target === name).map((f) => f.requestsPerSecond));
  const baseline = best(targets[0][0]);
  console.log(`\n/health, ${CONNECTIONS} connections, ${DURATION_SECONDS} s per run, best of ${ROUNDS} rounds:`);
  for (const [name] of targets) {
    console.log(
      `  ${name.padEnd(26)} ${String(best(name)).padStart(7)} req/s  (${((best(name) / baseline) * 100).toFixed(0)}% of the bare app)`,
    );
  }
  const resultsDirectory = path.join(__dirname, '..', 'results');
  mkdirSync(resultsDirectory, { recursive: true });
  writeFileSync(
    path.join(resultsDirectory, 'health-throughput.json'),
    JSON.stringify(
      { measuredAt: new Date().toISOString(), connections: CONNECTIONS, durationSeconds: DURATION_SECONDS, runs: all },
      null,
      2,
    ),
  );
  if (all.some((figure) => figure.errors > 0 || figure.non2xx > 0)) {
    console.error('Some requests failed: the figures above are not comparable.');
    process.exitCode = 1;
  }
}

void main();
