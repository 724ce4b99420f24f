import type { PlanPrice, SubscriptionRow } from './metrics.js';

/** What the dashboard reads from control (rollups and billing), already typed and converted. */
export interface DashboardSource {
  tenants: number;
  users: number;
  accounts: number;
  plans: Map<string, PlanPrice>;
  addons: { extraAccount: number; whiteLabel: number };
  subscriptions: (SubscriptionRow & { slug: string })[];
  trials: { trialEndsAt: Date | null; paying: boolean }[];
  refreshedAt: Date | null;
}

export interface TenantDailyCounts {
  day: string;
  usersNew: number;
  accountsNew: number;
  syncFailures: number;
}
