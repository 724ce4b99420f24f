import { Inject, Injectable } from '@nestjs/common';
import type { BillingOverview, CheckoutInput } from '@instagrowth/contracts';
import { APP_CONFIG, workspaceUrl, type AppConfig } from '../core/config/config.js';
import { conflict, notFound } from '../core/errors/domain-error.js';
import { TenantContext } from '../core/tenancy/tenant-context.js';
import { CreditsService } from '../credits/credits.service.js';
import { LimitsService } from '../limits/limits.service.js';
import { PlansRepository } from '../plans/plans.repository.js';
import { SubscriptionsRepository } from '../plans/subscriptions.repository.js';
import { BillingRepository } from './billing.repository.js';
import { StripeCatalog } from './stripe-catalog.js';
import { StripeClientProvider, viaStripe } from './stripe-client.provider.js';
import { parseLookupKey } from './stripe-mapping.js';

const iso = (d: Date | null) => (d ? d.toISOString() : null);
/** Checkout idempotency window: a double click reuses the session, a retry later gets a new one. */
const CHECKOUT_WINDOW_MS = 10 * 60_000;

/** The workspace side of billing: what it has (overview), Checkout, add-ons and the Portal. */
@Injectable()
export class BillingService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly ctx: TenantContext,
    private readonly limits: LimitsService,
    private readonly credits: CreditsService,
    private readonly plans: PlansRepository,
    private readonly subscriptions: SubscriptionsRepository,
    private readonly repo: BillingRepository,
    private readonly stripeProvider: StripeClientProvider,
    private readonly catalog: StripeCatalog,
  ) {}

  async overview(): Promise<BillingOverview> {
    const tenantId = this.ctx.tenant.id;
    const plan = await this.limits.current();
    const [usage, credits, invoices, readOnly, stripeConfigured] = await Promise.all([
      this.limits.usage(plan),
      this.credits.overview(1),
      this.repo.invoices(tenantId),
      this.limits.readOnlyAccountIds(),
      this.stripeProvider.configured(),
    ]);
    return {
      plan: plan.plan,
      subscribedPlanKey: plan.subscribedPlanKey,
      status: plan.status,
      downgraded: plan.downgraded,
      interval: plan.interval,
      trialEndsAt: iso(plan.trialEndsAt),
      currentPeriodEnd: iso(plan.currentPeriodEnd),
      graceEndsAt: iso(plan.graceEndsAt),
      cancelAtPeriodEnd: plan.cancelAtPeriodEnd,
      addons: { extraAccounts: plan.subscription?.extraAccounts ?? 0, whiteLabel: plan.subscription?.whiteLabelAddon ?? false },
      features: plan.features,
      usage: { ...usage, aiCredits: { used: credits.period.used, limit: credits.period.allowance, balance: credits.balance } },
      readOnlyAccountIds: [...readOnly],
      invoices: invoices.map((i) => ({ ...i, periodStart: iso(i.periodStart), periodEnd: iso(i.periodEnd), createdAt: i.createdAt.toISOString() })),
      stripeConfigured,
    };
  }

  /** `{ plan, interval }` → a subscription Checkout; `{ product }` → a one-time Checkout or an add-on on the subscription. */
  checkout(input: CheckoutInput, now = new Date()): Promise<{ url: string }> {
    return viaStripe(() => this.startCheckout(input, now));
  }

  private async startCheckout(input: CheckoutInput, now: Date): Promise<{ url: string }> {
    const stripe = await this.stripeProvider.client();
    const tenant = this.ctx.tenant;
    const base = workspaceUrl(this.config, tenant.slug);
    const window = Math.floor(now.getTime() / CHECKOUT_WINDOW_MS);
    const customer = await this.ensureCustomer();
    if ('plan' in input) {
      const plan = await this.plans.find(input.plan);
      if (!plan || !plan.active) throw notFound('Plan');
      const price = await this.catalog.planPrice(stripe, plan, input.interval);
      const current = await this.subscriptions.find(tenant.id);
      if (current?.stripeSubscriptionId && ['active', 'trialing', 'past_due'].includes(current.status)) {
        // Already subscribed: change the plan item in place (Stripe prorates); the webhook applies it.
        const sub = await stripe.subscriptions.retrieve(current.stripeSubscriptionId);
        const item = sub.items.data.find((i) => parseLookupKey(i.price.lookup_key).kind === 'plan');
        await stripe.subscriptions.update(
          sub.id,
          { items: [item ? { id: item.id, price } : { price }], metadata: { tenant_id: String(tenant.id), plan: plan.key, interval: input.interval } },
          { idempotencyKey: `plan-change:${sub.id}:${price}` },
        );
        return { url: `${base}/billing?changed=${plan.key}` };
      }
      const metadata = { tenant_id: String(tenant.id), kind: 'plan', plan: plan.key, interval: input.interval };
      const session = await stripe.checkout.sessions.create(
        {
          mode: 'subscription', customer, client_reference_id: String(tenant.id), metadata,
          subscription_data: { metadata },
          line_items: [{ price, quantity: 1 }],
          success_url: `${base}/billing?checkout=success&session_id={CHECKOUT_SESSION_ID}`,
          cancel_url: `${base}/billing?checkout=canceled`,
        },
        { idempotencyKey: `checkout:${tenant.id}:${price}:${window}` },
      );
      return { url: session.url! };
    }
    const product = await this.plans.product(input.product);
    if (!product || !product.active) throw notFound('Product');
    const price = await this.catalog.productPrice(stripe, product);
    if (product.kind === 'recurring_addon') return this.addAddon(product.key, price, input.quantity, base);
    const session = await stripe.checkout.sessions.create(
      {
        mode: 'payment', customer, client_reference_id: String(tenant.id),
        metadata: { tenant_id: String(tenant.id), kind: 'product', product: product.key, credits: String(product.credits * input.quantity) },
        line_items: [{ price, quantity: input.quantity }],
        success_url: `${base}/billing?checkout=success&session_id={CHECKOUT_SESSION_ID}`,
        cancel_url: `${base}/billing?checkout=canceled`,
      },
      { idempotencyKey: `checkout:${tenant.id}:${price}:${input.quantity}:${window}` },
    );
    return { url: session.url! };
  }

  portal(): Promise<{ url: string }> {
    return viaStripe(() => this.openPortal());
  }

  private async openPortal(): Promise<{ url: string }> {
    const stripe = await this.stripeProvider.client();
    const sub = await this.subscriptions.find(this.ctx.tenant.id);
    if (!sub?.stripeCustomerId) throw conflict('no_billing_account', 'This workspace has not paid through Stripe yet: choose a plan first, then manage payment methods and invoices in the portal.');
    const session = await stripe.billingPortal.sessions.create({ customer: sub.stripeCustomerId, return_url: `${workspaceUrl(this.config, this.ctx.tenant.slug)}/billing` });
    return { url: session.url };
  }

  /** Extra accounts / white-label: a quantity item on the existing subscription (no second subscription). */
  private async addAddon(productKey: string, price: string, quantity: number, base: string): Promise<{ url: string }> {
    const stripe = await this.stripeProvider.client();
    const current = await this.subscriptions.find(this.ctx.tenant.id);
    if (!current?.stripeSubscriptionId || !['active', 'trialing', 'past_due'].includes(current.status)) {
      throw conflict('subscription_required', 'Add-ons are added to a paid subscription: choose a plan first.');
    }
    if (productKey === 'white_label' && (await this.limits.current()).plan.whiteLabel !== 'addon') {
      throw conflict('addon_not_available', 'The white-label add-on is for the Pro plan; Agency and Enterprise include white-label already.');
    }
    const sub = await stripe.subscriptions.retrieve(current.stripeSubscriptionId);
    const item = sub.items.data.find((i) => { const k = parseLookupKey(i.price.lookup_key); return k.kind === 'addon' && k.product === productKey; });
    const nextQuantity = productKey === 'white_label' ? 1 : (item?.quantity ?? 0) + quantity;
    await stripe.subscriptions.update(
      sub.id,
      { items: [item ? { id: item.id, quantity: nextQuantity } : { price, quantity: nextQuantity }] },
      // The target quantity is in the key: a retry repeats the same change, a second purchase is a new one.
      { idempotencyKey: `addon:${sub.id}:${productKey}:${nextQuantity}` },
    );
    return { url: `${base}/billing?addon=${productKey}` };
  }

  private async ensureCustomer(): Promise<string> {
    const tenant = this.ctx.tenant;
    const current = await this.subscriptions.find(tenant.id);
    if (current?.stripeCustomerId) return current.stripeCustomerId;
    const stripe = await this.stripeProvider.client();
    const customer = await stripe.customers.create(
      { name: tenant.name, metadata: { tenant_id: String(tenant.id), slug: tenant.slug } },
      { idempotencyKey: `customer:tenant:${tenant.id}` },
    );
    const fallback = await this.limits.current();
    await this.subscriptions.setCustomer(tenant.id, customer.id, {
      // Only the customer is new: the workspace keeps exactly what it had until a checkout completes.
      planKey: fallback.subscribedPlanKey, interval: 'month', status: fallback.status, stripeCustomerId: customer.id, stripeSubscriptionId: null,
      currentPeriodStart: null, currentPeriodEnd: null, trialEndsAt: fallback.trialEndsAt, cancelAtPeriodEnd: false, extraAccounts: 0, whiteLabelAddon: false, graceEndsAt: null,
    });
    return customer.id;
  }
}
