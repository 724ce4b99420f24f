import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import Stripe from 'stripe';
import { TenantsRepository } from '../control/tenants.repository.js';
import { APP_CONFIG, workspaceUrl, type AppConfig } from '../core/config/config.js';
import { badRequest } from '../core/errors/domain-error.js';
import { ActivityBus } from '../core/activity/activity.bus.js';
import { MailService } from '../core/mail/mail.service.js';
import { JobRunner } from '../core/queue/job-runner.service.js';
import { JobsService } from '../core/queue/jobs.service.js';
import { TenantContext } from '../core/tenancy/tenant-context.js';
import { CreditsService } from '../credits/credits.service.js';
import { SubscriptionsRepository } from '../plans/subscriptions.repository.js';
import { ReferralsService } from '../referrals/referrals.service.js';
import { stripeEventJob } from './billing.jobs.js';
import { dunningVars, formatMoney } from './billing-mail.js';
import { BillingRepository } from './billing.repository.js';
import { StripeClientProvider } from './stripe-client.provider.js';
import { invoiceSubscriptionId, subscriptionFromStripe } from './stripe-mapping.js';

/** Stripe's default: signatures older than this are refused (replays). */
export const SIGNATURE_TOLERANCE_SECONDS = 300;

const SUBSCRIPTION_EVENTS = new Set(['customer.subscription.created', 'customer.subscription.updated', 'customer.subscription.deleted', 'customer.subscription.paused', 'customer.subscription.resumed', 'customer.subscription.trial_will_end']);
const INVOICE_EVENTS = new Set(['invoice.created', 'invoice.finalized', 'invoice.updated', 'invoice.paid', 'invoice.payment_succeeded', 'invoice.payment_failed', 'invoice.voided', 'invoice.marked_uncollectible']);
const CHECKOUT_EVENTS = new Set(['checkout.session.completed', 'checkout.session.async_payment_succeeded']);

const customerId = (c: string | { id: string } | null | undefined) => (c ? (typeof c === 'string' ? c : c.id) : null);

/**
 * Stripe webhooks: the route checks the signature on the raw bytes, stores the event id once and
 * answers; a `billing` job applies it. Events are treated as unordered and possibly stale: every
 * handler refetches the object from Stripe and applies its current state under a per-workspace lock,
 * so a late `customer.subscription.updated` can never undo a newer state.
 */
