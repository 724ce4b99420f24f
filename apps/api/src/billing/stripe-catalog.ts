import { Injectable } from '@nestjs/common';
import type Stripe from 'stripe';
import type { PlanRow, ProductRow } from '../plans/plans.entity.js';
import { addonLookupKey, planLookupKey, productLookupKey } from './stripe-mapping.js';

/**
 * Products and prices in Stripe, found by lookup key and created when missing. Every write has a
 * deterministic idempotency key (derived from the lookup key), so two processes syncing at once,
 * or a retried request, create one price.
 */
@Injectable()
export class StripeCatalog {
  private readonly priceIds = new Map<string, string>();

  planPrice(stripe: Stripe, plan: PlanRow, interval: 'month' | 'year'): Promise<string> {
    const amount = interval === 'year' ? plan.priceYearly : plan.priceMonthly;
    return this.ensure(stripe, planLookupKey(plan.key, interval, amount, plan.currency), `ig_plan_${plan.key}`, `${plan.name} plan`, amount, plan.currency, interval);
  }

  productPrice(stripe: Stripe, product: ProductRow): Promise<string> {
    if (product.kind === 'recurring_addon') {
      return this.ensure(stripe, addonLookupKey(product.key, product.price, product.currency), `ig_addon_${product.key}`, product.name, product.price, product.currency, 'month');
    }
    return this.ensure(stripe, productLookupKey(product.key, product.price, product.currency), `ig_product_${product.key}`, product.name, product.price, product.currency, null);
  }

  /** Every plan (both intervals) and product, e.g. after the super-admin edits prices. */
  async syncAll(stripe: Stripe, plans: PlanRow[], products: ProductRow[]): Promise<number> {
    let n = 0;
    for (const plan of plans.filter((p) => p.active)) {
      await this.planPrice(stripe, plan, 'month');
      await this.planPrice(stripe, plan, 'year');
      n += 2;
    }
    for (const product of products.filter((p) => p.active)) {
      await this.productPrice(stripe, product);
      n += 1;
    }
    return n;
  }

  private async ensure(stripe: Stripe, lookupKey: string, productId: string, name: string, amount: number, currency: string, interval: 'month' | 'year' | null): Promise<string> {
    const cached = this.priceIds.get(lookupKey);
    if (cached) return cached;
    const found = await stripe.prices.list({ lookup_keys: [lookupKey], active: true, limit: 1 });
    let priceId = found.data[0]?.id;
    if (!priceId) {
      await this.ensureProduct(stripe, productId, name);
      const price = await stripe.prices.create(
        { product: productId, unit_amount: amount, currency, lookup_key: lookupKey, ...(interval ? { recurring: { interval } } : {}), metadata: { lookup_key: lookupKey } },
        { idempotencyKey: `price:${lookupKey}` },
      );
      priceId = price.id;
    }
    this.priceIds.set(lookupKey, priceId);
    return priceId;
  }

  private async ensureProduct(stripe: Stripe, productId: string, name: string): Promise<void> {
    try {
      await stripe.products.retrieve(productId);
    } catch (error) {
      if ((error as { statusCode?: number }).statusCode !== 404) throw error;
      await stripe.products.create({ id: productId, name, metadata: { source: 'instagrowth' } }, { idempotencyKey: `product:${productId}` });
    }
  }
}
