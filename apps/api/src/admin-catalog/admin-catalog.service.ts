import { Injectable } from '@nestjs/common';
import type { z } from 'zod';
import type { productUpdateSchema } from '@instagrowth/contracts';
import { StripeCatalog } from '../billing/stripe-catalog.js';
import { StripeClientProvider, viaStripe } from '../billing/stripe-client.provider.js';
import { PlatformAuditRepository } from '../control/platform-audit.repository.js';
import type { AdminPrincipal } from '../core/auth/principal.js';
import { notFound } from '../core/errors/domain-error.js';
import { PlansRepository } from '../plans/plans.repository.js';
import { ReferralsService } from '../referrals/referrals.service.js';
import { AdminCatalogRepository } from './admin-catalog.repository.js';

/**
 * The console's plans and products editor. Stripe prices are found by lookup keys that include the
 * amount, so an edited price becomes a new Stripe price: "Sync to Stripe" creates them all now
 * (idempotently); otherwise the next checkout creates the one it needs.
 */
@Injectable()
export class AdminCatalogService {
  constructor(
    private readonly plans: PlansRepository,
    private readonly repo: AdminCatalogRepository,
    private readonly referrals: ReferralsService,
    private readonly stripe: StripeClientProvider,
    private readonly catalog: StripeCatalog,
    private readonly audit: PlatformAuditRepository,
  ) {}

  async view() {
    const [plans, products, referral, stripeConfigured] = await Promise.all([this.plans.list(), this.plans.products(), this.referrals.terms(), this.stripe.configured()]);
    return { plans, products, referral, stripeConfigured };
  }

  async updateProduct(admin: AdminPrincipal, key: string, input: z.infer<typeof productUpdateSchema>, ip: string) {
    const updated = await this.repo.updateProduct(key, input);
    if (!updated) throw notFound('Product');
    await this.audit.record({ actorType: 'admin', actorId: admin.adminId, action: 'product.updated', targetId: key, meta: { ...input }, ip });
    return updated;
  }

  /** 503 billing_not_configured without Stripe keys; Stripe's own words on a Stripe failure. */
  async syncStripe(admin: AdminPrincipal, ip: string): Promise<{ prices: number }> {
    const stripe = await this.stripe.client();
    const [plans, products] = await Promise.all([this.plans.list(), this.plans.products()]);
    const prices = await viaStripe(() => this.catalog.syncAll(stripe, plans, products));
    await this.audit.record({ actorType: 'admin', actorId: admin.adminId, action: 'catalog.stripe_synced', meta: { prices }, ip });
    return { prices };
  }
}
