import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { Filter } from '../core/auth/casl-filter.js';
import { quoteSchema } from '../core/database/schema-name.js';
import { TenantContext } from '../core/tenancy/tenant-context.js';
import { AssignmentEntity } from '../auth/auth.entity.js';
import { InstagramAccountEntity, type AccountStatus, type InstagramAccount } from './accounts.entity.js';

export interface HistoryRow {
  day: string;
  followersCount: number | null;
  followsCount: number | null;
  mediaCount: number | null;
  reach: number | null;
  followersEstimated: boolean;
}

export interface MediaRow {
  id: string;
  caption: string | null;
  mediaType: string | null;
  mediaProductType: string | null;
  permalink: string | null;
  mediaUrl: string | null;
  thumbnailUrl: string | null;
  postedAt: Date;
  likeCount: number | null;
  commentsCount: number | null;
  insights: Record<string, number | null>;
}

/** Instagram accounts and their read models, in the current tenant's schema. */
@Injectable()
export class AccountsRepository {
  constructor(private readonly ctx: TenantContext) {}

  private get s() {
    return quoteSchema(this.ctx.tenant.schemaName);
  }

  /** Accounts matching the caller's ability filter (see core/auth/casl-filter.ts). */
  list(filter: Filter): Promise<InstagramAccount[]> {
    return this.ctx.em.fork().find(InstagramAccountEntity, { $and: [filter, { status: { $ne: 'disconnected' } }] } as never, { orderBy: { createdAt: 'asc' } });
  }

  findById(id: string): Promise<InstagramAccount | null> {
    return this.ctx.em.fork().findOne(InstagramAccountEntity, { id, status: { $ne: 'disconnected' } });
  }

  findLiveByIgUserId(igUserId: string): Promise<InstagramAccount | null> {
    return this.ctx.em.fork().findOne(InstagramAccountEntity, { igUserId, status: { $ne: 'disconnected' } });
  }

  /** A live manual account with this handle, compared case-insensitively. */
  async findLiveManualByUsername(username: string): Promise<{ id: string } | null> {
    const rows = await this.ctx.em.execute<{ id: string }[]>(
      `select id from ${this.s}.instagram_accounts where kind = 'manual' and status <> 'disconnected' and lower(username) = lower(?) limit 1`,
      [username],
    );
    return rows[0] ?? null;
  }

  countLive(): Promise<number> {
    return this.ctx.em.fork().count(InstagramAccountEntity, { status: { $ne: 'disconnected' } });
  }

  /** Accounts whose token needs a refresh: older than 24 h and expiring within `days`. */
  listTokensToRefresh(days: number): Promise<InstagramAccount[]> {
    const now = Date.now();
    return this.ctx.em.fork().find(InstagramAccountEntity, {
      kind: 'instagram',
      status: { $in: ['connected', 'syncing'] },
      tokenEnc: { $ne: null },
      tokenRefreshedAt: { $lt: new Date(now - 86_400_000) },
      tokenExpiresAt: { $lt: new Date(now + days * 86_400_000), $gt: new Date(now) },
    });
  }

  listSyncable(): Promise<InstagramAccount[]> {
    return this.ctx.em.fork().find(InstagramAccountEntity, { kind: 'instagram', status: { $in: ['connected', 'syncing'] } });
  }

  async insert(input: Partial<InstagramAccount> & Pick<InstagramAccount, 'kind' | 'username' | 'status'>): Promise<InstagramAccount> {
    const em = this.ctx.em.fork();
    const now = new Date();
    const account = em.create(InstagramAccountEntity, {
      id: randomUUID(),
      grantedScopes: [],
      createdAt: now,
      updatedAt: now,
      ...input,
    } as never);
    await em.flush();
    return account;
  }

  /** Removes an account row and (by cascade) everything stored for it. */
  async deleteHard(id: string): Promise<void> {
    await this.ctx.em.fork().nativeDelete(InstagramAccountEntity, { id });
  }

  async update(id: string, changes: Partial<InstagramAccount>): Promise<void> {
    await this.ctx.em.fork().nativeUpdate(InstagramAccountEntity, { id }, { ...changes, updatedAt: new Date() });
  }

  async setStatus(id: string, status: AccountStatus, lastSyncError?: string | null): Promise<void> {
    await this.update(id, lastSyncError === undefined ? { status } : { status, lastSyncError });
  }

