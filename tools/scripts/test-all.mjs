// @ts-check
// The README's second command: every check the project has, in dependency order, with a summary of
// test counts per suite, the database backends covered, sizes and timings.
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { installEnvironment, pnpmCommand, ROOT, run } from './lib.mjs';

const RESULTS = path.join(ROOT, '.tmp', 'test-results');
const pnpm = pnpmCommand();
/** @type {{ step: string, seconds: number }[]} */
const timings = [];
/** @type {{ suite: string, passed: number, failed: number, total: number }[]} */
const counts = [];

/**
 * @param {string} label
 * @param {string[]} argv
 * @param {{ env?: NodeJS.ProcessEnv }} [options]
 */
async function step(label, argv, options = {}) {
  timings.push({ step: label, seconds: await run(label, argv, options) });
}

/**
 * Runs a jest suite with a JSON report, and records its counts even when it fails.
 * @param {string} suite
 * @param {string} packageName
 * @param {string} script
 * @param {string[]} [extraArguments]
 * @param {Record<string, string>} [environment]
 */
async function jestSuite(suite, packageName, script, extraArguments = [], environment = {}) {
  const report = path.join(RESULTS, `${suite}.json`);
  try {
    await step(
      `Tests: ${suite}`,
      [...pnpm, '--filter', packageName, 'run', script, '--json', `--outputFile=${report}`, ...extraArguments],
      {
        env: { ...process.env, ...environment },
      },
    );
  } finally {
    if (existsSync(report)) {
      const result = JSON.parse(readFileSync(report, 'utf8'));
      counts.push({ suite, passed: result.numPassedTests, failed: result.numFailedTests, total: result.numTotalTests });
    }
  }
}

function summary() {
  console.log('\n════════ Summary ════════');
  for (const { suite, passed, failed, total } of counts) {
    console.log(
      `  ${suite.padEnd(28)} ${String(passed).padStart(4)} passed ${String(failed).padStart(3)} failed  (${total} tests)`,
    );
  }
  const backends = path.join(RESULTS, 'backends.txt');
  if (existsSync(backends)) console.log(`  database backends covered: ${readFileSync(backends, 'utf8').trim()}`);
  const e2e = path.join(RESULTS, 'e2e.json');
  if (existsSync(e2e)) {
    const result = JSON.parse(readFileSync(e2e, 'utf8'));
    console.log(
      `  e2e (Chromium)               ${String(result.passed).padStart(4)} passed ${String(result.failed).padStart(3)} failed`,
    );
  }
  const total = timings.reduce((sum, timing) => sum + timing.seconds, 0);
  for (const { step: label, seconds } of timings) console.log(`  ${seconds.toFixed(1).padStart(6)} s  ${label}`);
  console.log(`  ${total.toFixed(1).padStart(6)} s  in all`);
}

async function main() {
  rmSync(RESULTS, { recursive: true, force: true });
  mkdirSync(RESULTS, { recursive: true });

  await step('Install dependencies', [...pnpm, 'install', '--frozen-lockfile'], { env: installEnvironment() });
  await step('Lint and format check (Biome)', [...pnpm, 'exec', 'biome', 'check', '.']);
  await step('Build shared and fake WeChat', [
    ...pnpm,
    '--filter',
    '@ankang/shared',
    '--filter',
    '@ankang/fake-wechat',
    'run',
    'build',
  ]);
  await step('Type-check every package', [...pnpm, '-r', '--workspace-concurrency=1', 'run', 'typecheck']);
  await jestSuite('shared', '@ankang/shared', 'test');
  await jestSuite('fake-wechat', '@ankang/fake-wechat', 'test');
  await jestSuite('server unit', '@ankang/server', 'test');
  await step('Build server', [...pnpm, '--filter', '@ankang/server', 'run', 'build']);
  await jestSuite('server integration', '@ankang/server', 'test:integration', [], {
    ANKANG_BACKENDS_REPORT: path.join(RESULTS, 'backends.txt'),
  });
  await jestSuite('mini program components', '@ankang/miniprogram', 'test');
  await step('Build mini program (weapp)', [...pnpm, '--filter', '@ankang/miniprogram', 'run', 'build:weapp']);
  await step('Check weapp output', [...pnpm, '--filter', '@ankang/miniprogram', 'run', 'check:weapp']);
  await step('Build mini program (H5)', [...pnpm, '--filter', '@ankang/miniprogram', 'run', 'build:h5']);
  await step('End-to-end in Chromium', [...pnpm, '--filter', '@ankang/e2e', 'run', 'test'], {
    env: { ...process.env, ANKANG_E2E_REPORT: path.join(RESULTS, 'e2e.json') },
  });
}

main().then(
  () => {
    summary();
    console.log('\nAll checks passed.');
  },
  (error) => {
    summary();
    console.error(`\n${error.message}`);
    process.exit(1);
  },
);
