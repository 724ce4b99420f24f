import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { Filter } from '../core/auth/casl-filter.js';
import { joinSql, rawSql, sql, tenantTable } from '../core/database/sql.js';
import { compileFilter } from '../core/database/sql-filter.js';
import { TenantDb } from '../core/tenancy/tenant-db.js';
import { conflict } from '../core/errors/domain-error.js';
import { PrincipalRepository } from '../core/auth/principal.repository.js';
import type { AccountStatus, InstagramAccount } from './accounts.entity.js';

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

const accounts = tenantTable('instagram_accounts');
const assignments = tenantTable('assignments');
const users = tenantTable('users');

/** Property → column of instagram_accounts (the entity in accounts.entity.ts is the typed row). */
type AccountProp = Extract<keyof InstagramAccount, string>;
const COLUMNS: Record<AccountProp, string> = {
  id: 'id', kind: 'kind', igUserId: 'ig_user_id', igAppScopedId: 'ig_app_scoped_id', igAppId: 'ig_app_id', username: 'username', name: 'name',
  accountType: 'account_type', profilePictureUrl: 'profile_picture_url', biography: 'biography', website: 'website',
  followersCount: 'followers_count', followsCount: 'follows_count', mediaCount: 'media_count', status: 'status',
  tokenEnc: 'token_enc', tokenExpiresAt: 'token_expires_at', tokenRefreshedAt: 'token_refreshed_at', grantedScopes: 'granted_scopes',
  connectedBy: 'connected_by', lastSyncAt: 'last_sync_at', lastSyncError: 'last_sync_error', backfilledAt: 'backfilled_at',
  createdAt: 'created_at', updatedAt: 'updated_at',
};
const SELECT = rawSql(Object.entries(COLUMNS).map(([prop, col]) => `a.${col} as "${prop}"`).join(', '));
const DATES = ['tokenExpiresAt', 'tokenRefreshedAt', 'lastSyncAt', 'backfilledAt', 'createdAt', 'updatedAt'] as const;
/** The CASL list filter speaks entity properties; compiled against these columns. */
const FILTER_COLUMNS = Object.fromEntries(Object.entries(COLUMNS).map(([prop, col]) => [prop, `a.${col}`]));

/** pg returns timestamptz as strings on the raw path: the repository hands out Dates. */
function toAccount(row: InstagramAccount): InstagramAccount {
  for (const key of DATES) {
    const v = row[key] as unknown;
    if (v !== null && v !== undefined && !(v instanceof Date)) (row as Record<string, unknown>)[key] = new Date(v as string);
  }
  return row;
}

/** Instagram accounts and their read models, in the current tenant's schema. */
@Injectable()
export class AccountsRepository {
  constructor(
    private readonly db: TenantDb,
    private readonly principals: PrincipalRepository,
  ) {}

  /**
   * Accounts matching the caller's ability filter (see core/auth/casl-filter.ts; null = none) and
   * the workspace's live account count, in one raw statement and one round trip: the filter
   * compiles to SQL and rows map straight to the typed shape (no ORM fork or hydration on the hot
   * list path). The count row is always there, so an empty list still reports the count.
   */
  async listWithLiveCount(filter: Filter | null): Promise<{ accounts: InstagramAccount[]; liveCount: number }> {
    const visible = filter === null ? sql`false` : compileFilter(filter, FILTER_COLUMNS);
    const rows = await this.db.query<InstagramAccount & { liveCount: number }>(sql`select c.n as "liveCount", a.*
      from (select count(*)::int as n from ${accounts} where status <> 'disconnected') c
      left join lateral (select ${SELECT} from ${accounts} a where a.status <> 'disconnected' and ${visible}) a on true
      order by a."createdAt" asc`);
    return { accounts: rows.filter((r) => r.id !== null).map(({ liveCount: _, ...row }) => toAccount(row as InstagramAccount)), liveCount: rows[0]?.liveCount ?? 0 };
  }

