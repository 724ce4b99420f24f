import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { sql, tenantTable } from '../core/database/sql.js';
import { TenantDb } from '../core/tenancy/tenant-db.js';
import type { SyncRun } from '../accounts/accounts.entity.js';

const runs = tenantTable('sync_runs');
const RUN_COLUMNS = sql`id, account_id as "accountId", kind, status, percent, step, steps, calls, error,
  started_at as "startedAt", finished_at as "finishedAt", created_at as "createdAt"`;
const date = (v: Date | string | null) => (v === null ? null : new Date(v));
/** pg returns timestamptz as strings on the raw path: the repository hands out Dates. */
const toRun = (r: SyncRun): SyncRun => ({ ...r, startedAt: date(r.startedAt ?? null), finishedAt: date(r.finishedAt ?? null), createdAt: new Date(r.createdAt) });

/** Sync runs: one row per sync of an account, with its progress. */
@Injectable()
export class SyncRepository {
  constructor(private readonly db: TenantDb) {}

  async createRun(accountId: string, kind: SyncRun['kind']): Promise<SyncRun> {
    const run: SyncRun = { id: randomUUID(), accountId, kind, status: 'queued', percent: 0, step: 'queued', steps: [], calls: 0, error: null, startedAt: null, finishedAt: null, createdAt: new Date() };
    await this.db.execute(sql`insert into ${runs} (id, account_id, kind, status, percent, step, steps, calls, error, started_at, finished_at, created_at)
      values (${run.id}, ${accountId}, ${kind}, 'queued', 0, 'queued', '[]'::jsonb, 0, null, null, null, ${run.createdAt})`);
    return run;
  }

  /** Appends a step to the run's history, which the UI polls for a live progress bar. */
  async progress(runId: string, percent: number, step: string): Promise<void> {
    await this.db.query(sql`update ${tenantTable('sync_runs')} set status = 'running', started_at = coalesce(started_at, now()), percent = ${percent}, step = ${step},
              steps = steps || jsonb_build_array(jsonb_build_object('percent', ${percent}::int, 'step', ${step}::text, 'at', now()))
        where id = ${runId}`);
  }

  async finishRun(runId: string, result: { status: 'completed' | 'failed'; error?: string | null; calls: number }): Promise<void> {
    await this.db.query(sql`update ${tenantTable('sync_runs')} set status = ${result.status}, error = ${result.error ?? null}, calls = ${result.calls}, finished_at = now(),
              percent = case when ${result.status}::text = 'completed' then 100 else percent end,
              step = case when ${result.status}::text = 'completed' then 'done' else step end,
              steps = case when ${result.status}::text = 'completed' then steps || jsonb_build_array(jsonb_build_object('percent', 100, 'step', 'done', 'at', now())) else steps end
        where id = ${runId}`);
  }

  async latestRun(accountId: string): Promise<SyncRun | null> {
    const row = await this.db.one<SyncRun>(sql`select ${RUN_COLUMNS} from ${runs} where account_id = ${accountId} order by created_at desc limit 1`);
    return row && toRun(row);
  }

  async findRun(runId: string): Promise<SyncRun | null> {
    const row = await this.db.one<SyncRun>(sql`select ${RUN_COLUMNS} from ${runs} where id = ${runId}`);
    return row && toRun(row);
  }
}
