import type { TenantMigration } from './migration.js';

/**
 * An agency's clients: a record (name, contacts), the Instagram accounts it owns and the people
 * attached to it (its client users and the staff who serve it). Membership is what grants
 * access: the clients service keeps `assignments` equal to it for client users.
 */
export const tenant0008Clients: TenantMigration = {
  name: '0008-clients',
  up: (s) => [
    `create table ${s}.clients (
      id uuid primary key,
      name text not null,
      contacts jsonb not null default '[]'::jsonb,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`,
    `create unique index clients_name_idx on ${s}.clients (lower(name))`,
    `create table ${s}.client_accounts (
      client_id uuid not null references ${s}.clients(id) on delete cascade,
      account_id uuid not null references ${s}.instagram_accounts(id) on delete cascade,
      primary key (client_id, account_id)
    )`,
    `create table ${s}.client_members (
      client_id uuid not null references ${s}.clients(id) on delete cascade,
      user_id uuid not null references ${s}.users(id) on delete cascade,
      primary key (client_id, user_id)
    )`,
  ],
};
