// @ts-check
// Helpers shared by the start and test commands. Plain Node (no dependencies): they must run on a
// fresh machine before anything is installed.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const PNPM_VERSION = '12.4.2';

/** The pnpm to run: the pinned version if installed, else the pinned version through npx. */
export function pnpmCommand() {
  try {
    const version = execFileSync('pnpm', ['--version'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
    if (version === PNPM_VERSION) return ['pnpm'];
  } catch {
    // Not installed: fall through to npx.
  }
  return ['npx', '--yes', `pnpm@${PNPM_VERSION}`];
}

/** Environment for installs: better-sqlite3 compiles against the Node headers in /usr/include/node. */
export function installEnvironment() {
  const environment = { ...process.env };
  if (!environment.npm_config_nodedir && existsSync('/usr/include/node/node.h'))
    environment.npm_config_nodedir = '/usr';
  return environment;
}

/**
 * Runs a command with inherited output, resolving with the seconds it took, rejecting on failure.
 * @param {string} label
 * @param {string[]} argv
 * @param {{ cwd?: string, env?: NodeJS.ProcessEnv }} [options]
 * @returns {Promise<number>}
 */
export function run(label, argv, options = {}) {
  const started = Date.now();
  console.log(`\n▶ ${label}\n  $ ${argv.join(' ')}`);
  return new Promise((resolve, reject) => {
    const child = spawn(argv[0], argv.slice(1), {
      cwd: options.cwd ?? ROOT,
      env: options.env ?? process.env,
      stdio: 'inherit',
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      const seconds = (Date.now() - started) / 1000;
      if (code === 0) {
        console.log(`✔ ${label} (${seconds.toFixed(1)} s)`);
        resolve(seconds);
      } else {
        reject(new Error(`${label} failed (${signal ?? `exit code ${code}`}) after ${seconds.toFixed(1)} s`));
      }
    });
  });
}

/**
 * Waits until the URL answers 200.
 * @param {string} url
 * @param {number} timeoutMs
 */
export async function waitForOk(url, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const response = await fetch(url).catch(() => undefined);
    if (response?.ok) return response;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms`);
}
