// `npm run lint`: type-checks everything TypeScript in the repo, each part with its own config:
// the libs and the API (tsc -b, the build's project references), the web app (Vite's bundler
// resolution, DOM types) and the tests (unit specs, integration and browser tests, with jest types).
// Runs every step even after a failure, so one run lists every error; exits 1 if any failed.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
const steps = [
  ['libs and API', ['-b']],
  ['web app', ['-p', 'apps/tenant-web/tsconfig.json', '--noEmit']],
  ['tests', ['-p', 'tsconfig.tests.json']],
];

const failed = [];
for (const [name, args] of steps) {
  console.log(`› type-checking ${name} (tsc ${args.join(' ')})`);
  const result = spawnSync(process.execPath, [tsc, ...args], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) failed.push(name);
}
console.log('› checking that only repositories reach the database (scripts/check-data-access.mjs)');
if (spawnSync(process.execPath, [join(root, 'scripts/check-data-access.mjs')], { cwd: root, stdio: 'inherit' }).status !== 0) failed.push('data access');
if (failed.length) {
  console.error(`\nlint failed: ${failed.join(', ')}`);
  process.exit(1);
}
