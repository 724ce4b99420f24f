import type { TenantMigration } from './migration.js';

/**
 * Instagram accounts and their stored history. Instagram ids are text (they exceed 2^53).
 * Insight values are nullable: null with status 'unavailable' is "Instagram gave no value", never 0.
 */
export const tenant0002Instagram: TenantMigration = {
  name: '0002-instagram',
  up: (s) => [
    `create table ${s}.instagram_accounts (
      id uuid primary key,
      kind text not null check (kind in ('instagram', 'manual')),
      ig_user_id text,
      ig_app_scoped_id text,
      username text not null,
      name text,
      account_type text,
      profile_picture_url text,
      biography text,
      website text,
      followers_count integer,
      follows_count integer,
      media_count integer,
      status text not null check (status in ('connected', 'syncing', 'reconnect_required', 'manual', 'disconnected')),
      token_enc text,
      token_expires_at timestamptz,
      token_refreshed_at timestamptz,
      granted_scopes text[] not null default '{}',
      connected_by uuid,
      last_sync_at timestamptz,
      last_sync_error text,
      backfilled_at timestamptz,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`,
    `create unique index instagram_accounts_live_ig_user_idx on ${s}.instagram_accounts (ig_user_id) where ig_user_id is not null and status <> 'disconnected'`,
    `create table ${s}.media (
      id text primary key,
      account_id uuid not null references ${s}.instagram_accounts(id) on delete cascade,
      source text not null check (source in ('instagram', 'csv')),
      caption text,
      media_type text,
      media_product_type text,
      permalink text,
      media_url text,
      thumbnail_url text,
      posted_at timestamptz not null,
      like_count integer,
      comments_count integer,
      insights_fetched_at timestamptz,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`,
    `create index media_account_posted_idx on ${s}.media (account_id, posted_at desc)`,
    `create table ${s}.media_insights (
      media_id text not null references ${s}.media(id) on delete cascade,
      day date not null,
      metric text not null,
      value double precision,
      status text not null check (status in ('ok', 'unavailable')),
      fetched_at timestamptz not null default now(),
      primary key (media_id, day, metric)
    )`,
    `create table ${s}.account_metrics (
      account_id uuid not null references ${s}.instagram_accounts(id) on delete cascade,
      day date not null,
      metric text not null,
      value double precision,
      status text not null check (status in ('ok', 'unavailable')),
      source text not null check (source in ('api', 'manual', 'estimate')),
      fetched_at timestamptz not null default now(),
      primary key (account_id, day, metric)
    )`,
    `create table ${s}.online_followers (
      account_id uuid not null references ${s}.instagram_accounts(id) on delete cascade,
      day date not null,
      hour smallint not null check (hour between 0 and 23),
      value integer not null,
      primary key (account_id, day, hour)
    )`,
    `create table ${s}.sync_runs (
      id uuid primary key,
      account_id uuid not null references ${s}.instagram_accounts(id) on delete cascade,
      kind text not null check (kind in ('backfill', 'daily', 'manual')),
      status text not null check (status in ('queued', 'running', 'completed', 'failed')),
      percent integer not null default 0,
      step text not null default 'queued',
      steps jsonb not null default '[]'::jsonb,
      calls integer not null default 0,
      error text,
      started_at timestamptz,
      finished_at timestamptz,
      created_at timestamptz not null default now()
    )`,
    `create index sync_runs_account_idx on ${s}.sync_runs (account_id, created_at desc)`,
  ],
};