@Injectable()
export class StripeEventsService implements OnModuleInit {
  private readonly logger = new Logger('Billing');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly stripeProvider: StripeClientProvider,
    private readonly repo: BillingRepository,
    private readonly subscriptions: SubscriptionsRepository,
    private readonly jobs: JobsService,
    private readonly runner: JobRunner,
    private readonly tenants: TenantsRepository,
    private readonly ctx: TenantContext,
    private readonly credits: CreditsService,
    private readonly mail: MailService,
    private readonly referrals: ReferralsService,
    private readonly activity: ActivityBus,
  ) {}

  onModuleInit(): void {
    this.runner.handle(stripeEventJob, ({ eventId }) => this.process(eventId));
  }

  /** Verifies, stores once and enqueues. A bad or stale signature is a 400 and changes nothing. */
  async receive(rawBody: Buffer | undefined, signature: string | undefined): Promise<{ received: true; duplicate: boolean }> {
    const secret = await this.stripeProvider.webhookSecret();
    if (!rawBody?.length) throw badRequest('invalid_body', 'The webhook body is empty.');
    if (!signature) throw badRequest('invalid_signature', 'The Stripe-Signature header is missing.');
    let event: Stripe.Event;
    try {
      event = Stripe.webhooks.constructEvent(rawBody, signature, secret, SIGNATURE_TOLERANCE_SECONDS);
    } catch (error) {
      throw badRequest('invalid_signature', `The Stripe-Signature header does not match this body (${(error as Error).message.split('\n')[0]}).`);
    }
    const stored = await this.repo.insertEvent(event, event);
    // The job id is the event id: a redelivery while the job still exists adds nothing either.
    if (stored) await this.jobs.dispatch(stripeEventJob, { eventId: event.id }, { jobId: `stripe-${event.id}` });
    return { received: true, duplicate: !stored };
  }

  /** Applies one stored event; a second run of the same event does nothing. */
  async process(eventId: string): Promise<void> {
    const stored = await this.repo.event(eventId);
    if (!stored || stored.processedAt) return;
    const { type, data } = stored.payload;
    const object = data.object as Record<string, unknown> & { id: string };
    if (CHECKOUT_EVENTS.has(type)) await this.onCheckoutCompleted(object.id);
    else if (SUBSCRIPTION_EVENTS.has(type)) await this.syncSubscription(object.id, null);
    else if (INVOICE_EVENTS.has(type)) await this.onInvoice(object.id, type);
    else if (type === 'credit_note.created' || type === 'charge.refunded') await this.onRefund(object);
    else this.logger.debug(`Ignoring Stripe event ${type}`);
    await this.repo.markProcessed(eventId);
  }

  private async onCheckoutCompleted(sessionId: string): Promise<void> {
    const stripe = await this.stripeProvider.client();
    const session = await stripe.checkout.sessions.retrieve(sessionId);
    const tenantId = Number(session.client_reference_id ?? session.metadata?.tenant_id);
    if (!Number.isInteger(tenantId) || !(await this.subscriptions.tenantExists(tenantId))) {
      this.logger.warn(`Checkout session ${session.id} names no workspace; ignored`);
      return;
    }
    if (session.mode === 'subscription' && session.subscription) {
      await this.syncSubscription(typeof session.subscription === 'string' ? session.subscription : session.subscription.id, tenantId);
      return;
    }
    if (session.mode === 'payment' && session.payment_status === 'paid') {
      const credits = Number(session.metadata?.credits ?? 0);
      const product = session.metadata?.product ?? 'pack';
      if (credits > 0) {
        // The session id is the grant's idempotency key: any number of deliveries, one pack.
        await this.inTenant(tenantId, () => this.credits.grant({ amount: credits, bucket: 'pack', feature: `pack:${product}`, sourceKey: `checkout:${session.id}`, reason: `Bought ${product.replace('_', ' ')}` }));
      }
    }
  }

  /** Refetches the subscription and writes its current state; returns the workspace it belongs to. */
  async syncSubscription(subscriptionId: string, tenantHint: number | null): Promise<number | null> {
    const stripe = await this.stripeProvider.client();
    const first = await stripe.subscriptions.retrieve(subscriptionId);
    const tenantId = tenantHint ?? (Number(first.metadata?.tenant_id) || (await this.subscriptions.findTenantByCustomer(customerId(first.customer)!)));
    if (!tenantId || !(await this.subscriptions.tenantExists(tenantId))) {
      this.logger.warn(`Subscription ${subscriptionId} names no workspace; ignored`);
      return null;
    }
    const applied = await this.repo.transaction(async () => {
      await this.repo.lockTenant(tenantId);
      // Fetched again under the lock: whatever order jobs run in, the last write is Stripe's latest state.
      const sub = await stripe.subscriptions.retrieve(subscriptionId);
      const existing = await this.subscriptions.lock(tenantId);
      const replaced = existing?.stripeSubscriptionId && existing.stripeSubscriptionId !== sub.id && ['active', 'trialing', 'past_due'].includes(existing.status);
      const neverStarted = (sub.status === 'incomplete' || sub.status === 'incomplete_expired') && existing?.stripeSubscriptionId !== sub.id;
      // An old subscription's events never override the one in force; an unpaid first attempt changes nothing.
      if ((replaced && sub.status !== 'active' && sub.status !== 'trialing') || neverStarted) return false;
      await this.subscriptions.upsert(tenantId, subscriptionFromStripe(sub, existing, new Date(), this.config.billing.graceDays));
      return true;
    });
    // Opening the ledger's current period grants this period's allowance now (once per period key).
    if (applied) await this.inTenant(tenantId, () => this.credits.overview(1));
    return tenantId;
  }

  private async onInvoice(invoiceId: string, type: string): Promise<void> {
    const stripe = await this.stripeProvider.client();
    const invoice = await stripe.invoices.retrieve(invoiceId);
    const subscriptionId = invoiceSubscriptionId(invoice);
    const tenantId = (subscriptionId ? await this.syncSubscription(subscriptionId, null) : null)
      ?? (Number(invoice.parent?.subscription_details?.metadata?.tenant_id) || (await this.subscriptions.findTenantByCustomer(customerId(invoice.customer)!)));
    if (!tenantId) {
      this.logger.warn(`Invoice ${invoice.id} names no workspace; ignored`);
      return;
    }
    await this.repo.upsertInvoice({
      id: invoice.id!, tenantId, number: invoice.number ?? null, currency: invoice.currency, amountDue: invoice.amount_due, amountPaid: invoice.amount_paid,
      status: invoice.status ?? 'draft', periodStart: new Date(invoice.period_start * 1000), periodEnd: new Date(invoice.period_end * 1000),
      hostedInvoiceUrl: invoice.hosted_invoice_url ?? null, createdAt: new Date(invoice.created * 1000),
    });
    if (invoice.status === 'paid' && invoice.amount_paid > 0) await this.referrals.onInvoicePaid(tenantId, { id: invoice.id!, amountPaid: invoice.amount_paid, currency: invoice.currency });
    if (type === 'invoice.payment_failed') await this.sendDunning(tenantId, invoice);
    // Stripe sends both invoice.paid and invoice.payment_succeeded for one payment: announce it once.
    if ((type === 'invoice.paid' && invoice.amount_paid > 0) || type === 'invoice.payment_failed') {
      const paid = type === 'invoice.paid';
      const amount = paid ? invoice.amount_paid : invoice.amount_due;
      const slug = (await this.tenants.findById(tenantId))?.slug;
      await this.activity.publish({
        type: paid ? 'payment.succeeded' : 'payment.failed',
        tenantId,
        tenantSlug: slug,
        amount,
        currency: invoice.currency,
        invoiceId: invoice.id ?? null,
        summary: `${slug ?? `Workspace ${tenantId}`} ${paid ? 'paid' : 'failed to pay'} ${(amount / 100).toFixed(2)} ${invoice.currency.toUpperCase()}`,
      });
    }
    if (type === 'invoice.paid' && invoice.amount_paid > 0) await this.sendRecovered(tenantId, invoice);
  }

  private async onRefund(object: Record<string, unknown>): Promise<void> {
    const invoiceId = typeof object.invoice === 'string' ? object.invoice : null;
    if (invoiceId) await this.referrals.onInvoiceRefunded(invoiceId);
  }

  private async sendDunning(tenantId: number, invoice: Stripe.Invoice): Promise<void> {
    const sub = await this.subscriptions.find(tenantId);
    const tenant = await this.tenants.findById(tenantId);
    if (!tenant) return;
    const owners = await this.inTenant(tenantId, () => this.repo.owners());
    const url = `${workspaceUrl(this.config, tenant.slug)}/billing`;
    for (const owner of owners) {
      const vars = dunningVars({ name: owner.name, amount: invoice.amount_due, currency: invoice.currency, graceEndsAt: sub?.graceEndsAt ?? null, url, hostedInvoiceUrl: invoice.hosted_invoice_url ?? null });
      // One mail per invoice and owner, however often Stripe retries the charge or the event.
      await this.mail.send({ tenantId, to: owner.email, template: 'payment-failed', vars, key: `payment-failed:${tenantId}:${invoice.id}:${owner.email}` });
    }
  }

  /** invoice.paid for an invoice that failed before: tell the owners it is settled. */
  private async sendRecovered(tenantId: number, invoice: Stripe.Invoice): Promise<void> {
    if (!(await this.mail.wasQueued(`payment-failed:${tenantId}:${invoice.id}:`))) return;
    const tenant = await this.tenants.findById(tenantId);
    if (!tenant) return;
    const owners = await this.inTenant(tenantId, () => this.repo.owners());
    const url = `${workspaceUrl(this.config, tenant.slug)}/billing`;
    for (const owner of owners) {
      await this.mail.send({ tenantId, to: owner.email, template: 'payment-recovered', vars: { name: owner.name, amount: formatMoney(invoice.amount_paid, invoice.currency), url }, key: `payment-recovered:${tenantId}:${invoice.id}:${owner.email}` });
    }
  }

  private async inTenant<T>(tenantId: number, fn: () => Promise<T>): Promise<T> {
    const tenant = await this.tenants.findById(tenantId);
    if (!tenant) throw new Error(`Tenant ${tenantId} vanished`);
    return this.ctx.run(tenant, fn);
  }
}
