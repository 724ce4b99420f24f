// `npm run build` (and so `npm start`): compiles the libs and the API with tsc project references
// (incremental, so a second run is quick) and builds the web app when its sources changed.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const bin = (name) => join(root, 'node_modules', '.bin', name);
const run = (cmd, args) => execFileSync(cmd, args, { cwd: root, stdio: 'inherit' });

console.log('› compiling libs and API (tsc -b)');
run(bin('tsc'), ['-b', 'apps/api', 'libs/instagram-graph']);

const newest = (dir) => {
  let t = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist') continue;
    const p = join(dir, entry.name);
    t = Math.max(t, entry.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
};
const webDir = join(root, 'apps/tenant-web');
const webIndex = join(webDir, 'dist/index.html');
if (!existsSync(join(webDir, 'vite.config.ts'))) {
  console.log('› web app not present yet; skipping');
} else {
  const sources = Math.max(newest(webDir), newest(join(root, 'libs/contracts/src')), newest(join(root, 'libs/authz/src')));
  if (existsSync(webIndex) && statSync(webIndex).mtimeMs >= sources && process.env.FORCE_WEB_BUILD !== '1') {
    console.log('› web app is up to date');
  } else {
    console.log('› building web app (vite)');
    run(bin('vite'), ['build', '--config', 'apps/tenant-web/vite.config.ts', '--logLevel', 'warn']);
  }
}
