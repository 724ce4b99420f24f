import type { ControlMigration } from './migration.js';

/**
 * The super-admin console's operations: scheduled tenant deletion (with a grace period and an
 * undo), impersonation sessions, announcements and their per-user dismissals, admin sessions (idle
 * timeout) and admin invitations; the platform audit log becomes append-only and filterable.
 */
export const control0008Console: ControlMigration = {
  name: '0008-console',
  up: () => [
    `alter table control.tenants add column deletion_scheduled_for timestamptz, add column deletion_requested_by uuid`,
    `create index tenants_created_idx on control.tenants (created_at desc)`,
    // A single-use token (stored hashed) is exchanged on the workspace host for an access token that
    // names this row; the row, not the token, decides whether the session still runs.
    `create table control.impersonation_sessions (
      id uuid primary key,
      tenant_id integer not null references control.tenants(id) on delete cascade,
      admin_id uuid not null references control.platform_admins(id) on delete cascade,
      user_id uuid not null,
      reason text not null,
      token_hash text not null unique,
      token_used_at timestamptz,
      expires_at timestamptz not null,
      ended_at timestamptz,
      end_reason text,
      created_at timestamptz not null default now()
    )`,
    `create index impersonation_sessions_open_idx on control.impersonation_sessions (expires_at) where ended_at is null`,
    `create table control.announcements (
      id uuid primary key,
      title text not null,
      body text not null,
      plans text[] not null default '{}',
      starts_at timestamptz not null,
      ends_at timestamptz,
      created_by uuid,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`,
    `create table control.announcement_dismissals (
      announcement_id uuid not null references control.announcements(id) on delete cascade,
      tenant_id integer not null references control.tenants(id) on delete cascade,
      user_id uuid not null,
      dismissed_at timestamptz not null default now(),
      primary key (announcement_id, tenant_id, user_id)
    )`,
    `create table control.admin_sessions (
      id uuid primary key,
      admin_id uuid not null references control.platform_admins(id) on delete cascade,
      ip text,
      created_at timestamptz not null default now(),
      last_seen_at timestamptz not null default now(),
      ended_at timestamptz
    )`,
    `create table control.admin_invitations (
      id uuid primary key,
      email text not null,
      token_hash text not null unique,
      totp_secret_enc text not null,
      invited_by uuid not null,
      expires_at timestamptz not null,
      accepted_at timestamptz,
      created_at timestamptz not null default now()
    )`,
    `create index platform_audit_log_tenant_idx on control.platform_audit_log (tenant_id, created_at desc)`,
    `create index platform_audit_log_actor_idx on control.platform_audit_log (actor_id, created_at desc)`,
    `create index platform_audit_log_action_idx on control.platform_audit_log (action, created_at desc)`,
    // Append-only in the database itself, not just by convention: no code path can rewrite history.
    `create function control.platform_audit_log_append_only() returns trigger language plpgsql as $$
      begin
        raise exception 'control.platform_audit_log is append-only';
      end
    $$`,
    `create trigger platform_audit_log_append_only before update or delete on control.platform_audit_log
      for each row execute function control.platform_audit_log_append_only()`,
  ],
};
