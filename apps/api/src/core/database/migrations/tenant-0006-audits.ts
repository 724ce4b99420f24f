import type { TenantMigration } from './migration.js';

/**
 * Audits (the engine's computed result + the narrative written around it), AI usage per generation,
 * share links (only the token's hash is stored) and each account's own time zone (null = the workspace's).
 */
export const tenant0006Audits: TenantMigration = {
  name: '0006-audits',
  up: (s) => [
    `alter table ${s}.instagram_accounts add column time_zone text`,
    `create table ${s}.audits (
      id uuid primary key,
      account_id uuid not null references ${s}.instagram_accounts(id) on delete cascade,
      status text not null check (status in ('queued', 'running', 'completed', 'failed')),
      percent integer not null default 0,
      step text not null default 'queued',
      steps jsonb not null default '[]'::jsonb,
      source text check (source in ('ai', 'offline')),
      narrative_fallback boolean not null default false,
      credits integer not null default 0,
      time_zone text not null,
      result jsonb,
      narrative jsonb,
      error text,
      requested_by uuid,
      created_at timestamptz not null default clock_timestamp(),
      started_at timestamptz,
      finished_at timestamptz
    )`,
    `create index audits_account_idx on ${s}.audits (account_id, created_at desc)`,
    `create table ${s}.ai_usage (
      id uuid primary key,
      feature text not null,
      reference_id text,
      model text not null,
      prompt_tokens integer not null,
      completion_tokens integer not null,
      cost_usd numeric(12, 6) not null,
      created_at timestamptz not null default now()
    )`,
    `create index ai_usage_created_idx on ${s}.ai_usage (created_at desc)`,
    `create table ${s}.share_links (
      id uuid primary key,
      audit_id uuid not null references ${s}.audits(id) on delete cascade,
      token_hash text not null unique,
      expires_at timestamptz not null,
      revoked_at timestamptz,
      open_count integer not null default 0,
      last_opened_at timestamptz,
      created_by uuid,
      created_at timestamptz not null default now()
    )`,
    `create index share_links_audit_idx on ${s}.share_links (audit_id, created_at desc)`,
  ],
};