  async findById(id: string): Promise<InstagramAccount | null> {
    const row = await this.db.one<InstagramAccount>(sql`select ${SELECT} from ${accounts} a where a.id = ${id} and a.status <> 'disconnected'`);
    return row && toAccount(row);
  }

  async findLiveByIgUserId(igUserId: string): Promise<InstagramAccount | null> {
    const row = await this.db.one<InstagramAccount>(sql`select ${SELECT} from ${accounts} a where a.ig_user_id = ${igUserId} and a.status <> 'disconnected'`);
    return row && toAccount(row);
  }

  /** A live manual account with this handle, compared case-insensitively. */
  async findLiveManualByUsername(username: string): Promise<{ id: string } | null> {
    return this.db.one<{ id: string }>(sql`select id from ${accounts} where kind = 'manual' and status <> 'disconnected' and lower(username) = lower(${username}) limit 1`);
  }

  async countLive(): Promise<number> {
    const row = await this.db.one<{ n: number }>(sql`select count(*)::int as n from ${accounts} where status <> 'disconnected'`);
    return row?.n ?? 0;
  }

  /** Accounts whose token needs a refresh: older than 24 h and expiring within `days`. */
  async listTokensToRefresh(days: number): Promise<InstagramAccount[]> {
    const now = Date.now();
    const rows = await this.db.query<InstagramAccount>(sql`select ${SELECT} from ${accounts} a
      where a.kind = 'instagram' and a.status in ('connected', 'syncing') and a.token_enc is not null
        and a.token_refreshed_at < ${new Date(now - 86_400_000)}
        and a.token_expires_at < ${new Date(now + days * 86_400_000)} and a.token_expires_at > ${new Date(now)}`);
    return rows.map(toAccount);
  }

  async listSyncable(): Promise<InstagramAccount[]> {
    const rows = await this.db.query<InstagramAccount>(sql`select ${SELECT} from ${accounts} a where a.kind = 'instagram' and a.status in ('connected', 'syncing')`);
    return rows.map(toAccount);
  }

  async insert(input: Partial<InstagramAccount> & Pick<InstagramAccount, 'kind' | 'username' | 'status'>): Promise<InstagramAccount> {
    const now = new Date();
    const values: Partial<InstagramAccount> = { id: randomUUID(), grantedScopes: [], createdAt: now, updatedAt: now, ...input };
    const entries = Object.entries(values).filter(([, v]) => v !== undefined);
    const cols = rawSql(entries.map(([k]) => column(k)).join(', '));
    let row: InstagramAccount | null;
    try {
      row = await this.db.one<InstagramAccount>(
        sql`insert into ${accounts} as a (${cols}) values (${joinSql(entries.map(([, v]) => sql`${v}`), ', ')}) returning ${SELECT}`,
      );
    } catch (error) {
      // Two adds of the same manual handle at once: the unique index lets one through, the other is a 409.
      if (isUniqueViolation(error, 'instagram_accounts_live_manual_handle_idx')) {
        throw conflict('account_exists', `@${input.username} is already in this workspace as a manual account.`, { username: `@${input.username} is already added` });
      }
      throw error;
    }
    return toAccount(row!);
  }

  /** Removes an account row and (by cascade) everything stored for it. */
  async deleteHard(id: string): Promise<void> {
    await this.db.execute(sql`delete from ${accounts} where id = ${id}`);
  }

  async update(id: string, changes: Partial<InstagramAccount>): Promise<void> {
    const entries = Object.entries({ ...changes, updatedAt: new Date() }).filter(([, v]) => v !== undefined);
    const set = joinSql(entries.map(([k, v]) => sql`${rawSql(column(k))} = ${v}`), ', ');
    await this.db.execute(sql`update ${accounts} set ${set} where id = ${id}`);
  }

