import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { type Connection, createConnection } from 'mysql2/promise';

/** What the benchmarks on MariaDB share: settings from the environment, the database, the server under test. */

export const ROOT = path.resolve(__dirname, '..', '..');
export const SERVER_DIST = path.resolve(process.env.BENCH_SERVER_DIST ?? path.join(ROOT, 'server', 'dist'));

export function numberFrom(variable: string, fallback: number): number {
  const value = Number(process.env[variable] ?? fallback);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${variable} must be a positive integer`);
  return value;
}

export interface BenchSettings {
  /** BENCH_MYSQL_URL, or the benchmark's own database on the local MariaDB. */
  mysqlUrl: string;
  /** BENCH_TIME_LIMIT: the benchmark is stopped after this many seconds. */
  timeLimitSeconds: number;
  /** A secret of this run: the server signs and the benchmark forges access tokens with it. */
  jwtSecret: string;
}

/** The settings every MariaDB benchmark reads the same way. */
export function benchSettings(defaultDatabase: string, defaultTimeLimitSeconds: number): BenchSettings {
  return {
    mysqlUrl: process.env.BENCH_MYSQL_URL ?? `mysql://root@127.0.0.1:3306/${defaultDatabase}`,
    timeLimitSeconds: numberFrom('BENCH_TIME_LIMIT', defaultTimeLimitSeconds),
    jwtSecret: randomBytes(32).toString('base64url'),
  };
}

export function databaseName(url: string): string {
  return new URL(url).pathname.replace(/^\//, '');
}

/** The benchmark's database, created when missing, and a connection to it that reads and writes UTC. */
export async function openDatabase(url: string): Promise<Connection> {
  await createDatabaseIfMissing(url);
  return createConnection({ uri: url, timezone: 'Z' });
}

export async function createDatabaseIfMissing(url: string): Promise<void> {
  const parsed = new URL(url);
  const name = databaseName(url);
  if (!/^[A-Za-z0-9_]+$/.test(name)) throw new Error(`BENCH_MYSQL_URL names an odd database: ${name}`);
  const connection = await createConnection({
    host: parsed.hostname,
    port: Number(parsed.port || 3306),
    user: decodeURIComponent(parsed.username),
    password: decodeURIComponent(parsed.password),
  });
  try {
    await connection.query(`CREATE DATABASE IF NOT EXISTS \`${name}\``);
  } finally {
    await connection.end();
  }
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/** The processes a benchmark started: stopped on every way out, the time limit included. */
const children: ChildProcess[] = [];

/** Counts `child` among the processes stopped when the benchmark ends. */
export function adopt(child: ChildProcess): ChildProcess {
  children.push(child);
  return child;
}

/** Sends SIGTERM to every process the benchmark started that still runs, and waits until they have exited. */
export async function stopChildren(): Promise<void> {
  const running = children.filter((child) => child.exitCode === null && child.signalCode === null);
  await Promise.all(
    running.map((child) => {
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      return exited;
    }),
  );
}

function killChildren(): void {
  for (const child of children) child.kill('SIGKILL');
}

/**
 * Runs a benchmark: stopped with exit code 2 after BENCH_TIME_LIMIT seconds, with exit code 1 when
 * it throws; either way the processes it started are killed.
 */
export function runBenchmark(timeLimitSeconds: number, main: () => Promise<void>): void {
  const watchdog = setTimeout(() => {
    console.error(`\nThe benchmark exceeded BENCH_TIME_LIMIT (${timeLimitSeconds} s) and was stopped.`);
    killChildren();
    process.exit(2);
  }, timeLimitSeconds * 1000);
  watchdog.unref();
  main().catch((error: unknown) => {
    killChildren();
    console.error(`\nThe benchmark failed: ${(error as Error)?.stack ?? String(error)}`);
    process.exit(1);
  });
}

/** Writes the figures to bench/results/<name>.json; the file's path. */
export function writeResults(name: string, results: unknown): string {
  const directory = path.join(__dirname, '..', 'results');
  mkdirSync(directory, { recursive: true });
  const file = path.join(directory, `${name}.json`);
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
  return file;
}

export interface ServerUnderTest {
  port: number;
  databaseUrl: string;
  jwtSecret: string;
  poolSize: number;
  /** Extra environment, e.g. a storage folder. */
  environment?: Record<string, string>;
}

/** The compiled server (server/dist/main.js), as an operator runs it, on the benchmark's database. */
export function startServer(options: ServerUnderTest): ChildProcess {
  // BENCH_SERVER_NODE_ARGUMENTS, e.g. `--cpu-prof --cpu-prof-dir=/tmp/profile`, shows where the server spends its time.
  const nodeArguments = (process.env.BENCH_SERVER_NODE_ARGUMENTS ?? '').split(' ').filter(Boolean);
  return spawn(process.execPath, [...nodeArguments, path.join(SERVER_DIST, 'main.js')], {
    env: {
      PATH: process.env.PATH ?? '',
      // Lets a server compiled outside server/ find server/node_modules.
      ...(process.env.NODE_PATH ? { NODE_PATH: process.env.NODE_PATH } : {}),
      NODE_ENV: 'development',
      HOST: '127.0.0.1',
      PORT: String(options.port),
      DATABASE_URL: options.databaseUrl,
      DATABASE_POOL_SIZE: String(options.poolSize),
      JWT_SECRET: options.jwtSecret,
      LOG_LEVEL: 'warn',
      DEV_LOGIN: 'false',
      JOBS_ENABLED: 'false',
      ...options.environment,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

export async function waitForHealth(url: string, child: ChildProcess): Promise<void> {
  for (let attempt = 0; attempt < 300; attempt += 1) {
    if (child.exitCode !== null) throw new Error(`The server exited with code ${child.exitCode} before it answered`);
    if ((await fetch(url).catch(() => undefined))?.ok) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${url} never answered`);
}

export interface StartedServer {
  child: ChildProcess;
  /** http://127.0.0.1:<port>/api/v1 */
  baseUrl: string;
}

/** The compiled server on a free port, stopped with the benchmark, once its /health answers. */
export async function startServerOnFreePort(options: Omit<ServerUnderTest, 'port'>): Promise<StartedServer> {
  const port = await freePort();
  const child = adopt(startServer({ ...options, port }));
  const baseUrl = `http://127.0.0.1:${port}/api/v1`;
  await waitForHealth(`${baseUrl}/health`, child);
  return { child, baseUrl };
}