  async assign(userId: string, accountId: string): Promise<void> {
    await this.ctx.em.fork().upsert(AssignmentEntity, { userId, resourceType: 'instagram_account', resourceId: accountId, createdAt: new Date() });
  }

  async listAssignments(accountId: string): Promise<{ userId: string; name: string; email: string; role: string }[]> {
    return this.ctx.query(
      `select u.id as "userId", u.name, u.email, u.role from ${this.s}.assignments a join ${this.s}.users u on u.id = a.user_id
        where a.resource_type = 'instagram_account' and a.resource_id = $1 order by u.name`,
      [accountId],
    );
  }

  /**
   * Replaces the account's assignments with `userIds`, all or nothing: false (and no change) when
   * any of them is not a manager or client of this workspace.
   */
  async setAssignments(accountId: string, userIds: string[]): Promise<boolean> {
    return this.ctx.em.fork().transactional(async (tx) => {
      const ids = `{${userIds.join(',')}}`;
      const valid = await tx.execute<{ n: number }[]>(`select count(*)::int as n from ${this.s}.users where id = any(?::uuid[]) and role in ('manager', 'client')`, [ids]);
      if (valid[0].n !== userIds.length) return false;
      await tx.execute(`delete from ${this.s}.assignments where resource_type = 'instagram_account' and resource_id = ?`, [accountId]);
      if (userIds.length) {
        await tx.execute(`insert into ${this.s}.assignments (user_id, resource_type, resource_id) select unnest(?::uuid[]), 'instagram_account', ?`, [ids, accountId]);
      }
      return true;
    });
  }

  async history(accountId: string, days = 400): Promise<HistoryRow[]> {
    const rows = await this.ctx.query<{ day: string; followers: string | null; follows: string | null; media: string | null; reach: string | null; followers_source: string | null }>(
      `select to_char(day, 'YYYY-MM-DD') as day,
              max(value) filter (where metric = 'followers_count') as followers,
              max(source) filter (where metric = 'followers_count') as followers_source,
              max(value) filter (where metric = 'follows_count') as follows,
              max(value) filter (where metric = 'media_count') as media,
              max(value) filter (where metric = 'reach') as reach
         from ${this.s}.account_metrics
        where account_id = $1 and day >= current_date - $2::int
        group by day order by day`,
      [accountId, days],
    );
    const n = (v: string | null) => (v === null ? null : Number(v));
    return rows.map((r) => ({
      day: r.day,
      followersCount: n(r.followers),
      followsCount: n(r.follows),
      mediaCount: n(r.media),
      reach: n(r.reach),
      followersEstimated: r.followers_source === 'estimate',
    }));
  }

  /** Posts with the latest stored value of each insight metric (null = unavailable). */
  async media(accountId: string, limit: number, offset = 0): Promise<MediaRow[]> {
    const rows = await this.ctx.query<{
      id: string; caption: string | null; media_type: string | null; media_product_type: string | null; permalink: string | null;
      media_url: string | null; thumbnail_url: string | null; posted_at: Date; like_count: number | null; comments_count: number | null;
      insights: Record<string, string | number | null> | null;
    }>(
      `select m.id, m.caption, m.media_type, m.media_product_type, m.permalink, m.media_url, m.thumbnail_url, m.posted_at,
              m.like_count, m.comments_count,
              (select jsonb_object_agg(l.metric, l.value) from (
                 select distinct on (i.metric) i.metric, i.value from ${this.s}.media_insights i
                  where i.media_id = m.id order by i.metric, i.day desc) l) as insights
         from ${this.s}.media m where m.account_id = $1 order by m.posted_at desc, m.id limit $2 offset $3`,
      [accountId, limit, offset],
    );
    return rows.map((r) => ({
      id: r.id,
      caption: r.caption,
      mediaType: r.media_type,
      mediaProductType: r.media_product_type,
      permalink: r.permalink,
      mediaUrl: r.media_url,
      thumbnailUrl: r.thumbnail_url,
      postedAt: new Date(r.posted_at),
      likeCount: r.like_count,
      commentsCount: r.comments_count,
      insights: Object.fromEntries(Object.entries(r.insights ?? {}).map(([k, v]) => [k, v === null ? null : Number(v)])),
    }));
  }

  async mediaTotal(accountId: string): Promise<number> {
    const [row] = await this.ctx.query<{ n: string }>(`select count(*) as n from ${this.s}.media where account_id = $1`, [accountId]);
    return Number(row?.n ?? 0);
  }
}
