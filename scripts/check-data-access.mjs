// Database access only from repositories: a file under apps/api/src may import MikroORM, `pg`,
// `kysely`, TenantDb or the `sql` template only if it is a `*.repository.ts`, lives in core/database
// or core/tenancy (the data path itself), defines rows (`*.entity.ts`, `@mikro-orm/core` only), or
// is a composition root that wires the ORM into Nest. Run by `npm run lint`; names each offending
// file and import. (ESLint is not installed; this is its `no-restricted-imports`, for our layout.)
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const src = join(root, 'apps/api/src');

const RESTRICTED = [/^@mikro-orm\//, /^pg$/, /^kysely$/, /\/tenancy\/tenant-db\.js$/, /\/database\/sql(-filter)?\.js$/];
const COMPOSITION_ROOTS = new Set(['bootstrap.ts', 'app.module.ts', 'main.ts', 'worker.ts']);

function allowed(file, specifier) {
  if (file.endsWith('.repository.ts')) return true;
  if (file.startsWith('core/database/') || file.startsWith('core/tenancy/') || file.startsWith('cli/')) return true;
  if (file.endsWith('.entity.ts') || file === 'core/database/tenant-entities.ts') return specifier === '@mikro-orm/core';
  return COMPOSITION_ROOTS.has(file);
}

function* walk(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(path);
    else if (entry.name.endsWith('.ts')) yield path;
  }
}

const IMPORT = /(?:^|\n)\s*(?:import|export)\s[^;]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;
// A schema written into SQL by hand (`from control.tenants`, `join "t_1a".users`): the `sql`
// template's controlTable()/tenantTable() qualify names instead. Migrations and the data path itself
// (core/database, core/tenancy) and the table-type generator (cli/db-types.ts) are the exceptions.
const HAND_PREFIX = /\b(?:from|join|into|update|table)\s+(?:control|"?t_[a-z0-9]+"?)\.[a-z_"]/i;
const problems = [];
for (const path of walk(src)) {
  const file = relative(src, path);
  const text = readFileSync(path, 'utf8');
  if (!file.startsWith('core/database/') && !file.startsWith('core/tenancy/') && file !== 'cli/db-types.ts' && !file.endsWith('.spec.ts')) {
    text.split('\n').forEach((line, i) => {
      if (HAND_PREFIX.test(line) && !/^\s*(\/\/|\*|\/\*)/.test(line)) problems.push(`apps/api/src/${file}:${i + 1}: hand-written schema prefix (use controlTable()/tenantTable() in the sql template)`);
    });
  }
  for (const m of text.matchAll(IMPORT)) {
    const specifier = m[1] ?? m[2];
    if (RESTRICTED.some((r) => r.test(specifier)) && !allowed(file, specifier)) problems.push(`apps/api/src/${file}: imports ${specifier} (database access belongs in a *.repository.ts)`);
  }
}
if (problems.length) {
  console.error(problems.join('\n'));
  process.exit(1);
}
console.log('› data access only from repositories, no hand-written schema prefixes: ok');
