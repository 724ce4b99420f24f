import type { TenantMigration } from './migration.js';

/** Instagram webhook events routed to this workspace, deduplicated, waiting for the inbox to process them. */
export const tenant0003WebhookEvents: TenantMigration = {
  name: '0003-webhook-events',
  up: (s) => [
    `create table ${s}.webhook_events (
      id text primary key,
      account_id uuid not null references ${s}.instagram_accounts(id) on delete cascade,
      field text not null,
      payload jsonb not null,
      occurred_at timestamptz,
      received_at timestamptz not null default now(),
      processed_at timestamptz
    )`,
    `create index webhook_events_unprocessed_idx on ${s}.webhook_events (received_at) where processed_at is null`,
  ],
};