  async setStatus(id: string, status: AccountStatus, lastSyncError?: string | null): Promise<void> {
    await this.update(id, lastSyncError === undefined ? { status } : { status, lastSyncError });
  }

  async assign(userId: string, accountId: string): Promise<void> {
    await this.db.execute(sql`insert into ${assignments} (user_id, resource_type, resource_id, created_at)
      values (${userId}, 'instagram_account', ${accountId}, now()) on conflict do nothing`);
    await this.principals.membersChanged();
  }

  listAssignments(accountId: string): Promise<{ userId: string; name: string; email: string; role: string }[]> {
    return this.db.query(sql`select u.id as "userId", u.name, u.email, u.role from ${assignments} a join ${users} u on u.id = a.user_id
        where a.resource_type = 'instagram_account' and a.resource_id = ${accountId} order by u.name`);
  }

  /**
   * Replaces the account's assignments with `userIds`, all or nothing: false (and no change) when
   * any of them is not a manager or client of this workspace.
   */
  async setAssignments(accountId: string, userIds: string[]): Promise<boolean> {
    return this.db.unitOfWork(async () => {
      const valid = await this.db.one<{ n: number }>(sql`select count(*)::int as n from ${users} where id = any(${userIds}::uuid[]) and role in ('manager', 'client')`);
      if (valid!.n !== userIds.length) return false;
      await this.db.execute(sql`delete from ${assignments} where resource_type = 'instagram_account' and resource_id = ${accountId}`);
      if (userIds.length) {
        await this.db.execute(sql`insert into ${assignments} (user_id, resource_type, resource_id) select unnest(${userIds}::uuid[]), 'instagram_account', ${accountId}`);
      }
      await this.principals.membersChanged();
      return true;
    });
  }

  async history(accountId: string, days = 400): Promise<HistoryRow[]> {
    const rows = await this.db.query<{ day: string; followers: string | null; follows: string | null; media: string | null; reach: string | null; followers_source: string | null }>(
      sql`select to_char(day, 'YYYY-MM-DD') as day,
              max(value) filter (where metric = 'followers_count') as followers,
              max(source) filter (where metric = 'followers_count') as followers_source,
              max(value) filter (where metric = 'follows_count') as follows,
              max(value) filter (where metric = 'media_count') as media,
              max(value) filter (where metric = 'reach') as reach
         from ${tenantTable('account_metrics')}
        where account_id = ${accountId} and day >= current_date - ${days}::int
        group by day order by day`,
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
    const rows = await this.db.query<{
      id: string; caption: string | null; media_type: string | null; media_product_type: string | null; permalink: string | null;
      media_url: string | null; thumbnail_url: string | null; posted_at: Date; like_count: number | null; comments_count: number | null;
      insights: Record<string, string | number | null> | null;
    }>(
      sql`select m.id, m.caption, m.media_type, m.media_product_type, m.permalink, m.media_url, m.thumbnail_url, m.posted_at,
              m.like_count, m.comments_count,
              (select jsonb_object_agg(l.metric, l.value) from (
                 select distinct on (i.metric) i.metric, i.value from ${tenantTable('media_insights')} i
                  where i.media_id = m.id order by i.metric, i.day desc) l) as insights
         from ${tenantTable('media')} m where m.account_id = ${accountId} order by m.posted_at desc, m.id limit ${limit} offset ${offset}`,
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
    const row = await this.db.one<{ n: number }>(sql`select count(*)::int as n from ${tenantTable('media')} where account_id = ${accountId}`);
    return row?.n ?? 0;
  }
}

function column(prop: string): string {
  const col = COLUMNS[prop as AccountProp];
  if (!col) throw new Error(`instagram_accounts has no column for ${prop}`);
  return col;
}

function isUniqueViolation(error: unknown, constraint: string): boolean {
  const e = error as { code?: string; constraint?: string; message?: string };
  return e?.code === '23505' && (e.constraint === constraint || String(e.message).includes(constraint));
}
