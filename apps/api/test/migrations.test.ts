import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { MigrationRunner } from '../src/core/database/migration-runner.js';
import { TENANT_MIGRATIONS } from '../src/core/database/migrations/index.js';
import type { TenantMigration } from '../src/core/database/migrations/migration.js';
import { quoteSchema, schemaNameFor } from '../src/core/database/schema-name.js';
import { TEST_REDIS_URL, TEST_SECRETS } from './support/services.mjs';
import { createTestApp, type TestApp } from './support/test-app.js';

const CLI = fileURLToPath(new URL('../dist/cli/migrate.js', import.meta.url));

/** Registers tenants without migrating them, as if a release had added migrations since. */
async function registerUnmigrated(t: TestApp, count: number): Promise<number[]> {
  const ids: number[] = [];
  for (let i = 0; i < count; i++) {
    const [row] = await t.sql<{ id: number }>(
      `insert into control.tenants (slug, name, schema_name, status) values ($1, $1, 'pending_' || gen_random_uuid(), 'active') returning id`,
      [`bulk-${i}-${Date.now()}`],
    );
    await t.sql(`update control.tenants set schema_name = $1 where id = $2`, [schemaNameFor(row.id), row.id]);
    ids.push(row.id);
  }
  return ids;
}

function runCli(t: TestApp, args: string[], onLine?: (line: string, kill: () => void) => void): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      env: { ...process.env, ...TEST_SECRETS, DATABASE_URL: t.config.databaseUrl!, REDIS_URL: TEST_REDIS_URL, BASE_DOMAIN: 'instagrowth.test' },
    });
    let out = '';
    let buffer = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk;
      buffer += chunk;
      const lines = buffer.split('\n');
      buffer = lines.pop()!;
      for (const line of lines) onLine?.(line, () => child.kill('SIGKILL'));
    });
    child.stderr.on('data', (chunk: Buffer) => (out += chunk));
    child.on('close', (code) => resolve({ code, out }));
  });
}

const slow: TenantMigration = {
  name: '9999-test-slow',
  // pg_sleep makes the window in which a second runner could double-apply wide open.
  up: (s) => [`select pg_sleep(0.05)`, `create table ${s}.probe (id int primary key)`],
};

describe('migration runner', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t.close());

  it('provisions tenants at the latest schema version', async () => {
    const rows = await t.sql<{ slug: string; schema_version: number }>(`select slug, schema_version from control.tenants where slug in ('acme', 'globex') order by slug`);
    expect(rows).toEqual([
      { slug: 'acme', schema_version: TENANT_MIGRATIONS.length },
      { slug: 'globex', schema_version: TENANT_MIGRATIONS.length },
    ]);
  });

  it('--dry-run lists pending migrations and writes nothing', async () => {
    const ids = await registerUnmigrated(t, 2);
    const before = await t.sql(`select count(*)::int as n from control.tenant_migration_log`);
    const res = await runCli(t, ['--dry-run']);
    expect(res.code).toBe(0);
    expect(res.out).toContain(`tenant ${ids[0]}`);
    expect(res.out).toContain('would apply 0001-init');
    expect(await t.sql(`select count(*)::int as n from control.tenant_migration_log`)).toEqual(before);
    const schemas = await t.sql(`select nspname from pg_namespace where nspname = any($1)`, [ids.map(schemaNameFor)]);
    expect(schemas).toEqual([]);
    // Leave them migrated for the next tests.
    expect((await runCli(t, [])).code).toBe(0);
  });

  it('resumes a run killed half-way with --start-from, applying each migration exactly once', async () => {
    const ids = await registerUnmigrated(t, 6);
    let done = 0;
    let lastDone = 0;
    const killed = await runCli(t, ['--start-from', String(ids[0]), '--concurrency', '1'], (line, kill) => {
      const m = /^tenant (\d+) .*applied/.exec(line);
      if (m) {
        done++;
        lastDone = Number(m[1]);
        if (done === 3) kill();
      }
    });
    expect(killed.code).not.toBe(0);
    expect(lastDone).toBeGreaterThan(0);
    const versions = async () => t.sql<{ id: number; schema_version: number }>(`select id, schema_version from control.tenants where id = any($1) order by id`, [ids]);
    const mid = await versions();
    expect(mid.filter((r) => r.schema_version === TENANT_MIGRATIONS.length).length).toBeGreaterThanOrEqual(3);
    expect(mid.some((r) => r.schema_version === 0)).toBe(true);

    const resumed = await runCli(t, ['--start-from', String(lastDone + 1)]);
    expect(resumed.code).toBe(0);
    expect((await versions()).every((r) => r.schema_version === TENANT_MIGRATIONS.length)).toBe(true);
    const log = await t.sql<{ tenant_id: number; n: number }>(
      `select tenant_id, count(*)::int as n from control.tenant_migration_log where tenant_id = any($1) group by tenant_id`,
      [ids],
    );
    expect(log).toHaveLength(ids.length);
    expect(log.every((r) => r.n === TENANT_MIGRATIONS.length)).toBe(true);
  });

  it('--tenant and --limit narrow the run; bad flags are refused with usage', async () => {
    const one = await runCli(t, ['--tenant', 'acme']);
    expect(one.out).toMatch(/1 tenant\(s\)/);
    const limited = await runCli(t, ['--limit', '2']);
    expect(limited.out).toMatch(/2 tenant\(s\)/);
    const bad = await runCli(t, ['--limit', 'many']);
    expect(bad.code).toBe(2);
    expect(bad.out).toContain('--limit must be a whole number');
  });

  it('two runners started at once migrate each tenant exactly once (advisory lock per tenant)', async () => {
    const runners = [new MigrationRunner(t.db.orm.em, [], [...TENANT_MIGRATIONS, slow]), new MigrationRunner(t.db.orm.em, [], [...TENANT_MIGRATIONS, slow])];
    const [a, b] = await Promise.all(runners.map((r) => r.migrateAll({ concurrency: 3 })));
    expect(a.failed).toEqual([]);
    expect(b.failed).toEqual([]);
    const applied = [...a.migrated, ...b.migrated].flatMap((m) => m.applied.map((name) => `${m.tenantId}:${name}`));
    const tenants = await t.sql<{ n: number }>(`select count(*)::int as n from control.tenants`);
    expect(applied.filter((x) => x.endsWith(slow.name))).toHaveLength(tenants[0].n);
    expect(new Set(applied).size).toBe(applied.length);
    const log = await t.sql<{ n: number }>(`select count(*)::int as n from control.tenant_migration_log where migration = $1`, [slow.name]);
    expect(log[0].n).toBe(tenants[0].n);
    const version = await t.sql<{ v: number }>(`select distinct schema_version as v from control.tenants`);
    expect(version).toEqual([{ v: TENANT_MIGRATIONS.length + 1 }]);
  });

  it('reports a failing tenant and where to resume, and keeps going with the others', async () => {
    const broken: TenantMigration = { name: '9999-test-broken', up: (s) => (s === quoteSchema(schemaNameFor(2)) ? ['select * from no_such_table'] : [`select 1`]) };
    const report = await new MigrationRunner(t.db.orm.em, [], [...TENANT_MIGRATIONS, slow, broken]).migrateAll({ concurrency: 2 });
    expect(report.failed.map((f) => f.tenantId)).toEqual([2]);
    expect(report.failed[0].error).toMatch(/no_such_table/);
    expect(report.resumeFrom).toBe(2);
    expect(report.migrated.length).toBe(report.total - 1);
  });
});
