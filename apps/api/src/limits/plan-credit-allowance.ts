import { Injectable } from '@nestjs/common';
import type { CreditAllowance, CreditAllowanceSource } from '../credits/credit-allowance.js';
import { LimitsService } from './limits.service.js';

/**
 * AI credits per billing period from the plan. A paid Stripe subscription's period is the key (so
 * every delivery of its events maps to one grant); a plan without Stripe (trial, hand assignment)
 * uses the calendar month; a workspace with no plan keeps the old `YYYY-MM` key and
 * DEFAULT_AI_CREDITS. The plan key is part of the key, so an upgrade grants the new allowance.
 */
@Injectable()
export class PlanCreditAllowance implements CreditAllowanceSource {
  constructor(private readonly limits: LimitsService) {}

  async current(now: Date): Promise<CreditAllowance> {
    const plan = await this.limits.current(now);
    const month = now.toISOString().slice(0, 7);
    const monthEnd = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1));
    const amount = plan.limits.aiCredits;
    if (plan.plan.key === 'default') return { key: month, amount, feature: 'default_allowance', endsAt: monthEnd };
    const feature = `plan:${plan.plan.key}`;
    const start = plan.currentPeriodStart;
    const end = plan.currentPeriodEnd;
    if (!plan.downgraded && start && end && start <= now && now < end) {
      return { key: `${plan.plan.key}:${start.toISOString()}`, amount, feature, endsAt: end };
    }
    return { key: `${month}:${plan.plan.key}`, amount, feature, endsAt: monthEnd };
  }
}
