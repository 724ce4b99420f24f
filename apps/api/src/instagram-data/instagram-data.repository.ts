import { Injectable } from '@nestjs/common';
import { sql, tenantTable } from '../core/database/sql.js';
import { TenantDb } from '../core/tenancy/tenant-db.js';

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
 * The stored Instagram history (media, their insights, daily account metrics, online followers),
 * written by the sync and by manual entry / CSV import. Writes in batches: one statement per page
 * of media or per account's insights, using unnest() over arrays so a sync of 300 posts is a
 * handful of round trips.
 */
@Injectable()
export class InstagramDataRepository {
  constructor(private readonly db: TenantDb) {}

  async upsertMedia(rows: MediaUpsert[]): Promise<void> {
    if (!rows.length) return;
    const col = <K extends keyof MediaUpsert>(k: K) => rows.map((r) => r[k]);
    await this.db.query(sql`insert into ${tenantTable('media')} (id, account_id, source, caption, media_type, media_product_type, permalink, media_url, thumbnail_url, posted_at, like_count, comments_count)
       select * from unnest(${col('id')}::text[], ${col('accountId')}::uuid[], ${col('source')}::text[], ${col('caption')}::text[], ${col('mediaType')}::text[], ${col('mediaProductType')}::text[], ${col('permalink')}::text[], ${col('mediaUrl')}::text[], ${col('thumbnailUrl')}::text[], ${col('postedAt')}::timestamptz[], ${col('likeCount')}::int[], ${col('commentsCount')}::int[])
       on conflict (id) do update set caption = excluded.caption, media_type = excluded.media_type,
         media_product_type = excluded.media_product_type, permalink = excluded.permalink, media_url = excluded.media_url,
         thumbnail_url = excluded.thumbnail_url, like_count = excluded.like_count, comments_count = excluded.comments_count, updated_at = now()`);
  }

  async upsertMediaInsights(rows: (MetricUpsert & { mediaId: string })[]): Promise<void> {
    if (!rows.length) return;
    await this.db.query(sql`insert into ${tenantTable('media_insights')} (media_id, day, metric, value, status)
       select * from unnest(${rows.map((r) => r.mediaId)}::text[], ${rows.map((r) => r.day)}::date[], ${rows.map((r) => r.metric)}::text[], ${rows.map((r) => r.value)}::float8[], ${rows.map((r) => r.status)}::text[])
       on conflict (media_id, day, metric) do update set value = excluded.value, status = excluded.status, fetched_at = now()`);
    await this.db.query(sql`update ${tenantTable('media')} set insights_fetched_at = now() where id = any(${[...new Set(rows.map((r) => r.mediaId))]}::text[])`);
  }

  async upsertAccountMetrics(accountId: string, source: 'api' | 'manual' | 'estimate', rows: MetricUpsert[]): Promise<void> {
    if (!rows.length) return;
    await this.db.query(sql`insert into ${tenantTable('account_metrics')} (account_id, day, metric, value, status, source)
       select ${accountId}::uuid, * from unnest(${rows.map((r) => r.day)}::date[], ${rows.map((r) => r.metric)}::text[], ${rows.map((r) => r.value)}::float8[], ${rows.map((r) => r.status)}::text[], ${rows.map(() => source)}::text[])
       on conflict (account_id, day, metric) do update set value = excluded.value, status = excluded.status, source = excluded.source, fetched_at = now()`);
  }

  async upsertOnlineFollowers(accountId: string, rows: { day: string; hour: number; value: number }[]): Promise<void> {
    if (!rows.length) return;
    await this.db.query(sql`insert into ${tenantTable('online_followers')} (account_id, day, hour, value)
       select ${accountId}::uuid, * from unnest(${rows.map((r) => r.day)}::date[], ${rows.map((r) => r.hour)}::smallint[], ${rows.map((r) => r.value)}::int[])
       on conflict (account_id, day, hour) do update set value = excluded.value`);
  }

  /** Days (YYYY-MM-DD) within [since, until] that already hold `metric` for this account. */
  async storedDays(accountId: string, metric: string, since: string, until: string): Promise<Set<string>> {
    const rows = await this.db.query<{ day: string }>(sql`select to_char(day, 'YYYY-MM-DD') as day from ${tenantTable('account_metrics')} where account_id = ${accountId} and metric = ${metric} and day between ${since} and ${until}`);
    return new Set(rows.map((r) => r.day));
  }

  /** Media ids with when their insights were last fetched. */
  async mediaInsightState(accountId: string): Promise<Map<string, Date | null>> {
    const rows = await this.db.query<{ id: string; insights_fetched_at: Date | null }>(sql`select id, insights_fetched_at from ${tenantTable('media')} where account_id = ${accountId} and source = 'instagram'`);
    return new Map(rows.map((r) => [r.id, r.insights_fetched_at ? new Date(r.insights_fetched_at) : null]));
  }
}
