export {
  auditLogQuerySchema,
  extendTrialSchema,
  grantCreditsSchema,
  inviteAdminSchema,
  acceptAdminInvitationSchema,
  pagedSearchQuerySchema,
  scheduleDeletionSchema,
  tenantSearchQuerySchema,
} from '@instagrowth/contracts';
import type { AuditRow, CrossTenantAccountRow, CrossTenantUserRow } from './console.entity.js';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export const toUserView = (r: CrossTenantUserRow) => ({ ...r, createdAt: r.createdAt.toISOString() });
export const toAccountView = (r: CrossTenantAccountRow) => ({ ...r, lastSyncAt: iso(r.lastSyncAt), createdAt: r.createdAt.toISOString() });
export const toAuditView = (r: AuditRow) => ({ ...r, createdAt: r.createdAt.toISOString() });

/** When a deletion scheduled now with `graceDays` really happens. */
export function deletionDate(now: Date, graceDays: number): Date {
  return new Date(now.getTime() + graceDays * 86_400_000);
}
