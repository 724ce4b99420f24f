import type { PlanKey } from '@instagrowth/contracts';

/**
 * Marketing words per plan. Prices, limits and features come from `GET /api/plans` (the super-admin
 * edits them); only the taglines and the highlighted plan are the landing page's own.
 */
export const PLAN_TAGLINES: Record<string, string> = {
  starter: 'For creators growing one account.',
  pro: 'For freelancers and small teams.',
  agency: 'For agencies reselling under their brand.',
  enterprise: 'For networks managing many brands.',
};

export const HIGHLIGHTED_PLAN: PlanKey = 'pro';

export const isPlanKey = (v: string | null): v is PlanKey => v === 'starter' || v === 'pro' || v === 'agency' || v === 'enterprise';
