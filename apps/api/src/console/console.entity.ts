import type { TENANT_STATUS_FILTERS } from '@instagrowth/contracts';

/** Row types of the console's control-schema reads (see console.repository.ts). */
export interface TenantRow {
  id: number;
  slug: string;
  name: string;
  status: 'provisioning' | 'active' | 'suspended';
  schemaName: string;
  planKey: string | null;
  subscriptionStatus: string | null;
  trialEndsAt: Date | null;
  deletionScheduledFor: Date | null;
  createdAt: Date;
}

export interface TenantFilter {
  q?: string;
  plan?: string;
  status?: (typeof TENANT_STATUS_FILTERS)[number];
  createdFrom?: string;
  createdTo?: string;
  page: number;
  pageSize: number;
}

export interface CrossTenantUserRow {
  id: string;
  tenantId: number;
  tenantSlug: string;
  tenantName: string;
  email: string;
  name: string;
  role: string;
  emailVerified: boolean;
  createdAt: Date;
}

export interface CrossTenantAccountRow {
  id: string;
  tenantId: number;
  tenantSlug: string;
  tenantName: string;
  username: string;
  kind: string;
  status: string;
  followers: number | null;
  lastSyncAt: Date | null;
  createdAt: Date;
}

export interface AuditRow {
  id: string;
  actorType: string;
  actorId: string | null;
  actorEmail: string | null;
  action: string;
  tenantId: number | null;
  tenantSlug: string | null;
  targetId: string | null;
  meta: Record<string, unknown> | null;
  ip: string | null;
  createdAt: Date;
}
