import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { AuditNarrative } from '@instagrowth/contracts';
import type { Audit, DailySnapshot, EngineInput, EnginePost } from '@instagrowth/growth-engine';
import { controlTable, sql, tenantTable } from '../core/database/sql.js';
import { TenantDb } from '../core/tenancy/tenant-db.js';
import type { AuditRow, AuditStatus, ShareLinkRow } from './audits.entity.js';

const audits = tenantTable('audits');
const links = tenantTable('share_links');
const accounts = tenantTable('instagram_accounts');
const ticks = tenantTable('audit_roadmap_ticks');

const AUDIT_COLUMNS = sql`a.id, a.account_id as "accountId", acc.username, a.status, a.percent, a.step, a.steps, a.source,
  a.narrative_fallback as "narrativeFallback", a.credits, a.time_zone as "timeZone", a.result, a.narrative, a.error,
  a.requested_by as "requestedBy", a.created_at as "createdAt", a.finished_at as "finishedAt"`;
const LINK_COLUMNS = sql`id, audit_id as "auditId", expires_at as "expiresAt", revoked_at as "revokedAt", open_count as "openCount",
  last_opened_at as "lastOpenedAt", created_at as "createdAt"`;

const date = (v: unknown) => (v === null || v === undefined ? null : new Date(v as string));
const toAudit = (r: AuditRow): AuditRow => ({ ...r, createdAt: new Date(r.createdAt), finishedAt: date(r.finishedAt) });
const toLink = (r: ShareLinkRow): ShareLinkRow => ({ ...r, expiresAt: new Date(r.expiresAt), revokedAt: date(r.revokedAt), lastOpenedAt: date(r.lastOpenedAt), createdAt: new Date(r.createdAt) });
const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));

/** Audits, their share links and the stored history an audit is computed from, in the current tenant's schema. */
@Injectable()
export class AuditsRepository {
  constructor(private readonly db: TenantDb) {}

  unitOfWork<T>(fn: () => Promise<T>): Promise<T> {
    return this.db.unitOfWork(fn);
  }

  async insert(input: { accountId: string; timeZone: string; requestedBy: string | null; credits: number }): Promise<string> {
    const id = randomUUID();
    await this.db.execute(sql`insert into ${audits} (id, account_id, status, time_zone, requested_by, credits)
      values (${id}, ${input.accountId}, 'queued', ${input.timeZone}, ${input.requestedBy}, ${input.credits})`);
    return id;
  }

  async find(id: string): Promise<AuditRow | null> {
    const row = await this.db.one<AuditRow>(sql`select ${AUDIT_COLUMNS} from ${audits} a join ${accounts} acc on acc.id = a.account_id where a.id = ${id}`);
    return row ? toAudit(row) : null;
  }

  async listForAccount(accountId: string, limit = 50): Promise<AuditRow[]> {
    const rows = await this.db.query<AuditRow>(sql`select ${AUDIT_COLUMNS} from ${audits} a join ${accounts} acc on acc.id = a.account_id
      where a.account_id = ${accountId} order by a.created_at desc, a.id desc limit ${limit}`);
    return rows.map(toAudit);
  }

  /** The newest completed audit of each account (dashboard), with the one before it. */
  async latestCompleted(accountIds: string[]): Promise<AuditRow[]> {
    if (!accountIds.length) return [];
    const rows = await this.db.query<AuditRow>(sql`select ${AUDIT_COLUMNS} from (
        select *, row_number() over (partition by account_id order by created_at desc) as n from ${audits}
         where status = 'completed' and account_id = any(${accountIds}::uuid[])) a
      join ${accounts} acc on acc.id = a.account_id where a.n <= 2 order by a.account_id, a.created_at desc`);
    return rows.map(toAudit);
  }

  async progress(id: string, percent: number, step: string, status: AuditStatus = 'running'): Promise<void> {
    await this.db.execute(sql`update ${audits} set status = ${status}, percent = ${percent}, step = ${step},
      started_at = coalesce(started_at, now()),
      steps = steps || jsonb_build_array(jsonb_build_object('step', ${step}::text, 'percent', ${percent}::int, 'at', to_char(now() at time zone 'utc', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')))
      where id = ${id}`);
  }

  async complete(id: string, r: { result: Audit; narrative: AuditNarrative; source: 'ai' | 'offline'; narrativeFallback: boolean; credits: number }): Promise<void> {
    await this.db.execute(sql`update ${audits} set status = 'completed', percent = 100, step = 'Done', result = ${JSON.stringify(r.result)}::jsonb,
      narrative = ${JSON.stringify(r.narrative)}::jsonb, source = ${r.source}, narrative_fallback = ${r.narrativeFallback}, credits = ${r.credits},
      finished_at = now(), error = null,
      steps = steps || jsonb_build_array(jsonb_build_object('step', 'Done', 'percent', 100, 'at', to_char(now() at time zone 'utc', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')))
      where id = ${id}`);
  }

  async fail(id: string, error: string): Promise<void> {
    await this.db.execute(sql`update ${audits} set status = 'failed', credits = 0, error = ${error}, finished_at = now() where id = ${id}`);
  }

  /** The account's time zone, else the workspace's. */
  async accountTimeZone(accountId: string, tenantId: number): Promise<string> {
    const row = await this.db.one<{ tz: string }>(sql`select coalesce(a.time_zone, t.time_zone, 'UTC') as tz from ${accounts} a
      left join ${controlTable('tenants')} t on t.id = ${tenantId} where a.id = ${accountId}`);
    return row?.tz ?? 'UTC';
  }

