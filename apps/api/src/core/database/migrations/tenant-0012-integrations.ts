import type { TenantMigration } from './migration.js';

/**
 * 1. A manual handle may be live once per workspace: a unique index makes two concurrent adds of
 *    the same handle impossible (the loser gets a 409). Duplicates that already exist are resolved
 *    first, without losing data: the oldest stays live, the newer copies are marked
 *    'disconnected' (the state a removed account has; their posts and numbers stay stored) with a
 *    note saying why.
 * 2. `ig_app_id`: the Instagram app that issued the account's token (null = the platform's app).
 *    Token refreshes and webhook routing use the same app the account was connected through.
 */
export const tenant0012Integrations: TenantMigration = {
  name: '0012-integrations',
  up: (s) => [
    `update ${s}.instagram_accounts a set status = 'disconnected', updated_at = now(),
       last_sync_error = 'Removed automatically: the same manual handle was added twice; the older entry was kept.'
     where a.kind = 'manual' and a.status <> 'disconnected' and exists (
       select 1 from ${s}.instagram_accounts b
       where b.kind = 'manual' and b.status <> 'disconnected' and lower(b.username) = lower(a.username)
         and (b.created_at, b.id) < (a.created_at, a.id))`,
    `create unique index instagram_accounts_live_manual_handle_idx on ${s}.instagram_accounts (lower(username))
       where kind = 'manual' and status <> 'disconnected'`,
    `alter table ${s}.instagram_accounts add column ig_app_id text`,
  ],
};
