import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const ROOT = path.resolve(__dirname, '..', '..', '..');
const FAKE_APPID = 'wx00000000000000a1';
const FAKE_SECRET = 'fakewechatsecret0000000000000000';

export interface Stack {
  baseUrl: string;
  /** The server's SQLite file, for the few facts a test must set that no screen sets (a clock, a wait). */
  databaseFile: string;
  logs(): string;
  stop(): Promise<void>;
}

export function freePort(): Promise<number> {
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

async function waitForOk(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const response = await fetch(url).catch(() => undefined);
    if (response?.ok) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms`);
}

/**
 * The built product as the start command runs it — the fake WeChat server and the server serving the
 * H5 build — on a fresh SQLite file seeded with the demo province.
 */
export async function startStack(): Promise<Stack> {
  for (const built of ['server/dist/main.js', 'tools/fake-wechat/dist/main.js', 'miniprogram/dist/h5/index.html']) {
    if (!existsSync(path.join(ROOT, built))) throw new Error(`${built} is missing: build it first (npm test does)`);
  }
  const scratch = mkdtempSync(path.join(tmpdir(), 'ankang-e2e-'));
  const databaseFile = path.join(scratch, 'ankang.sqlite');
  const [port, wechatPort] = [await freePort(), await freePort()];
  let output = '';
  const children: ChildProcess[] = [];
  const launch = (script: string, environment: Record<string, string>) => {
    const child = spawn(process.execPath, [path.join(ROOT, script)], {
      env: { PATH: process.env.PATH ?? '', ...environment },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout?.on('data', (chunk) => {
      output += chunk;
    });
    child.stderr?.on('data', (chunk) => {
      output += chunk;
    });
    children.push(child);
  };
  launch('tools/fake-wechat/dist/main.js', {
    FAKE_WECHAT_PORT: String(wechatPort),
    WECHAT_APPID: FAKE_APPID,
    WECHAT_SECRET: FAKE_SECRET,
  });
  launch('server/dist/main.js', {
    NODE_ENV: 'development',
    PORT: String(port),
    SQLITE_FILE: databaseFile,
    SEED_DEMO: 'true',
    WECHAT_APPID: FAKE_APPID,
    WECHAT_SECRET: FAKE_SECRET,
    WECHAT_API_BASE_URL: `http://127.0.0.1:${wechatPort}`,
    LOG_LEVEL: 'warn',
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  const stop = async () => {
    await Promise.all(
      children.map(
        (child) =>
          new Promise<void>((resolve) => {
            if (child.exitCode !== null) return resolve();
            child.once('exit', () => resolve());
            child.kill('SIGTERM');
          }),
      ),
    );
    rmSync(scratch, { recursive: true, force: true });
  };
  try {
    await waitForOk(`${baseUrl}/api/v1/health`, 30_000);
  } catch (error) {
    await stop();
    throw new Error(`${(error as Error).message}\n${output}`);
  }
  return { baseUrl, databaseFile, logs: () => output, stop };
}
