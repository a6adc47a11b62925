import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';
import { createConnection } from 'mysql2/promise';

/** What the benchmarks on MariaDB share: settings from the environment, the database, the server under test. */

export const ROOT = path.resolve(__dirname, '..', '..');
export const SERVER_DIST = path.resolve(process.env.BENCH_SERVER_DIST ?? path.join(ROOT, 'server', 'dist'));

export function numberFrom(variable: string, fallback: number): number {
  const value = Number(process.env[variable] ?? fallback);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${variable} must be a positive integer`);
  return value;
}

export function databaseName(url: string): string {
  return new URL(url).pathname.replace(/^\//, '');
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
