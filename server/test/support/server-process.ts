import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';

/** The compiled server (server/dist/main.js), as an operator runs it. */
export const SERVER_MAIN = path.resolve(__dirname, '../../dist/main.js');

/** Fails the suite early, with the command to run, when the server has not been built. */
export function requireBuiltServer(): void {
  if (!existsSync(SERVER_MAIN))
    throw new Error(`${SERVER_MAIN} is missing: build the server first (pnpm --filter @ankang/server build)`);
}

/** A loopback port nobody listens on right now. */
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

export interface ServerProcess {
  child: ChildProcess;
  /** All it wrote to stdout and stderr so far. */
  output: () => string;
  /** Its exit code, once it has exited. */
  exited: Promise<number | null>;
}

/** The compiled server in a process of its own, with PATH and `environment` only, its output collected. */
export function spawnServer(environment: Record<string, string>): ServerProcess {
  const child = spawn(process.execPath, [SERVER_MAIN], {
    env: { PATH: process.env.PATH ?? '', ...environment },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const collect = (chunk: Buffer) => {
    output += chunk;
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}
