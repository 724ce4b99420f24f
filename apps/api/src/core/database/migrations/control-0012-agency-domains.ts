import type { ControlMigration } from './migration.js';

/**
 * The Agency plan includes custom domains (three), as agencies reselling under their own brand
 * expect; it was seeded with none. Only a plan still at the old seed value is changed, so an
 * operator's own edit is kept.
 */
export const control0012AgencyDomains: ControlMigration = {
  name: '0012-agency-domains',
  up: () => [
    `update control.plans set custom_domains = 3, features = replace(features::text, '"White-label included"', '"White-label with 3 custom domains"')::jsonb where key = 'agency' and custom_domains = 0`,
  ],
};
