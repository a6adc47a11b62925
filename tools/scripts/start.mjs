// @ts-check
// The README's first command: install, build, migrate and seed an embedded SQLite with the demo
// province, start the fake WeChat server and the server on 127.0.0.1:3000 (API + H5), print logins.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { installEnvironment, pnpmCommand, ROOT, run, waitForOk } from './lib.mjs';

const HOST = process.env.HOST ?? '127.0.0.1';
const PORT = process.env.PORT ?? '3000';
const FAKE_WECHAT_PORT = process.env.FAKE_WECHAT_PORT ?? '3100';
// The fake's default credentials: the server must present the same ones.
const FAKE_APPID = 'wx00000000000000a1';
const FAKE_SECRET = 'fakewechatsecret0000000000000000';

/** @type {import('node:child_process').ChildProcess[]} */
const children = [];

/**
 * @param {string} label
 * @param {string} script
 * @param {Record<string, string>} environment
 */
function launch(label, script, environment) {
  const child = spawn(process.execPath, [script], {
    cwd: ROOT,
    env: { ...process.env, ...environment },
    stdio: 'inherit',
  });
  child.on('exit', (code, signal) => {
    if (!stopping) {
      console.error(`\n${label} stopped (${signal ?? `exit code ${code}`}); shutting down.`);
      stop(code ?? 1);
    }
  });
  children.push(child);
  return child;
}

let stopping = false;
/** @param {number} code */
function stop(code) {
  stopping = true;
  for (const child of children) child.kill('SIGTERM');
  setTimeout(() => process.exit(code), 3000).unref();
  Promise.all(
    children.map(
      (child) => new Promise((resolve) => (child.exitCode !== null ? resolve(0) : child.on('exit', resolve))),
    ),
  ).then(() => process.exit(code));
}

async function main() {
  const pnpm = pnpmCommand();
  await run('Install dependencies', [...pnpm, 'install', '--frozen-lockfile'], { env: installEnvironment() });
  await run('Build shared, fake WeChat and server', [
    ...pnpm,
    '--filter',
    '@ankang/shared',
    '--filter',
    '@ankang/fake-wechat',
    '--filter',
    '@ankang/server',
    'run',
    'build',
  ]);
  await run('Build the H5 mini program', [...pnpm, '--filter', '@ankang/miniprogram', 'run', 'build:h5']);

  launch('fake WeChat', path.join(ROOT, 'tools/fake-wechat/dist/main.js'), {
    FAKE_WECHAT_PORT,
    WECHAT_APPID: FAKE_APPID,
    WECHAT_SECRET: FAKE_SECRET,
  });
  await waitForOk(`http://127.0.0.1:${FAKE_WECHAT_PORT}/__fake/requests`, 15_000);

  launch('server', path.join(ROOT, 'server/dist/main.js'), {
    NODE_ENV: 'development',
    HOST,
    PORT,
    SEED_DEMO: 'true',
    DEV_LOGIN: 'true',
    WECHAT_APPID: FAKE_APPID,
    WECHAT_SECRET: FAKE_SECRET,
    WECHAT_API_BASE_URL: `http://127.0.0.1:${FAKE_WECHAT_PORT}`,
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'info',
    LOG_PRETTY: 'true',
  });
  const base = `http://${HOST}:${PORT}`;
  const health = /** @type {import('@ankang/shared').HealthResponse} */ (
    await (await waitForOk(`${base}/api/v1/health`, 60_000)).json()
  );
  const demoUsers = /** @type {import('@ankang/shared').DemoUserSummary[]} */ (
    await (await fetch(`${base}/api/v1/auth/dev-users`)).json()
  );

  console.log(`
──────────────────────────────────────────────────────────────
 安康 is running
   H5 app      ${base}/
   API         ${base}/api/v1   (health: ${health.status}, database: ${health.database.driver})
   API docs    ${base}/api/docs
   fake WeChat http://127.0.0.1:${FAKE_WECHAT_PORT}
 Demo logins (on the H5 login page, pick one):`);
  for (const user of demoUsers) {
    console.log(`   ${user.username.padEnd(26)} ${user.displayName}  ${user.description}`);
  }
  console.log(` The database is server/data/ankang.sqlite; delete it for a fresh demo province.
 Ctrl+C stops everything.
──────────────────────────────────────────────────────────────`);
}

process.once('SIGINT', () => stop(0));
process.once('SIGTERM', () => stop(0));
main().catch((error) => {
  console.error(`\n${error.message}`);
  stop(1);
});
