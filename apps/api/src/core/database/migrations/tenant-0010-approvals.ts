import type { TenantMigration } from './migration.js';

/**
 * Client approvals (a request per send, its events are the history), single-use magic sign-in
 * links (only the hash is stored), growth plans that name the audit they were built from, and
 * audit roadmap ticks stored per audit instead of in the browser.
 */
export const tenant0010Approvals: TenantMigration = {
  name: '0010-approvals',
  up: (s) => [
    `create table ${s}.approval_requests (
      id uuid primary key,
      subject_type text not null check (subject_type in ('content', 'plan')),
      subject_id uuid not null,
      account_id uuid not null references ${s}.instagram_accounts(id) on delete cascade,
      title text not null,
      snapshot jsonb not null,
      status text not null default 'pending' check (status in ('pending', 'approved', 'changes_requested', 'withdrawn')),
      requested_by uuid references ${s}.users(id) on delete set null,
      decided_by uuid references ${s}.users(id) on delete set null,
      decided_at timestamptz,
      reminded_at timestamptz,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`,
    // One open request per item: sending again while one is pending is a conflict, not a duplicate.
    `create unique index approval_requests_open_idx on ${s}.approval_requests (subject_type, subject_id) where status = 'pending'`,
    `create index approval_requests_account_idx on ${s}.approval_requests (account_id, created_at desc)`,
    `create index approval_requests_subject_idx on ${s}.approval_requests (subject_type, subject_id, created_at desc)`,
    `create table ${s}.approval_events (
      id uuid primary key,
      request_id uuid not null references ${s}.approval_requests(id) on delete cascade,
      action text not null check (action in ('requested', 'approved', 'changes_requested', 'commented', 'withdrawn')),
      actor_id uuid references ${s}.users(id) on delete set null,
      actor_name text not null,
      actor_role text not null,
      comment text,
      created_at timestamptz not null default now()
    )`,
    `create index approval_events_request_idx on ${s}.approval_events (request_id, created_at)`,
    `create table ${s}.magic_links (
      id uuid primary key,
      user_id uuid not null references ${s}.users(id) on delete cascade,
      token_hash text not null unique,
      expires_at timestamptz not null,
      used_at timestamptz,
      created_at timestamptz not null default now()
    )`,
    `create index magic_links_user_idx on ${s}.magic_links (user_id)`,
    `alter table ${s}.growth_plans add column audit_id uuid references ${s}.audits(id) on delete set null`,
    `alter table ${s}.growth_plans add column audit_at timestamptz`,
    `create table ${s}.audit_roadmap_ticks (
      audit_id uuid not null references ${s}.audits(id) on delete cascade,
      day integer not null check (day between 1 and 366),
      done_by uuid references ${s}.users(id) on delete set null,
      done_at timestamptz not null default now(),
      primary key (audit_id, day)
    )`,
    // Growth plans shared like audits: the same /r/<token> page, only the token's hash stored.
    `create table ${s}.plan_share_links (
      id uuid primary key,
      plan_id uuid not null references ${s}.growth_plans(id) on delete cascade,
      token_hash text not null unique,
      expires_at timestamptz not null,
      revoked_at timestamptz,
      created_by uuid references ${s}.users(id) on delete set null,
      open_count integer not null default 0,
      created_at timestamptz not null default now()
    )`,
  ],
};
