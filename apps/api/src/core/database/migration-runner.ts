import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { CONTROL_MIGRATIONS, TENANT_MIGRATIONS, type ControlMigration, type TenantMigration } from './migrations/index.js';
import { quoteSchema } from './schema-name.js';

/** Advisory-lock namespace; the second key is the tenant id (0 for the control schema). */
const LOCK_NAMESPACE = 0x16_67_05;

export interface TenantRow {
  id: number;
  slug: string;
  schemaName: string;
  schemaVersion: number;
}

export interface TenantMigrationResult {
  tenantId: number;
  slug: string;
  applied: string[];
  pending: string[];
  schemaVersion: number;
}

export interface MigrateAllOptions {
  /** Only this tenant (id or slug). */
  tenant?: string;
  /** Skip tenants with a smaller id: how an interrupted run resumes. */
  startFrom?: number;
  limit?: number;
  dryRun?: boolean;
  concurrency?: number;
  onProgress?: (event: MigrationProgress) => void;
}

export type MigrationProgress =
  | { kind: 'migrated'; result: TenantMigrationResult }
  | { kind: 'failed'; tenantId: number; slug: string; error: string };

export interface MigrateAllReport {
  runId: string;
  dryRun: boolean;
  total: number;
  migrated: TenantMigrationResult[];
  upToDate: number;
  failed: { tenantId: number; slug: string; error: string }[];
  /** Where to resume with --start-from when something failed. */
  resumeFrom: number | null;
}

/**
 * The one migration path. Control first, then every tenant, each tenant in its own transaction
 * under an advisory lock keyed by its id, so two runners started at once migrate a tenant once:
 * the second waits for the lock, then finds nothing pending.
 */
export class MigrationRunner {
  constructor(
    private readonly em: EntityManager,
    private readonly controlMigrations: readonly ControlMigration[] = CONTROL_MIGRATIONS,
    private readonly tenantMigrations: readonly TenantMigration[] = TENANT_MIGRATIONS,
  ) {}

  get latestTenantVersion(): number {
    return this.tenantMigrations.length;
  }

  async migrateControl(): Promise<string[]> {
    return this.em.fork().transactional(async (tx) => {
      await tx.execute('select pg_advisory_xact_lock(?, 0)', [LOCK_NAMESPACE]);
      await tx.execute('create schema if not exists control');
      await tx.execute(
        'create table if not exists control._migrations (name text primary key, applied_at timestamptz not null default now())',
      );
      const done = new Set((await tx.execute<{ name: string }[]>('select name from control._migrations')).map((r) => r.name));
      const applied: string[] = [];
      for (const migration of this.controlMigrations) {
        if (done.has(migration.name)) continue;
        for (const statement of migration.up()) await tx.execute(statement);
        await tx.execute('insert into control._migrations (name) values (?)', [migration.name]);
        applied.push(migration.name);
      }
      return applied;
    });
  }

  /** Creates the schema if needed and applies what is pending. Safe to call concurrently from several processes. */
  async migrateTenant(tenant: TenantRow, options: { dryRun?: boolean; runId?: string } = {}): Promise<TenantMigrationResult> {
    const schema = quoteSchema(tenant.schemaName);
    const runId = options.runId ?? randomUUID();
    if (options.dryRun) {
      const pending = await this.pendingFor(this.em.fork(), tenant);
      return { tenantId: tenant.id, slug: tenant.slug, applied: [], pending, schemaVersion: tenant.schemaVersion };
    }
    return this.em.fork().transactional(async (tx) => {
      await tx.execute('select pg_advisory_xact_lock(?, ?)', [LOCK_NAMESPACE, tenant.id]);
      await tx.execute(`create schema if not exists ${schema}`);
      await tx.execute(
        `create table if not exists ${schema}._migrations (name text primary key, applied_at timestamptz not null default now())`,
      );
      const done = new Set((await tx.execute<{ name: string }[]>(`select name from ${schema}._migrations`)).map((r) => r.name));
      const applied: string[] = [];
      for (const migration of this.tenantMigrations) {
        if (done.has(migration.name)) continue;
        for (const statement of migration.up(schema)) await tx.execute(statement);
        await tx.execute(`insert into ${schema}._migrations (name) values (?)`, [migration.name]);
        await tx.execute('insert into control.tenant_migration_log (tenant_id, migration, run_id) values (?, ?, ?)', [
          tenant.id,
          migration.name,
          runId,
        ]);
        applied.push(migration.name);
      }
      const version = done.size + applied.length;
      await tx.execute('update control.tenants set schema_version = ?, updated_at = now() where id = ?', [version, tenant.id]);
      return { tenantId: tenant.id, slug: tenant.slug, applied, pending: [], schemaVersion: version };
    });
  }

