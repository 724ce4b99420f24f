import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../core/config/config.js';

/** The credits a workspace gets for the period that contains `now`. */
export interface CreditAllowance {
  /** Stable per period (`2026-12`, or a billing period's start): one grant per key, ever. */
  key: string;
  amount: number;
  /** Shown on the grant entry: `default_allowance`, `plan:pro`, … */
  feature: string;
  /** When these credits lapse (shown to users); null if unknown. */
  endsAt: Date | null;
}

/** Where the per-period allowance comes from. Billing replaces the provider; the ledger stays. */
export interface CreditAllowanceSource {
  current(now: Date): Promise<CreditAllowance>;
}

export const CREDIT_ALLOWANCE_SOURCE = Symbol('CREDIT_ALLOWANCE_SOURCE');

/** Until billing grants per plan: `DEFAULT_AI_CREDITS` per calendar month (UTC). */
@Injectable()
export class DefaultCreditAllowance implements CreditAllowanceSource {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  async current(now: Date): Promise<CreditAllowance> {
    const key = now.toISOString().slice(0, 7);
    const endsAt = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1));
    return { key, amount: this.config.defaultAiCredits, feature: 'default_allowance', endsAt };
  }
}
