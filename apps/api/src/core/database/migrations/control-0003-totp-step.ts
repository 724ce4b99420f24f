import type { ControlMigration } from './migration.js';

/** RFC 6238 §5.2: the last TOTP time step an admin used, so a code works once per step. */
export const control0003TotpStep: ControlMigration = {
  name: '0003-totp-step',
  up: () => [`alter table control.platform_admins add column totp_last_step bigint`],
};
