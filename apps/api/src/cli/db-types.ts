import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { CONTROL_MIGRATIONS, TENANT_MIGRATIONS } from '../core/database/migrations/index.js';
import { COLUMN_INFO_SQL, renderTableTypes, type ColumnInfo } from '../core/database/table-types.js';
import { cliArgs } from './args.js';

const USAGE = `Usage: npm run db:types [-- --check]

Runs every migration on a throwaway in-memory PostgreSQL (PGlite) and writes the typed definition of
each table to apps/api/src/core/database/tables.generated.ts. --check only compares and exits 1 when
the file is out of date.`;

/** The source file, not dist: this rewrites what the build compiles. */
const TARGET = fileURLToPath(new URL('../../src/core/database/tables.generated.ts', import.meta.url));
const SCHEMA = 't_typegen';

// The same statements the migration runner applies, without its bookkeeping (nothing persists).
async function migratedColumns(): Promise<{ control: ColumnInfo[]; tenant: ColumnInfo[] }> {
  const db = await PGlite.create();
  try {
    await db.exec('create schema control; create table control._migrations (name text primary key, applied_at timestamptz not null default now())');
    for (const migration of CONTROL_MIGRATIONS) for (const statement of migration.up()) await db.exec(statement);
    await db.exec(`create schema "${SCHEMA}"; create table "${SCHEMA}"._migrations (name text primary key, applied_at timestamptz not null default now())`);
    for (const migration of TENANT_MIGRATIONS) for (const statement of migration.up(`"${SCHEMA}"`)) await db.exec(statement);
    const control = (await db.query<ColumnInfo>(COLUMN_INFO_SQL, ['control'])).rows;
    const tenant = (await db.query<ColumnInfo>(COLUMN_INFO_SQL, [SCHEMA])).rows;
    return { control, tenant };
  } finally {
    await db.close();
  }
}

async function main(): Promise<void> {
  const args = cliArgs({ check: { type: 'boolean' }, help: { type: 'boolean' } }, USAGE);
  if (args.help) {
    console.log(USAGE);
    return;
  }
  const { control, tenant } = await migratedColumns();
  const text = renderTableTypes(control, tenant);
  const current = readFileSync(TARGET, 'utf8');
  if (args.check) {
    if (current !== text) {
      console.error('tables.generated.ts is out of date with the migrations: run `npm run db:types`.');
      process.exit(1);
    }
    console.log('tables.generated.ts matches the migrations.');
    return;
  }
  if (current === text) console.log('tables.generated.ts is up to date.');
  else {
    writeFileSync(TARGET, text);
    console.log(`Wrote ${TARGET}`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
