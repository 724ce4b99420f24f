import type { ControlMigration } from './migration.js';

export const control0002Instagram: ControlMigration = {
  name: '0002-instagram',
  up: () => [
    // Webhooks name an Instagram account, not a workspace: this index routes them (one account may
    // be connected in several workspaces) and gives the super-admin an overview.
    `create table control.instagram_account_index (
      ig_user_id text not null,
      tenant_id integer not null references control.tenants(id) on delete cascade,
      account_id uuid not null,
      username text not null,
      status text not null,
      updated_at timestamptz not null default now(),
      primary key (ig_user_id, tenant_id, account_id)
    )`,
    `create index instagram_account_index_tenant_idx on control.instagram_account_index (tenant_id)`,
    // The OAuth callback lands on the root host with no workspace cookie: the signed state names the
    // workspace and user, and its nonce is stored here so it works once.
    `create table control.oauth_states (
      nonce text primary key,
      tenant_id integer not null references control.tenants(id) on delete cascade,
      user_id uuid not null,
      account_id uuid,
      expires_at timestamptz not null,
      used_at timestamptz,
      created_at timestamptz not null default now()
    )`,
  ],
};
