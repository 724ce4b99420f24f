import type { TenantMigration } from './migration.js';

export const tenant0001Init: TenantMigration = {
  name: '0001-init',
  up: (s) => [
    `create table ${s}.users (
      id uuid primary key,
      email text not null unique,
      name text not null,
      password_hash text not null,
      role text not null check (role in ('owner', 'admin', 'manager', 'client')),
      email_verified_at timestamptz,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`,
    `create table ${s}.refresh_tokens (
      id uuid primary key,
      user_id uuid not null references ${s}.users(id) on delete cascade,
      family_id uuid not null,
      token_hash text not null unique,
      expires_at timestamptz not null,
      used_at timestamptz,
      revoked_at timestamptz,
      created_at timestamptz not null default now()
    )`,
    `create index refresh_tokens_family_idx on ${s}.refresh_tokens (family_id)`,
    `create index refresh_tokens_user_idx on ${s}.refresh_tokens (user_id)`,
    `create table ${s}.user_tokens (
      id uuid primary key,
      user_id uuid not null references ${s}.users(id) on delete cascade,
      purpose text not null check (purpose in ('verify_email', 'reset_password')),
      token_hash text not null unique,
      expires_at timestamptz not null,
      used_at timestamptz,
      created_at timestamptz not null default now()
    )`,
    `create index user_tokens_user_idx on ${s}.user_tokens (user_id)`,
    `create table ${s}.invitations (
      id uuid primary key,
      email text not null,
      role text not null check (role in ('admin', 'manager', 'client')),
      token_hash text not null unique,
      invited_by uuid not null,
      expires_at timestamptz not null,
      accepted_at timestamptz,
      revoked_at timestamptz,
      created_at timestamptz not null default now()
    )`,
    `create unique index invitations_pending_email_idx on ${s}.invitations (email) where accepted_at is null and revoked_at is null`,
    `create table ${s}.assignments (
      user_id uuid not null references ${s}.users(id) on delete cascade,
      resource_type text not null,
      resource_id text not null,
      created_at timestamptz not null default now(),
      primary key (user_id, resource_type, resource_id)
    )`,
  ],
};
