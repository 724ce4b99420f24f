import type { ControlMigration } from './migration.js';

/**
 * Rollups for the super-admin dashboard, so it reads a handful of control tables instead of one
 * query per workspace schema. The rollup job (admin-dashboard) rewrites them from the source rows:
 * - tenant_rollups: each workspace's current users and live Instagram accounts;
 * - tenant_daily_rollups: per workspace per day, users and accounts created and sync runs failed
 *   (history included: the job recomputes from created_at, so the series starts at day one);
 * - subscription_snapshots: each workspace's subscription state and MRR per day (churn, MRR change
 *   and trial conversion compare two days; written from the day the job first ran).
 */
export const control0009Rollups: ControlMigration = {
  name: '0009-rollups',
  up: () => [
    `create table control.tenant_rollups (
      tenant_id integer primary key references control.tenants(id) on delete cascade,
      users integer not null default 0,
      accounts integer not null default 0,
      refreshed_at timestamptz not null default now()
    )`,
    `create table control.tenant_daily_rollups (
      tenant_id integer not null references control.tenants(id) on delete cascade,
      day date not null,
      users_new integer not null default 0,
      accounts_new integer not null default 0,
      sync_failures integer not null default 0,
      primary key (tenant_id, day)
    )`,
    `create index tenant_daily_rollups_day_idx on control.tenant_daily_rollups (day)`,
    `create table control.subscription_snapshots (
      day date not null,
      tenant_id integer not null references control.tenants(id) on delete cascade,
      plan_key text not null,
      status text not null,
      currency text not null,
      mrr integer not null,
      primary key (day, tenant_id)
    )`,
  ],
};
