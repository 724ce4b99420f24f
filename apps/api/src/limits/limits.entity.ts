import type { PlanRow } from '../plans/plans.entity.js';

/** Countable things a plan limits. */
export type LimitName = 'accounts' | 'seats' | 'clientLogins' | 'customDomains';
/** On/off things a plan includes. */
export type PlanFeature = 'whiteLabel' | 'removePoweredBy' | 'customDomains' | 'ownInstagramApp';

/** control.subscriptions as read here (Stripe's state of the workspace's subscription). */
export interface SubscriptionRow {
  tenantId: number;
  planKey: string;
  interval: 'month' | 'year';
  status: string;
  stripeCustomerId: string | null;
  stripeSubscriptionId: string | null;
  currentPeriodStart: Date | null;
  currentPeriodEnd: Date | null;
  trialEndsAt: Date | null;
  cancelAtPeriodEnd: boolean;
  extraAccounts: number;
  whiteLabelAddon: boolean;
  graceEndsAt: Date | null;
}

/** What the workspace may use right now: its plan after add-ons, grace and downgrades. */
export interface EffectivePlan {
  /** The plan the limits come from (the downgrade plan once grace ran out). */
  plan: PlanRow;
  /** The plan the workspace subscribed to (differs from `plan` after a downgrade). */
  subscribedPlanKey: string;
  /** Stripe's subscription status, or `none` for a workspace that never had a plan. */
  status: string;
  downgraded: boolean;
  trialEndsAt: Date | null;
  currentPeriodStart: Date | null;
  currentPeriodEnd: Date | null;
  graceEndsAt: Date | null;
  cancelAtPeriodEnd: boolean;
  interval: 'month' | 'year';
  limits: Record<LimitName, number | null> & { aiCredits: number };
  features: Record<PlanFeature, boolean>;
  subscription: SubscriptionRow | null;
}
