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

/** A suite jest marks failed although none of its tests failed. */
function suiteFailedOutsideTests(r) {
  return r.status === 'failed' && r.assertionResults.every((a) => a.status !== 'failed');
}

let passed = 0;
let failed = 0;
let report;
if (existsSync(out)) {
  report = JSON.parse(readFileSync(out, 'utf8'));
  passed = report.numPassedTests;
  failed = report.numFailedTests;
  // A suite that failed without a failed test (it failed to load, or an afterAll hook or an
  // unhandled error broke it after its tests passed) adds one failure, so it never passes silently.
  failed += report.testResults.filter(suiteFailedOutsideTests).length;
}
// Jest failed but named no failure (e.g. it crashed before writing a report): still one failure.
if (result.status !== 0 && failed === 0) failed = 1;
console.log(`\nTests: ${passed} passed, ${failed} failed`);
for (const r of report?.testResults?.filter(suiteFailedOutsideTests) ?? []) console.log(`Suite failed outside its tests: ${r.name}`);
process.exit(result.status === 0 && failed === 0 ? 0 : 1);
