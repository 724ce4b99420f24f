// `npm test`: every jest project (unit, integration on PostgreSQL + Redis, browser on Chromium) in
// one run, then one total line across them for CI: `Tests: N passed, N failed`.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;

// The integration template is built from the compiled API (apps/api/test/support/global-setup.mjs)
// and the browser tests drive the built web app: build both first (incremental, quick when fresh).
const build = spawnSync(process.execPath, [join(root, 'scripts/build.mjs')], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) {
  console.log('\nTests: 0 passed, 1 failed');
  process.exit(1);
}
// The full run (CI) type-checks what the build does not compile: the web app and the tests
// (scripts/lint.mjs). A run filtered to some files skips it for speed; LINT=1 forces it.
if (process.argv.length <= 2 || process.env.LINT === '1') {
  const lint = spawnSync(process.execPath, [join(root, 'scripts/lint.mjs')], { cwd: root, stdio: 'inherit' });
  if (lint.status !== 0) {
    console.log('\nTests: 0 passed, 1 failed');
    process.exit(1);
  }
}
const out = join(mkdtempSync(join(tmpdir(), 'ig-jest-')), 'results.json');
const args = [
  '--experimental-vm-modules',
  join(root, 'node_modules/jest/bin/jest.js'),
  '--maxWorkers=2',
  '--json',
  `--outputFile=${out}`,
  ...process.argv.slice(2),
];
const result = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit', env: { ...process.env, NODE_NO_WARNINGS: '1' } });

let passed = 0;
let failed = 0;
if (existsSync(out)) {
  const report = JSON.parse(readFileSync(out, 'utf8'));
  passed = report.numPassedTests;
  failed = report.numFailedTests;
  // A suite that failed to load runs no tests: count it, so it can never pass silently.
  failed += report.testResults.filter((r) => r.status === 'failed' && r.assertionResults.length === 0).length;
}
console.log(`\nTests: ${passed} passed, ${failed} failed`);
process.exit(result.status === 0 && failed === 0 ? 0 : 1);
