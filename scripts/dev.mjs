// `npm run dev`: tsc in watch mode, the API restarted on every rebuild (node --watch), and Vite with
// hot reload on :5173 proxying /api to the API (open http://demo.localhost:5173).
import { spawn, execFileSync } from 'node:child_process';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const bin = (name) => join(root, 'node_modules/.bin', name);
execFileSync(bin('tsc'), ['-b', 'apps/api'], { cwd: root, stdio: 'inherit' });
const children = [
  spawn(bin('tsc'), ['-b', '-w', '--preserveWatchOutput', 'apps/api'], { cwd: root, stdio: 'inherit' }),
  spawn(process.execPath, ['--watch-path=apps/api/dist', 'apps/api/dist/main.js'], { cwd: root, stdio: 'inherit' }),
  spawn(bin('vite'), ['--config', 'apps/tenant-web/vite.config.ts', '--host', '0.0.0.0'], { cwd: root, stdio: 'inherit' }),
];
const stop = () => {
  for (const c of children) c.kill('SIGTERM');
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
