import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { run } from 'node:test';
import { spec } from 'node:test/reporters';

/** Runs every *.e2e.js file with the spec reporter and records the counts for the test command. */
const files = [
  'h5-login.e2e.js',
  'scan-landing.e2e.js',
  'hazard-flow.e2e.js',
  'check-in-flow.e2e.js',
  'notice-flow.e2e.js',
].map((file) => path.join(__dirname, file));
let passed = 0;
let failed = 0;
const stream = run({ files, concurrency: 1 });
stream.on('test:pass', (event) => {
  if (event.details.type !== 'suite') passed += 1;
});
stream.on('test:fail', (event) => {
  if (event.details.type !== 'suite') failed += 1;
});
stream.compose(new spec()).pipe(process.stdout);
stream.on('end', () => {
  if (process.env.ANKANG_E2E_REPORT) writeFileSync(process.env.ANKANG_E2E_REPORT, JSON.stringify({ passed, failed }));
  if (failed > 0 || passed === 0) process.exitCode = 1;
});
