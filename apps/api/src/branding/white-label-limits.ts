import { Injectable } from '@nestjs/common';
import { DomainError } from '../core/errors/domain-error.js';
import { TenantContext } from '../core/tenancy/tenant-context.js';

export type WhiteLabelFeature = 'whiteLabel' | 'removePoweredBy' | 'customDomains' | 'ownInstagramApp';

/**
 * The one adapter between white-label features and plans, until the billing work's
 * LimitsService lands (then `assertFeature`/`has` delegate to it and nothing else changes).
 * Mirrors PRODUCT.md's plan table; a trial gets everything so an agency can try it before paying.
 */
const FEATURES_BY_PLAN: Record<string, readonly WhiteLabelFeature[]> = {
  trial: ['whiteLabel', 'removePoweredBy', 'customDomains', 'ownInstagramApp'],
  starter: [],
  pro: ['whiteLabel'],
  agency: ['whiteLabel', 'removePoweredBy', 'customDomains', 'ownInstagramApp'],
  enterprise: ['whiteLabel', 'removePoweredBy', 'customDomains', 'ownInstagramApp'],
};

@Injectable()
export class WhiteLabelLimits {
  constructor(private readonly ctx: TenantContext) {}

  has(feature: WhiteLabelFeature, planCode = this.ctx.tenant.planCode): boolean {
    return (FEATURES_BY_PLAN[planCode] ?? []).includes(feature);
  }

  assertFeature(feature: WhiteLabelFeature): void {
    if (!this.has(feature)) throw new DomainError('plan_feature_unavailable', 402, `Your plan does not include ${LABELS[feature]}. Upgrade to use it.`);
  }
}

const LABELS: Record<WhiteLabelFeature, string> = {
  whiteLabel: 'white-label branding',
  removePoweredBy: 'hiding "powered by"',
  customDomains: 'custom domains',
  ownInstagramApp: 'your own Instagram app',
};
