import type { ControlMigration } from './migration.js';

/** AI usage rolled up per workspace per day (super-admin dashboard), and the workspace's time zone. */
export const control0004AiUsage: ControlMigration = {
  name: '0004-ai-usage',
  up: () => [
    `alter table control.tenants add column time_zone text not null default 'UTC'`,
    `create table control.ai_usage_daily (
      tenant_id integer not null references control.tenants(id) on delete cascade,
      day date not null,
      feature text not null,
      model text not null,
      generations integer not null default 0,
      prompt_tokens bigint not null default 0,
      completion_tokens bigint not null default 0,
      cost_usd numeric(14, 6) not null default 0,
      primary key (tenant_id, day, feature, model)
    )`,
  ],
};
