import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../core/config/config.js';
import { DomainError } from '../core/errors/domain-error.js';
import { TenantContext } from '../core/tenancy/tenant-context.js';
import { effectivePlan, planThatLifts, planWithFeature } from './effective-plan.js';
import type { EffectivePlan, LimitName, PlanFeature } from './limits.entity.js';
import { LimitsRepository } from './limits.repository.js';

const NOUN: Record<LimitName, [string, string]> = {
  accounts: ['Instagram account', 'Instagram accounts'],
  seats: ['team seat', 'team seats'],
  clientLogins: ['client login', 'client logins'],
  customDomains: ['custom domain', 'custom domains'],
};
const FEATURE_NAME: Record<PlanFeature, string> = {
  whiteLabel: 'White-label branding',
  removePoweredBy: 'Removing “powered by”',
  customDomains: 'Custom domains',
  ownInstagramApp: 'Your own Instagram app',
};
const ERROR_CODE: Record<LimitName, string> = {
  accounts: 'account_limit_reached',
  seats: 'seat_limit_reached',
  clientLogins: 'client_login_limit_reached',
  customDomains: 'custom_domain_limit_reached',
};

export interface LimitUsage {
  used: number;
  /** null = unlimited */
  limit: number | null;
}
export type Usage = Record<LimitName, LimitUsage>;

const noun = (limit: LimitName, n: number | null) => (n === 1 ? NOUN[limit][0] : NOUN[limit][1]);

/**
 * The one place that says what the current workspace's plan allows. Every domain that adds a
 * limited thing calls `assertCanAdd` before it does (402 naming the limit, the usage and the plan
 * that lifts it) and every plan-only feature calls `assertFeature` (403).
 */
@Injectable()
export class LimitsService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly repo: LimitsRepository,
    private readonly ctx: TenantContext,
  ) {}

  async current(now = new Date()): Promise<EffectivePlan> {
    const tenantId = this.ctx.tenant.id;
    const { planCode, trialEndsAt, subscription, plans } = await this.repo.planInputs(tenantId);
    return effectivePlan({
      now, planCode, tenantTrialEndsAt: trialEndsAt, subscription, plans,
      defaults: { accounts: this.config.defaultAccountLimit, aiCredits: this.config.defaultAiCredits },
    });
  }

  async limit(limit: LimitName): Promise<number | null> {
    return (await this.current()).limits[limit];
  }

  async usage(plan?: EffectivePlan): Promise<Usage> {
    const p = plan ?? (await this.current());
    const [accounts, seats, clientLogins, customDomains] = await Promise.all([
      this.repo.countAccounts(), this.repo.countSeats(), this.repo.countClientLogins(), this.repo.countCustomDomains(this.ctx.tenant.id),
    ]);
    return {
      accounts: { used: accounts, limit: p.limits.accounts },
      seats: { used: seats, limit: p.limits.seats },
      clientLogins: { used: clientLogins, limit: p.limits.clientLogins },
      customDomains: { used: customDomains, limit: p.limits.customDomains },
    };
  }

  /** Throws 402 `<limit>_limit_reached` unless `count` more fit in the plan. */
  async assertCanAdd(limit: LimitName, count = 1): Promise<void> {
    const plan = await this.current();
    const max = plan.limits[limit];
    if (max === null) return;
    const used = (await this.usage(plan))[limit].used;
    if (used + count <= max) return;
    const lifts = planThatLifts((await this.repo.plans()), limit, used + count);
    throw new DomainError(
      ERROR_CODE[limit],
      402,
      `Your ${plan.plan.name} plan allows ${max} ${noun(limit, max)} and this workspace has ${used}. ` +
        (lifts ? `The ${lifts.name} plan allows ${lifts[limit] === null ? 'unlimited' : lifts[limit]}: an owner can upgrade on the billing page.` : 'Contact us for a larger plan.'),
    );
  }

  async hasFeature(feature: PlanFeature): Promise<boolean> {
    return (await this.current()).features[feature];
  }

  /** Throws 403 `plan_feature_unavailable` naming the feature and the plan that includes it. */
  async assertFeature(feature: PlanFeature): Promise<void> {
    const plan = await this.current();
    if (plan.features[feature]) return;
    const lifts = planWithFeature(await this.repo.plans(), feature);
    const how = lifts ? (lifts.whiteLabel === 'addon' && feature !== 'customDomains' && feature !== 'ownInstagramApp' ? `the ${lifts.name} plan with the white-label add-on` : `the ${lifts.name} plan`) : 'a larger plan';
    throw new DomainError('plan_feature_unavailable', 403, `${FEATURE_NAME[feature]} is not part of your ${plan.plan.name} plan; ${how} includes it (an owner can upgrade on the billing page).`);
  }

  /**
   * Accounts over the limit after a downgrade: the newest ones beyond the limit, kept with all their
   * data but read-only until the plan allows them again.
   */
  async readOnlyAccountIds(): Promise<Set<string>> {
    const max = (await this.current()).limits.accounts;
    const ids = await this.repo.accountIdsInOrder();
    return new Set(ids.slice(max ?? ids.length));
  }
}
