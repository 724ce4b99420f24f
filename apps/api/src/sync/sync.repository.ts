import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { quoteSchema } from '../core/database/schema-name.js';
import { TenantContext } from '../core/tenancy/tenant-context.js';
import { SyncRunEntity, type SyncRun } from '../accounts/accounts.entity.js';

export interface MediaUpsert {
  id: string;
  accountId: string;
  source: 'instagram' | 'csv';
  caption: string | null;
  mediaType: string | null;
  mediaProductType: string | null;
  permalink: string | null;
  mediaUrl: string | null;
  thumbnailUrl: string | null;
  postedAt: Date;
  likeCount: number | null;
  commentsCount: number | null;
}

export interface MetricUpsert {
  day: string; // YYYY-MM-DD
  metric: string;
  value: number | null;
  status: 'ok' | 'unavailable';
}

/**
 * Writes of stored history, in batches: one statement per page of media or per account's
 * insights, using unnest() over arrays so a sync of 300 posts is a handful of round trips.
 */
@Injectable()
export class SyncRepository {
  constructor(private readonly ctx: TenantContext) {}

  private get s() {
    return quoteSchema(this.ctx.tenant.schemaName);
  }

  async upsertMedia(rows: MediaUpsert[]): Promise<void> {
    if (!rows.length) return;
    const col = <K extends keyof MediaUpsert>(k: K) => rows.map((r) => r[k]);
    await this.ctx.query(
      `insert into ${this.s}.media (id, account_id, source, caption, media_type, media_product_type, permalink, media_url, thumbnail_url, posted_at, like_count, comments_count)
       select * from unnest($1::text[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::timestamptz[], $11::int[], $12::int[])
       on conflict (id) do update set caption = excluded.caption, media_type = excluded.media_type,
         media_product_type = excluded.media_product_type, permalink = excluded.permalink, media_url = excluded.media_url,
         thumbnail_url = excluded.thumbnail_url, like_count = excluded.like_count, comments_count = excluded.comments_count, updated_at = now()`,
      [col('id'), col('accountId'), col('source'), col('caption'), col('mediaType'), col('mediaProductType'), col('permalink'), col('mediaUrl'), col('thumbnailUrl'), col('postedAt'), col('likeCount'), col('commentsCount')],
    );
  }

  async upsertMediaInsights(rows: (MetricUpsert & { mediaId: string })[]): Promise<void> {
    if (!rows.length) return;
    await this.ctx.query(
      `insert into ${this.s}.media_insights (media_id, day, metric, value, status)
       select * from unnest($1::text[], $2::date[], $3::text[], $4::float8[], $5::text[])
       on conflict (media_id, day, metric) do update set value = excluded.value, status = excluded.status, fetched_at = now()`,
      [rows.map((r) => r.mediaId), rows.map((r) => r.day), rows.map((r) => r.metric), rows.map((r) => r.value), rows.map((r) => r.status)],
    );
    await this.ctx.query(`update ${this.s}.media set insights_fetched_at = now() where id = any($1::text[])`, [[...new Set(rows.map((r) => r.mediaId))]]);
  }

  async upsertAccountMetrics(accountId: string, source: 'api' | 'manual' | 'estimate', rows: MetricUpsert[]): Promise<void> {
    if (!rows.length) return;
    await this.ctx.query(
      `insert into ${this.s}.account_metrics (account_id, day, metric, value, status, source)
       select $1::uuid, * from unnest($2::date[], $3::text[], $4::float8[], $5::text[], $6::text[])
       on conflict (account_id, day, metric) do update set value = excluded.value, status = excluded.status, source = excluded.source, fetched_at = now()`,
      [accountId, rows.map((r) => r.day), rows.map((r) => r.metric), rows.map((r) => r.value), rows.map((r) => r.status), rows.map(() => source)],
    );
  }

  async upsertOnlineFollowers(accountId: string, rows: { day: string; hour: number; value: number }[]): Promise<void> {
    if (!rows.length) return;
    await this.ctx.query(
      `insert into ${this.s}.online_followers (account_id, day, hour, value)
       select $1::uuid, * from unnest($2::date[], $3::smallint[], $4::int[])
       on conflict (account_id, day, hour) do update set value = excluded.value`,
      [accountId, rows.map((r) => r.day), rows.map((r) => r.hour), rows.map((r) => r.value)],
    );
  }

  /** Days (YYYY-MM-DD) within [since, until] that already hold `metric` for this account. */
  async storedDays(accountId: string, metric: string, since: string, until: string): Promise<Set<string>> {
    const rows = await this.ctx.query<{ day: string }>(
      `select to_char(day, 'YYYY-MM-DD') as day from ${this.s}.account_metrics where account_id = $1 and metric = $2 and day between $3 and $4`,
      [accountId, metric, since, until],
    );
    return new Set(rows.map((r) => r.day));
  }

  /** Media ids with when their insights were last fetched. */
  async mediaInsightState(accountId: string): Promise<Map<string, Date | null>> {
    const rows = await this.ctx.query<{ id: string; insights_fetched_at: Date | null }>(
      `select id, insights_fetched_at from ${this.s}.media where account_id = $1 and source = 'instagram'`,
      [accountId],
    );
    return new Map(rows.map((r) => [r.id, r.insights_fetched_at ? new Date(r.insights_fetched_at) : null]));
  }

  async createRun(accountId: string, kind: SyncRun['kind']): Promise<SyncRun> {
    const em = this.ctx.em.fork();
    const run = em.create(SyncRunEntity, { id: randomUUID(), accountId, kind, status: 'queued', percent: 0, step: 'queued', steps: [], calls: 0, error: null, startedAt: null, finishedAt: null, createdAt: new Date() });
    await em.flush();
    return run;
  }

  /** Appends a step to the run's history, which the UI polls for a live progress bar. */
  async progress(runId: string, percent: number, step: string): Promise<void> {
    await this.ctx.query(
      `update ${this.s}.sync_runs set status = 'running', started_at = coalesce(started_at, now()), percent = $2, step = $3,
              steps = steps || jsonb_build_array(jsonb_build_object('percent', $2::int, 'step', $3::text, 'at', now()))
        where id = $1`,
      [runId, percent, step],
    );
  }

  async finishRun(runId: string, result: { status: 'completed' | 'failed'; error?: string | null; calls: number }): Promise<void> {
    await this.ctx.query(
      `update ${this.s}.sync_runs set status = $2, error = $3, calls = $4, finished_at = now(),
              percent = case when $2 = 'completed' then 100 else percent end,
              step = case when $2 = 'completed' then 'done' else step end,
              steps = case when $2 = 'completed' then steps || jsonb_build_array(jsonb_build_object('percent', 100, 'step', 'done', 'at', now())) else steps end
        where id = $1`,
      [runId, result.status, result.error ?? null, result.calls],
    );
  }

  latestRun(accountId: string): Promise<SyncRun | null> {
    return this.ctx.em.fork().findOne(SyncRunEntity, { accountId }, { orderBy: { createdAt: 'desc' } });
  }

  findRun(runId: string): Promise<SyncRun | null> {
    return this.ctx.em.fork().findOne(SyncRunEntity, { id: runId });
  }
}
