import type { TenantMigration } from './migration.js';

/**
 * Sessions a user can see and end (profile page): each refresh token records the browser and
 * address it was issued to. E-mail changes are confirmed by a mailed token carrying the new address.
 */
export const tenant0005Sessions: TenantMigration = {
  name: '0005-sessions',
  up: (s) => [
    `alter table ${s}.refresh_tokens add column user_agent text, add column ip text`,
    `alter table ${s}.user_tokens add column new_email text`,
    `alter table ${s}.user_tokens drop constraint if exists user_tokens_purpose_check`,
    `alter table ${s}.user_tokens add constraint user_tokens_purpose_check check (purpose in ('verify_email', 'reset_password', 'change_email'))`,
    `create index refresh_tokens_user_live_idx on ${s}.refresh_tokens (user_id) where revoked_at is null`,
  ],
};
