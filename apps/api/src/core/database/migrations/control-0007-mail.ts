import type { ControlMigration } from './migration.js';

/**
 * E-mail automations: one log row per mail (its unique dedupe key is what makes a trigger send
 * once however often it fires), provider events, suppressed addresses, per-category unsubscribes,
 * the super-admin's template overrides and each workspace's Resend sending domain.
 */
export const control0007Mail: ControlMigration = {
  name: '0007-mail',
  up: () => [
    `create table control.mail_log (
      id uuid primary key,
      tenant_id integer references control.tenants(id) on delete cascade,
      dedupe_key text not null unique,
      "to" text not null,
      template text not null,
      category text not null,
      subject text not null default '',
      vars jsonb,
      status text not null default 'queued',
      provider text,
      provider_id text,
      reason text,
      attempts integer not null default 0,
      sent_at timestamptz,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`,
    `create index mail_log_tenant_created_idx on control.mail_log (tenant_id, created_at desc)`,
    `create index mail_log_created_idx on control.mail_log (created_at desc)`,
    `create index mail_log_provider_id_idx on control.mail_log (provider_id)`,
    `create table control.mail_events (
      svix_id text primary key,
      log_id uuid references control.mail_log(id) on delete cascade,
      type text not null,
      created_at timestamptz not null default now()
    )`,
    `create table control.mail_suppressions (
      email text primary key,
      reason text not null,
      detail text,
      created_at timestamptz not null default now()
    )`,
    `create table control.mail_unsubscribes (
      tenant_id integer not null default 0,
      email text not null,
      category text not null,
      created_at timestamptz not null default now(),
      primary key (tenant_id, email, category)
    )`,
    `create table control.mail_templates (
      key text primary key,
      subject text not null,
      html text not null,
      text text not null,
      updated_at timestamptz not null default now()
    )`,
    `create table control.mail_domains (
      tenant_id integer primary key references control.tenants(id) on delete cascade,
      domain text not null,
      resend_id text not null,
      status text not null,
      records jsonb not null default '[]'::jsonb,
      updated_at timestamptz not null default now()
    )`,
  ],
};
