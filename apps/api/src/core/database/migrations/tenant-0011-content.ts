import type { TenantMigration } from './migration.js';

/**
 * Brand voice per account, AI/offline generations (the record a credit debit belongs to), the
 * content library, and growth plans with their daily tasks.
 */
export const tenant0011Content: TenantMigration = {
  name: '0011-content',
  up: (s) => [
    `create table ${s}.brand_voices (
      account_id uuid primary key references ${s}.instagram_accounts(id) on delete cascade,
      niche text not null,
      audience text not null default '',
      goals text[] not null default '{}',
      tone text not null default '',
      words_to_use text[] not null default '{}',
      words_to_avoid text[] not null default '{}',
      emoji_policy text not null check (emoji_policy in ('none', 'light', 'rich')),
      languages text[] not null default '{}',
      cta_style text not null check (cta_style in ('none', 'soft', 'direct')),
      example_captions text[] not null default '{}',
      time_zone text not null default 'UTC',
      updated_by uuid,
      updated_at timestamptz not null default now()
    )`,
    `create table ${s}.content_generations (
      id uuid primary key,
      account_id uuid not null references ${s}.instagram_accounts(id) on delete cascade,
      kind text not null,
      options jsonb not null,
      source text not null check (source in ('ai', 'offline')),
      status text not null check (status in ('running', 'completed', 'failed')),
      items jsonb not null default '[]'::jsonb,
      credits_used integer not null default 0,
      error text,
      actor_id uuid,
      created_at timestamptz not null default now()
    )`,
    `create index content_generations_account_idx on ${s}.content_generations (account_id, created_at desc)`,
    `create table ${s}.content_items (
      id uuid primary key,
      account_id uuid not null references ${s}.instagram_accounts(id) on delete cascade,
      generation_id uuid references ${s}.content_generations(id) on delete set null,
      kind text not null,
      title text not null,
      body text not null,
      data jsonb not null,
      source text not null check (source in ('ai', 'offline')),
      status text not null default 'idea' check (status in ('idea', 'drafted', 'approved', 'scheduled', 'posted')),
      favourite boolean not null default false,
      tags text[] not null default '{}',
      inputs jsonb not null,
      created_by uuid,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`,
    `create index content_items_account_idx on ${s}.content_items (account_id, created_at desc)`,
    `create table ${s}.growth_plans (
      id uuid primary key,
      account_id uuid not null references ${s}.instagram_accounts(id) on delete cascade,
      days integer not null check (days in (7, 14, 30)),
      start_date date not null,
      time_zone text not null,
      basis text not null,
      best_times jsonb not null,
      mix jsonb not null,
      goals jsonb not null,
      created_by uuid,
      created_at timestamptz not null default now()
    )`,
    `create index growth_plans_account_idx on ${s}.growth_plans (account_id, created_at desc)`,
    `create table ${s}.growth_plan_tasks (
      id uuid primary key,
      plan_id uuid not null references ${s}.growth_plans(id) on delete cascade,
      day integer not null check (day between 1 and 30),
      position integer not null,
      type text not null check (type in ('post', 'story', 'engage', 'reply', 'analyse')),
      title text not null,
      details text not null,
      format text,
      suggested_time text,
      done_at timestamptz,
      done_by uuid
    )`,
    `create index growth_plan_tasks_plan_idx on ${s}.growth_plan_tasks (plan_id, day, position)`,
  ],
};
