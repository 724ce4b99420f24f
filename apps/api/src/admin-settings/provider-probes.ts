import { InstagramError, type InstagramClient } from '@instagrowth/instagram-graph';
import OpenAI, { APIError } from 'openai';
import { Resend } from 'resend';
import Stripe from 'stripe';
import { stripeNetworkOptions } from '../billing/stripe-client.provider.js';

/**
 * One harmless, read-only call per provider through its official SDK, answering the provider's own
 * words on failure. Nothing here writes anything anywhere.
 */
export interface ProbeResult {
  ok: boolean;
  message: string;
}

const PROBE_TIMEOUT_MS = 10_000;

const failure = (provider: string, detail: string): ProbeResult => ({ ok: false, message: `${provider}: ${detail}` });

/** OpenAI (or a compatible server): list the models the key may use. */
export async function probeOpenAi(s: { apiKey: string; baseUrl?: string; model: string }): Promise<ProbeResult> {
  const openai = new OpenAI({ apiKey: s.apiKey, baseURL: s.baseUrl, timeout: PROBE_TIMEOUT_MS, maxRetries: 0 });
  try {
    const ids: string[] = [];
    for await (const model of openai.models.list()) {
      ids.push(model.id);
      if (ids.length >= 500) break;
    }
    const hasModel = ids.includes(s.model);
    return { ok: true, message: `Connected: ${ids.length} model(s) available${hasModel ? `, including ${s.model}` : `; the configured model ${s.model} is not among them`}.` };
  } catch (error) {
    if (error instanceof APIError) return failure('OpenAI', `${error.status ?? 'network'} ${providerMessage(error.error) ?? error.message}`);
    return failure('OpenAI', (error as Error).message);
  }
}

/** Stripe: retrieve the account the secret key belongs to. */
export async function probeStripe(secretKey: string, baseUrl: string | undefined): Promise<ProbeResult> {
  const stripe = new Stripe(secretKey, { maxNetworkRetries: 0, timeout: PROBE_TIMEOUT_MS, ...stripeNetworkOptions(baseUrl) });
  try {
    const account = await stripe.accounts.retrieve(null);
    const name = account.settings?.dashboard?.display_name ?? account.business_profile?.name ?? account.email ?? null;
    const mode = secretKey.startsWith('sk_live_') || secretKey.startsWith('rk_live_') ? 'live' : 'test';
    return { ok: true, message: `Connected to Stripe account ${account.id}${name ? ` (${name})` : ''} in ${mode} mode.` };
  } catch (error) {
    if (error instanceof Stripe.errors.StripeError) return failure('Stripe', error.message);
    return failure('Stripe', (error as Error).message);
  }
}

/**
 * Instagram (Business Login): there is no app token to call `debug_token` or `me` with before an
 * account is connected, so the probe asks the token endpoint to exchange a code that cannot exist.
 * Meta checks the app first: a wrong app id/secret pair answers "Invalid platform app"; a right one
 * gets as far as refusing the code, which is the success case. No token is created.
 */
export async function probeInstagram(client: InstagramClient): Promise<ProbeResult> {
  try {
    await client.exchangeCode('instagrowth-connection-test');
    return { ok: true, message: 'Instagram accepted the app ID and secret.' };
  } catch (error) {
    if (!(error instanceof InstagramError)) return failure('Instagram', (error as Error).message);
    const text = error.apiMessage ?? error.message;
    if (/invalid platform app|client secret|invalid app|app id/i.test(text)) return failure('Instagram', text);
    if (/code/i.test(text)) return { ok: true, message: `Instagram accepted the app ID and secret (it refused the test code, as expected: "${text}").` };
    return failure('Instagram', text);
  }
}

/** Resend: list the sending domains (and say whether the sender's domain is verified). */
export async function probeResend(apiKey: string, baseUrl: string | undefined, from: string | null): Promise<ProbeResult> {
  const resend = new Resend(apiKey, baseUrl ? { baseUrl } : undefined);
  try {
    const { data, error } = await withTimeout(resend.domains.list());
    if (error) return failure('Resend', error.message);
    const domains = data?.data ?? [];
    const senderDomain = from ? /@([^>\s]+)>?\s*$/.exec(from)?.[1]?.toLowerCase() : undefined;
    const match = senderDomain ? domains.find((d) => d.name.toLowerCase() === senderDomain) : undefined;
    const sender = !senderDomain ? '' : match ? `; ${senderDomain} is ${match.status}` : `; the sender's domain ${senderDomain} is not among them`;
    return { ok: true, message: `Connected: ${domains.length} domain(s)${sender}.` };
  } catch (error) {
    return failure('Resend', (error as Error).message);
  }
}

function providerMessage(body: unknown): string | undefined {
  const m = (body as { message?: unknown } | undefined)?.message;
  return typeof m === 'string' ? m : undefined;
}

function withTimeout<T>(promise: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${PROBE_TIMEOUT_MS / 1000} s`)), PROBE_TIMEOUT_MS);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