  async setAccountTimeZone(accountId: string, timeZone: string): Promise<void> {
    await this.db.execute(sql`update ${accounts} set time_zone = ${timeZone}, updated_at = now() where id = ${accountId}`);
  }

  /** Everything the growth engine needs about one account: its posts with their latest insights and daily snapshots. */
  async engineInput(accountId: string, timeZone: string, now: Date, windowDays = 90): Promise<EngineInput> {
    const account = await this.db.one<{ followers: number | null; username: string }>(
      sql`select followers_count as followers, username from ${accounts} where id = ${accountId}`,
    );
    const since = new Date(now.getTime() - (windowDays + 35) * 86_400_000);
    const media = await this.db.query<{ id: string; caption: string | null; media_type: string | null; media_product_type: string | null; posted_at: string; like_count: number | null; comments_count: number | null; insights: Record<string, number | null> | null }>(sql`
      select m.id, m.caption, m.media_type, m.media_product_type, m.posted_at, m.like_count, m.comments_count,
        (select jsonb_object_agg(l.metric, l.value) from (
           select distinct on (i.metric) i.metric, i.value from ${tenantTable('media_insights')} i
            where i.media_id = m.id order by i.metric, i.day desc) l) as insights
        from ${tenantTable('media')} m where m.account_id = ${accountId} and m.posted_at >= ${since} order by m.posted_at`);
    const posts: EnginePost[] = media.map((m) => {
      const ins = m.insights ?? {};
      const pick = (...keys: string[]) => {
        for (const k of keys) if (ins[k] !== undefined && ins[k] !== null) return Number(ins[k]);
        return null;
      };
      return {
        id: m.id,
        postedAt: new Date(m.posted_at).toISOString(),
        mediaType: m.media_type ?? 'IMAGE',
        productType: m.media_product_type,
        caption: m.caption,
        likes: pick('likes') ?? m.like_count,
        comments: pick('comments') ?? m.comments_count,
        saves: pick('saved', 'saves'),
        shares: pick('shares'),
        reach: pick('reach'),
        views: pick('views'),
        totalInteractions: pick('total_interactions'),
      };
    });
    const metrics = await this.db.query<{ day: string; followers: string | null; reach: string | null }>(sql`
      select to_char(day, 'YYYY-MM-DD') as day,
        max(value) filter (where metric = 'followers_count') as followers,
        max(value) filter (where metric = 'reach') as reach
        from ${tenantTable('account_metrics')} where account_id = ${accountId} and day >= ${since.toISOString().slice(0, 10)}::date
        group by day order by day`);
    const online = await this.db.query<{ day: string; hours: Record<string, number> }>(sql`
      select to_char(day, 'YYYY-MM-DD') as day, jsonb_object_agg(hour::text, value) as hours
        from ${tenantTable('online_followers')} where account_id = ${accountId} and day >= ${since.toISOString().slice(0, 10)}::date group by day`);
    const onlineByDay = new Map(online.map((o) => [o.day, o.hours]));
    const snapshots: DailySnapshot[] = metrics.map((m) => ({ day: m.day, followers: num(m.followers), reach: num(m.reach), onlineFollowers: onlineByDay.get(m.day) ?? null }));
    return {
      account: { followers: account?.followers ?? null, timeZone, username: account?.username ?? null },
      posts,
      snapshots,
      now: now.toISOString(),
      windowDays,
    };
  }

  // ---------------------------------------------------------------- share links

  async insertLink(input: { auditId: string; tokenHash: string; expiresAt: Date; createdBy: string | null }): Promise<ShareLinkRow> {
    const rows = await this.db.query<ShareLinkRow>(sql`insert into ${links} (id, audit_id, token_hash, expires_at, created_by)
      values (${randomUUID()}, ${input.auditId}, ${input.tokenHash}, ${input.expiresAt}, ${input.createdBy}) returning ${LINK_COLUMNS}`);
    return toLink(rows[0]);
  }

  async listLinks(auditId: string): Promise<ShareLinkRow[]> {
    return (await this.db.query<ShareLinkRow>(sql`select ${LINK_COLUMNS} from ${links} where audit_id = ${auditId} order by created_at desc`)).map(toLink);
  }

  async findLink(id: string): Promise<ShareLinkRow | null> {
    const row = await this.db.one<ShareLinkRow>(sql`select ${LINK_COLUMNS} from ${links} where id = ${id}`);
    return row ? toLink(row) : null;
  }

  async findLinkByHash(tokenHash: string): Promise<ShareLinkRow | null> {
    const row = await this.db.one<ShareLinkRow>(sql`select ${LINK_COLUMNS} from ${links} where token_hash = ${tokenHash}`);
    return row ? toLink(row) : null;
  }

  async revokeLink(id: string): Promise<void> {
    await this.db.execute(sql`update ${links} set revoked_at = coalesce(revoked_at, now()) where id = ${id}`);
  }

  async countOpen(id: string): Promise<void> {
    await this.db.execute(sql`update ${links} set open_count = open_count + 1, last_opened_at = now() where id = ${id}`);
  }

  /** Roadmap days ticked off for an audit (server-side, so every member and device sees the same). */
  async roadmapTicks(auditId: string): Promise<number[]> {
    return (await this.db.query<{ day: number }>(sql`select day from ${ticks} where audit_id = ${auditId} order by day`)).map((r) => r.day);
  }

  async setRoadmapTick(auditId: string, day: number, done: boolean, userId: string): Promise<void> {
    if (done) await this.db.execute(sql`insert into ${ticks} (audit_id, day, done_by) values (${auditId}, ${day}, ${userId}) on conflict do nothing`);
    else await this.db.execute(sql`delete from ${ticks} where audit_id = ${auditId} and day = ${day}`);
  }
}
