import type { ControlMigration } from './migration.js';

/**
 * A workspace's own Instagram app (agency plans). In control, not the tenant schema: webhook
 * deliveries arrive on the root host at `/api/instagram/webhooks/apps/<app id>` and must find the
 * app's secret before any workspace is known. The secret is AES-GCM sealed (SETTINGS_ENCRYPTION_KEY)
 * and bound to the workspace id; only its last four characters are kept in clear for display.
 * `instagram_account_index.app_id` says which app an account was connected through (null = the
 * platform's), so each app's webhook deliveries reach only the connections that app made.
 */
export const control0010InstagramApps: ControlMigration = {
  name: '0010-instagram-apps',
  up: () => [
    `create table control.instagram_apps (
      tenant_id integer primary key references control.tenants(id) on delete cascade,
      app_id text not null,
      secret_enc text not null,
      secret_last4 text not null,
      webhook_verify_token text not null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`,
    `create index instagram_apps_app_id_idx on control.instagram_apps (app_id)`,
    `alter table control.instagram_account_index add column app_id text`,
  ],
};