  async migrateAll(options: MigrateAllOptions = {}): Promise<MigrateAllReport> {
    const runId = randomUUID();
    const tenants = await this.listTenants(options);
    const report: MigrateAllReport = {
      runId,
      dryRun: Boolean(options.dryRun),
      total: tenants.length,
      migrated: [],
      upToDate: 0,
      failed: [],
      resumeFrom: null,
    };
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < tenants.length) {
        const tenant = tenants[next++];
        try {
          const result = await this.migrateTenant(tenant, { dryRun: options.dryRun, runId });
          if (result.applied.length || result.pending.length) report.migrated.push(result);
          else report.upToDate++;
          options.onProgress?.({ kind: 'migrated', result });
        } catch (error) {
          const message = error instanceof Error ? error.message : String(error);
          report.failed.push({ tenantId: tenant.id, slug: tenant.slug, error: message });
          options.onProgress?.({ kind: 'failed', tenantId: tenant.id, slug: tenant.slug, error: message });
        }
      }
    };
    const concurrency = Math.max(1, Math.min(options.concurrency ?? 1, tenants.length || 1));
    await Promise.all(Array.from({ length: concurrency }, worker));
    report.migrated.sort((a, b) => a.tenantId - b.tenantId);
    report.failed.sort((a, b) => a.tenantId - b.tenantId);
    report.resumeFrom = report.failed[0]?.tenantId ?? null;
    return report;
  }

  private async listTenants(options: MigrateAllOptions): Promise<TenantRow[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (options.tenant) {
      if (/^\d+$/.test(options.tenant)) {
        where.push('id = ?');
        params.push(Number(options.tenant));
      } else {
        where.push('slug = ?');
        params.push(options.tenant);
      }
    }
    if (options.startFrom !== undefined) {
      where.push('id >= ?');
      params.push(options.startFrom);
    }
    let sql = `select id, slug, schema_name, schema_version from control.tenants${where.length ? ` where ${where.join(' and ')}` : ''} order by id`;
    if (options.limit !== undefined) {
      sql += ' limit ?';
      params.push(options.limit);
    }
    const rows = await this.em.fork().execute<{ id: number; slug: string; schema_name: string; schema_version: number }[]>(sql, params);
    return rows.map((r) => ({ id: r.id, slug: r.slug, schemaName: r.schema_name, schemaVersion: r.schema_version }));
  }

  private async pendingFor(em: EntityManager, tenant: TenantRow): Promise<string[]> {
    const exists = await em.execute<{ exists: boolean }[]>(
      `select to_regclass(?) is not null as exists`,
      [`${quoteSchema(tenant.schemaName)}._migrations`],
    );
    if (!exists[0]?.exists) return this.tenantMigrations.map((m) => m.name);
    const done = new Set(
      (await em.execute<{ name: string }[]>(`select name from ${quoteSchema(tenant.schemaName)}._migrations`)).map((r) => r.name),
    );
    return this.tenantMigrations.filter((m) => !done.has(m.name)).map((m) => m.name);
  }
}
