import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort, requireBuiltServer, spawnServer } from './support/server-process';

/**
 * The compiled server as an operator starts it: bad configuration must stop it with a message that
 * names the variable, and a good one must start, answer and shut down cleanly on SIGTERM.
 */
const PRODUCTION_BASE = {
  NODE_ENV: 'production',
  JWT_SECRET: 'p'.repeat(48),
  WECHAT_APPID: 'wx0000000000000001',
  WECHAT_SECRET: 's'.repeat(32),
  DEV_LOGIN: 'false',
};

interface Exit {
  code: number | null;
  output: string;
}

function runServer(environment: Record<string, string>, timeoutMs = 20_000): Promise<Exit> {
  const server = spawnServer({ LOG_LEVEL: 'warn', ...environment });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      server.child.kill('SIGKILL');
      reject(new Error(`The server did not exit within ${timeoutMs} ms:\n${server.output()}`));
    }, timeoutMs);
    void server.exited.then((code) => {
      clearTimeout(timer);
      resolve({ code, output: server.output() });
    });
  });
}

let scratch: string;

beforeAll(() => {
  requireBuiltServer();
  scratch = mkdtempSync(path.join(tmpdir(), 'ankang-boot-'));
});

afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
});

describe('configuration errors stop the server with a message naming the variable', () => {
  it.each([
    ['a malformed DATABASE_URL', { DATABASE_URL: 'mysql//root@localhost/test' }, 'DATABASE_URL'],
    ['a DATABASE_URL of another database', { DATABASE_URL: 'postgres://root@127.0.0.1/test' }, 'DATABASE_URL'],
    ['a DATABASE_URL without a database', { DATABASE_URL: 'mysql://root@127.0.0.1:3306/' }, 'DATABASE_URL'],
    [
      'an unreachable MySQL',
      { DATABASE_URL: 'mysql://root@127.0.0.1:1/test', DATABASE_CONNECT_RETRIES: '0' },
      'DATABASE_URL',
    ],
    ['production without a JWT secret', { ...PRODUCTION_BASE, JWT_SECRET: '' }, 'JWT_SECRET'],
    ['production with a short JWT secret', { ...PRODUCTION_BASE, JWT_SECRET: 'short' }, 'JWT_SECRET'],
    ['production without a WeChat appid', { ...PRODUCTION_BASE, WECHAT_APPID: '' }, 'WECHAT_APPID'],
    ['production without a WeChat secret', { ...PRODUCTION_BASE, WECHAT_SECRET: '' }, 'WECHAT_SECRET'],
    ['production with the dev login enabled', { ...PRODUCTION_BASE, DEV_LOGIN: 'true' }, 'DEV_LOGIN'],
    ['production with demo seeding', { ...PRODUCTION_BASE, SEED_DEMO: 'true' }, 'SEED_DEMO'],
    ['a port that is not a number', { PORT: 'eighty' }, 'PORT'],
  ])('%s', async (_case, environment, variable) => {
    const exit = await runServer({ SQLITE_FILE: path.join(scratch, 'never-used.sqlite'), ...environment });
    expect(exit.code).toBe(1);
    expect(exit.output).toContain(`Invalid configuration: ${variable}`);
    expect(exit.output).not.toContain('   at ');
  });

  it('never prints the database password', async () => {
    const exit = await runServer({
      DATABASE_URL: 'mysql://root:hunter2@127.0.0.1:1/test',
      DATABASE_CONNECT_RETRIES: '0',
    });
    expect(exit.code).toBe(1);
    expect(exit.output).toContain('DATABASE_URL');
    expect(exit.output).not.toContain('hunter2');
  });
});

describe('a good configuration', () => {
  let child: ChildProcess | undefined;

  afterEach(() => {
    child?.kill('SIGKILL');
  });

  it('starts on SQLite, seeds, answers /health and shuts down cleanly on SIGTERM', async () => {
    const port = await freePort();
    const server = spawnServer({
      PORT: String(port),
      SQLITE_FILE: path.join(scratch, 'boot.sqlite'),
      SEED_DEMO: 'true',
      LOG_LEVEL: 'info',
    });
    child = server.child;

    let health: Response | undefined;
    for (let attempt = 0; attempt < 100 && !health; attempt += 1) {
      health = await fetch(`http://127.0.0.1:${port}/api/v1/health`).catch(() => undefined);
      if (!health) await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(health?.status).toBe(200);
    expect(await health?.json()).toEqual(expect.objectContaining({ status: 'ok' }));
    const refused = await fetch(`http://127.0.0.1:${port}/api/v1/me`, { headers: { 'x-request-id': 'gate-3-boot' } });
    expect(refused.status).toBe(401);

    child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
    const output = server.output();
    expect(output).toContain('SIGTERM received');
    expect(output).toContain('Seeded the demo province');
    // One JSON log line per request, carrying the request id the caller sent; /health polls are not logged.
    const requestLines = output.split('\n').filter((line) => line.includes('"msg":"request completed"'));
    expect(requestLines).toHaveLength(1);
    expect(JSON.parse(requestLines[0])).toEqual(
      expect.objectContaining({ requestId: 'gate-3-boot', url: '/api/v1/me', statusCode: 401 }),
    );
  });
});
