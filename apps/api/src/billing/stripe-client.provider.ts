import { Inject, Injectable } from '@nestjs/common';
import Stripe from 'stripe';
import { SettingsService } from '../core/settings/settings.service.js';
import { APP_CONFIG, type AppConfig } from '../core/config/config.js';
import { DomainError } from '../core/errors/domain-error.js';

export const billingNotConfigured = () =>
  new DomainError(
    'billing_not_configured',
    503,
    'Online payments are not set up yet: the platform operator has to enter the Stripe secret key and webhook signing secret ' +
      '(super-admin settings, or STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET). Until then a super-admin can assign plans by hand.',
  );

/** `http://127.0.0.1:12111` → the SDK's host/port/protocol (tests point Stripe at a fake server). */
export function stripeNetworkOptions(baseUrl: string | undefined): Pick<Stripe.StripeConfig, 'host' | 'port' | 'protocol'> {
  if (!baseUrl) return {};
  const url = new URL(baseUrl);
  const protocol = url.protocol === 'http:' ? 'http' : 'https';
  return { host: url.hostname, port: url.port || (protocol === 'http' ? 80 : 443), protocol };
}

/** The Stripe SDK built from system settings (super-admin) or env; one client per key. */
@Injectable()
export class StripeClientProvider {
  private cached: { key: string; client: Stripe } | undefined;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly settings: SettingsService,
  ) {}

  private async keys(): Promise<{ secretKey: string | null; webhookSecret: string | null }> {
    const { 'stripe.secretKey': secretKey, 'stripe.webhookSecret': webhookSecret } = await this.settings.getMany(['stripe.secretKey', 'stripe.webhookSecret']);
    return { secretKey: secretKey ?? this.config.billing.stripeSecretKey ?? null, webhookSecret: webhookSecret ?? this.config.billing.stripeWebhookSecret ?? null };
  }

  async configured(): Promise<boolean> {
    const keys = await this.keys();
    return Boolean(keys.secretKey && keys.webhookSecret);
  }

  /** Throws 503 `billing_not_configured` without keys. */
  async client(): Promise<Stripe> {
    const { secretKey, webhookSecret } = await this.keys();
    if (!secretKey || !webhookSecret) throw billingNotConfigured();
    if (this.cached?.key === secretKey) return this.cached.client;
    // Retries reuse the request's idempotency key, so a retried write never applies twice.
    const client = new Stripe(secretKey, { maxNetworkRetries: 2, timeout: 20_000, ...stripeNetworkOptions(this.config.billing.stripeApiBaseUrl) });
    this.cached = { key: secretKey, client };
    return client;
  }

  async webhookSecret(): Promise<string> {
    const { webhookSecret } = await this.keys();
    if (!webhookSecret) throw billingNotConfigured();
    return webhookSecret;
  }
}

/**
 * A Stripe failure seen by a user: 502 `stripe_error` with Stripe's sentence. Without this its
 * `statusCode` (Stripe's, e.g. 404 for a missing price) would pass for ours.
 */
export async function viaStripe<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    if (error instanceof Stripe.errors.StripeError) {
      throw new DomainError('stripe_error', 502, `Stripe could not complete this (${error.message}). Try again in a moment.`);
    }
    throw error;
  }
}
