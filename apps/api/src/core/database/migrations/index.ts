import type { ControlMigration, TenantMigration } from './migration.js';
import { control0001Init } from './control-0001-init.js';
import { tenant0001Init } from './tenant-0001-init.js';
import { control0002Instagram } from './control-0002-instagram.js';
import { tenant0002Instagram } from './tenant-0002-instagram.js';
import { tenant0003WebhookEvents } from './tenant-0003-webhook-events.js';
import { tenant0004Credits } from './tenant-0004-credits.js';
import { control0003TotpStep } from './control-0003-totp-step.js';
import { tenant0005Sessions } from './tenant-0005-sessions.js';
import { tenant0006Audits } from './tenant-0006-audits.js';
import { control0004AiUsage } from './control-0004-ai-usage.js';
import { control0005Billing } from './control-0005-billing.js';
import { control0006DomainChecks } from './control-0006-domain-checks.js';
import { control0010InstagramApps } from './control-0010-instagram-apps.js';
import { tenant0008Clients } from './tenant-0008-clients.js';
import { tenant0011Content } from './tenant-0011-content.js';
import { control0008Console } from './control-0008-console.js';
import { tenant0012Integrations } from './tenant-0012-integrations.js';
import { control0009Rollups } from './control-0009-rollups.js';
import { tenant0010Approvals } from './tenant-0010-approvals.js';
import { control0012AgencyDomains } from './control-0012-agency-domains.js';
import { control0007Mail } from './control-0007-mail.js';

/** Append only. A tenant's schema_version is the number of tenant migrations applied to it. */
export const CONTROL_MIGRATIONS: readonly ControlMigration[] = [control0001Init, control0002Instagram, control0003TotpStep, control0004AiUsage, control0005Billing, control0006DomainChecks, control0010InstagramApps, control0009Rollups, control0008Console, control0012AgencyDomains, control0007Mail];
export const TENANT_MIGRATIONS: readonly TenantMigration[] = [tenant0001Init, tenant0002Instagram, tenant0003WebhookEvents, tenant0004Credits, tenant0005Sessions, tenant0006Audits, tenant0008Clients, tenant0011Content, tenant0012Integrations, tenant0010Approvals];

export type { ControlMigration, TenantMigration } from './migration.js';
