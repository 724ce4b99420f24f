import type { ControlMigration } from './migration.js';

/** Custom domains: when DNS was last checked and why a domain is (still, or again) pending. */
export const control0006DomainChecks: ControlMigration = {
  name: '0006-domain-checks',
  up: () => [
    `alter table control.domains add column last_checked_at timestamptz`,
    `alter table control.domains add column last_error text`,
  ],
};
