// `npm run db:types`: regenerates apps/api/src/core/database/tables.generated.ts from the migrations.
// Compiles first without stopping on type errors: a table name the code already uses but the file
// does not know yet is exactly the error this command fixes.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const tsc = spawnSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-b', 'apps/api'], { cwd: root, stdio: 'inherit' });
if (tsc.status !== 0) console.warn('(type errors above; generating the table types anyway)');
const run = spawnSync(process.execPath, [join(root, 'apps/api/dist/cli/db-types.js'), ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
process.exit(run.status ?? 1);
