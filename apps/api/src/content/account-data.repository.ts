import { Injectable } from '@nestjs/common';
import type { DailySnapshot, EngineInput, EnginePost } from '@instagrowth/growth-engine';
import { sql, tenantTable } from '../core/database/sql.js';
import { TenantDb } from '../core/tenancy/tenant-db.js';

const media = tenantTable('media');
const mediaInsights = tenantTable('media_insights');
const accountMetrics = tenantTable('account_metrics');
const onlineFollowers = tenantTable('online_followers');
const accounts = tenantTable('instagram_accounts');

interface PostRow {
  id: string;
  postedAt: string;
  mediaType: string | null;
  productType: string | null;
  caption: string | null;
  likeCount: number | null;
  commentsCount: number | null;
  insights: Record<string, number | null> | null;
}

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/**
 * The growth engine's input for one account, read from what sync and CSV import stored (the
 * adapter between our tables and `EngineInput`; the engine itself does no I/O).
 */
@Injectable()
export class AccountDataRepository {
  constructor(private readonly db: TenantDb) {}

  /** The account's own zone (set on the account page), else the brand voice's audience zone. */
  async timeZone(accountId: string, fallback: string): Promise<string> {
    const row = await this.db.one<{ timeZone: string | null }>(sql`select time_zone as "timeZone" from ${accounts} where id = ${accountId}`);
    return row?.timeZone || fallback;
  }

  async engineInput(accountId: string, timeZone: string, now: Date, windowDays = 90): Promise<EngineInput> {
    const since = new Date(now.getTime() - (windowDays + 1) * 86_400_000).toISOString();
    const [account, posts, metrics, online] = await Promise.all([
      this.db.one<{ followers: number | null; username: string }>(sql`select followers_count as followers, username from ${accounts} where id = ${accountId}`),
      this.db.query<PostRow>(sql`select m.id, m.posted_at as "postedAt", m.media_type as "mediaType", m.media_product_type as "productType",
          m.caption, m.like_count as "likeCount", m.comments_count as "commentsCount",
          (select jsonb_object_agg(l.metric, l.value) from (
             select distinct on (i.metric) i.metric, i.value from ${mediaInsights} i
              where i.media_id = m.id order by i.metric, i.day desc) l) as insights
        from ${media} m where m.account_id = ${accountId} and m.posted_at >= ${since} order by m.posted_at`),
      this.db.query<{ day: string; metric: string; value: number | null }>(sql`select to_char(day, 'YYYY-MM-DD') as day, metric, value
        from ${accountMetrics} where account_id = ${accountId} and day >= ${since.slice(0, 10)} and metric in ('followers_count', 'reach') order by day`),
      this.db.query<{ day: string; hour: number; value: number }>(sql`select to_char(day, 'YYYY-MM-DD') as day, hour, value
        from ${onlineFollowers} where account_id = ${accountId} and day >= ${since.slice(0, 10)}`),
    ]);
    const snapshots = new Map<string, DailySnapshot>();
    const snap = (day: string) => {
      let s = snapshots.get(day);
      if (!s) snapshots.set(day, (s = { day, followers: null }));
      return s;
    };
    for (const m of metrics) {
      if (m.metric === 'followers_count') snap(m.day).followers = num(m.value);
      else if (m.metric === 'reach') snap(m.day).reach = num(m.value);
    }
    for (const o of online) {
      const s = snap(o.day);
      s.onlineFollowers = { ...(s.onlineFollowers ?? {}), [String(o.hour)]: o.value };
    }
    return {
      account: { followers: account?.followers ?? null, timeZone, username: account?.username },
      posts: posts.map((p) => toEnginePost(p)),
      snapshots: [...snapshots.values()].sort((a, b) => (a.day < b.day ? -1 : 1)),
      now: now.toISOString(),
      windowDays,
    };
  }
}

function toEnginePost(p: PostRow): EnginePost {
  const i = p.insights ?? {};
  const isReel = p.productType === 'REELS' || p.mediaType === 'REEL';
  return {
    id: p.id,
    postedAt: new Date(p.postedAt).toISOString(),
    mediaType: isReel ? 'VIDEO' : (p.mediaType ?? 'IMAGE'),
    productType: isReel ? 'REELS' : (p.productType ?? 'FEED'),
    caption: p.caption,
    likes: num(i.likes) ?? p.likeCount,
    comments: num(i.comments) ?? p.commentsCount,
    saves: num(i.saved) ?? num(i.saves),
    shares: num(i.shares),
    reach: num(i.reach),
    views: num(i.views),
    totalInteractions: num(i.total_interactions),
  };
}
