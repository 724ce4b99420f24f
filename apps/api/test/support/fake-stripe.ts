/**
 * A fake Stripe API for tests, speaking Stripe's wire format: form-encoded requests with bracketed
 * keys (`line_items[0][price]`), JSON answers, the `{ error: { type, code, message, param } }`
 * envelope, replayed answers for a repeated Idempotency-Key, a hosted Checkout page that redirects
 * back to `success_url`, and events signed with the real scheme (`t=<unix>,v1=<HMAC-SHA256 of
 * "t.payload" keyed by the webhook secret>`). State lives in memory; nothing reaches the internet.
 */
import { createHmac, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

type Obj = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- Stripe objects are open-ended JSON

export interface Delivery {
  eventId: string;
  type: string;
  status: number;
}

/** How events reach the app: fastify inject in integration tests, fetch in browser tests. */
export type WebhookSink = (payload: string, signature: string) => Promise<number>;

const id = (prefix: string) => `${prefix}_${randomBytes(10).toString('hex')}`;
const now = () => Math.floor(Date.now() / 1000);

/** `a[b][0][c]=v` → nested objects and arrays, as Stripe's server reads them. */
export function parseStripeForm(body: string): Obj {
  const out: Obj = {};
  for (const [rawKey, value] of new URLSearchParams(body)) {
    const path = rawKey.replace(/\]/g, '').split('[');
    let node: Obj = out;
    path.forEach((part, i) => {
      const last = i === path.length - 1;
      if (last) {
        if (part === '') (node as unknown as unknown[]).push(value);
        else node[part] = value;
        return;
      }
      const nextIsIndex = /^\d*$/.test(path[i + 1]);
      node[part] ??= nextIsIndex ? [] : {};
      node = node[part];
    });
  }
  return out;
}

export class FakeStripe {
  readonly secretKey = 'sk_test_fake';
  readonly webhookSecret = `whsec_${randomBytes(12).toString('hex')}`;
  readonly products = new Map<string, Obj>();
  readonly prices = new Map<string, Obj>();
  readonly customers = new Map<string, Obj>();
  readonly sessions = new Map<string, Obj>();
  readonly subscriptions = new Map<string, Obj>();
  readonly invoices = new Map<string, Obj>();
  readonly events: Obj[] = [];
  readonly deliveries: Delivery[] = [];
  /** Every write request: method, path, idempotency key, decoded body. */
  readonly writes: { method: string; path: string; idempotencyKey: string | undefined; body: Obj }[] = [];
  private readonly idempotent = new Map<string, { status: number; body: Obj }>();
  private server: Server | undefined;
  private sink: WebhookSink | undefined;
  url = '';

  async start(): Promise<this> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  /** Where signed events go (the app's `POST /api/billing/webhook`). */
  onWebhook(sink: WebhookSink): void {
    this.sink = sink;
  }

  /** The `Stripe-Signature` header for `payload`, signed at `timestamp` (the real scheme). */
  sign(payload: string, timestamp = now(), secret = this.webhookSecret): string {
    const v1 = createHmac('sha256', secret).update(`${timestamp}.${payload}`).digest('hex');
    return `t=${timestamp},v1=${v1}`;
  }

  /** Creates an event (a snapshot of `object`, as Stripe sends) without delivering it. */
  event(type: string, object: Obj): Obj {
    const event = { id: id('evt'), object: 'event', api_version: '2026-10-28.endive', created: now(), type, livemode: false, pending_webhooks: 1, data: { object: structuredClone(object) } };
    this.events.push(event);
    return event;
  }

  /** Delivers an event (again, if it was already); `signedAt` overrides the signature timestamp. */
  async deliver(event: Obj, opts: { signedAt?: number; secret?: string } = {}): Promise<number> {
    if (!this.sink) throw new Error('FakeStripe: no webhook sink');
    const payload = JSON.stringify(event, null, 2);
    const status = await this.sink(payload, this.sign(payload, opts.signedAt, opts.secret));
    this.deliveries.push({ eventId: event.id, type: event.type, status });
    return status;
  }

  async emit(type: string, object: Obj): Promise<Obj> {
    const event = this.event(type, object);
    await this.deliver(event);
    return event;
  }

  // ---- scenario helpers (what would happen in Stripe) ----

  /** Completes a Checkout session as the hosted page's "Pay" does; returns the events, not yet delivered, in Stripe's order. */
  complete(sessionId: string): Obj[] {
    const session = this.sessions.get(sessionId);
    if (!session) throw new Error(`no session ${sessionId}`);
    if (session.status === 'complete') return [];
    const events: Obj[] = [];
    session.status = 'complete';
    session.payment_status = 'paid';
    if (session.mode === 'subscription') {
      const sub = this.createSubscription(session);
      session.subscription = sub.id;
      events.push(this.event('customer.subscription.created', sub));
      const invoice = this.createInvoice(sub, 'paid');
      session.invoice = invoice.id;
      events.push(this.event('invoice.paid', invoice));
    } else {
      session.payment_intent = id('pi');
    }
    events.push(this.event('checkout.session.completed', session));
    return events;
  }

  /** A renewal fails: the subscription goes past_due with an open invoice. */
  failPayment(subscriptionId: string): Obj[] {
    const sub = this.subscriptions.get(subscriptionId)!;
    this.advancePeriod(sub);
    sub.status = 'past_due';
    const invoice = this.createInvoice(sub, 'open');
    invoice.attempt_count = 1;
    return [this.event('invoice.payment_failed', invoice), this.event('customer.subscription.updated', sub)];
  }

  /** The open invoice gets paid (card updated): active again. */
  payOpenInvoice(subscriptionId: string): Obj[] {
    const sub = this.subscriptions.get(subscriptionId)!;
    const invoice = [...this.invoices.values()].reverse().find((i) => i.parent?.subscription_details?.subscription === subscriptionId && i.status === 'open')!;
    invoice.status = 'paid';
    invoice.amount_paid = invoice.amount_due;
    invoice.amount_remaining = 0;
    sub.status = 'active';
    return [this.event('invoice.paid', invoice), this.event('customer.subscription.updated', sub)];
  }

  /** The subscription is canceled (end of dunning, or the customer in the Portal). */
  cancel(subscriptionId: string): Obj[] {
    const sub = this.subscriptions.get(subscriptionId)!;
    sub.status = 'canceled';
    sub.canceled_at = now();
    sub.ended_at = now();
    return [this.event('customer.subscription.deleted', sub)];
  }

  private advancePeriod(sub: Obj): void {
    for (const item of sub.items.data) {
      const length = item.current_period_end - item.current_period_start;
      item.current_period_start = item.current_period_end;
      item.current_period_end = item.current_period_start + length;
    }
  }

  private createSubscription(session: Obj): Obj {
    const start = now();
    const items = (session.line_items as Obj[]).map((li) => {
      const price = this.prices.get(li.price)!;
      const end = start + (price.recurring?.interval === 'year' ? 365 : 30) * 86_400;
      return { id: id('si'), object: 'subscription_item', price, quantity: Number(li.quantity ?? 1), current_period_start: start, current_period_end: end, metadata: {} };
    });
    const sub = {
      id: id('sub'), object: 'subscription', customer: session.customer, status: 'active', cancel_at_period_end: false, created: start,
      start_date: start, trial_end: null, trial_start: null, canceled_at: null, ended_at: null, discounts: [], currency: 'usd', livemode: false,
      metadata: { ...(session.subscription_data?.metadata ?? {}) }, items: { object: 'list', data: items, has_more: false, url: '/v1/subscription_items' },
    };
    this.subscriptions.set(sub.id, sub);
    return sub;
  }

  private createInvoice(sub: Obj, status: 'paid' | 'open'): Obj {
    const total = sub.items.data.reduce((s: number, i: Obj) => s + i.price.unit_amount * i.quantity, 0);
    const first = sub.items.data[0];
    const invoice = {
      id: id('in'), object: 'invoice', customer: sub.customer, number: `FAKE-${String(this.invoices.size + 1).padStart(4, '0')}`, currency: 'usd',
      amount_due: total, amount_paid: status === 'paid' ? total : 0, amount_remaining: status === 'paid' ? 0 : total, total, subtotal: total,
      status, created: now(), period_start: first.current_period_start, period_end: first.current_period_end, attempt_count: 0,
      hosted_invoice_url: `${this.url}/invoice/${this.invoices.size + 1}`, billing_reason: 'subscription_cycle',
      parent: { type: 'subscription_details', quote_details: null, subscription_details: { subscription: sub.id, metadata: sub.metadata } },
      lines: { object: 'list', data: [], has_more: false },
    };
    this.invoices.set(invoice.id, invoice);
    return invoice;
  }

  // ---- HTTP ----

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const url = new URL(req.url ?? '/', this.url);
    try {
      if (url.pathname.startsWith('/checkout/')) return await this.hostedCheckout(req, res, url);
      if (!url.pathname.startsWith('/v1/')) return this.send(res, 404, { error: { type: 'invalid_request_error', message: `Unrecognized request URL (${req.method}: ${url.pathname}).` } });
      if (req.headers.authorization !== `Bearer ${this.secretKey}`) {
        return this.send(res, 401, { error: { type: 'invalid_request_error', message: 'Invalid API Key provided.' } });
      }
      const body = req.method === 'GET' ? parseStripeForm(url.search.slice(1)) : parseStripeForm(raw);
      const key = req.headers['idempotency-key'] as string | undefined;
      if (req.method === 'POST') {
        this.writes.push({ method: 'POST', path: url.pathname, idempotencyKey: key, body });
        const replay = key ? this.idempotent.get(key) : undefined;
        if (replay) return this.send(res, replay.status, replay.body, { 'idempotent-replayed': 'true' });
      }
      // Namespaced resources (`checkout/sessions`, `billing_portal/sessions`) are one resource name.
      const parts = url.pathname.slice(4).split('/');
      const segments = parts[0] === 'checkout' || parts[0] === 'billing_portal' ? [`${parts[0]}/${parts[1]}`, ...parts.slice(2)] : parts;
      const [status, answer] = this.route(req.method ?? 'GET', segments, body);
      if (req.method === 'POST' && key) this.idempotent.set(key, { status, body: answer });
      this.send(res, status, answer);
    } catch (error) {
      this.send(res, 500, { error: { type: 'api_error', message: String(error) } });
    }
  }

  private send(res: ServerResponse, status: number, body: Obj, headers: Record<string, string> = {}): void {
    res.writeHead(status, { 'content-type': 'application/json', 'request-id': id('req'), ...headers });
    res.end(JSON.stringify(body));
  }

  private notFound(kind: string, key: string): [number, Obj] {
    return [404, { error: { type: 'invalid_request_error', code: 'resource_missing', param: 'id', message: `No such ${kind}: '${key}'` } }];
  }

  private route(method: string, [resource, key, sub]: string[], body: Obj): [number, Obj] {
    const list = (data: Obj[]) => [200, { object: 'list', data, has_more: false, url: `/v1/${resource}` }] as [number, Obj];
    switch (`${method} ${resource}${key ? '/:id' : ''}${sub ? `/${sub}` : ''}`) {
      case 'GET prices': {
        const keys: string[] = body.lookup_keys ?? [];
        return list([...this.prices.values()].filter((p) => keys.includes(p.lookup_key) && (body.active === undefined || String(p.active) === body.active)));
      }
      case 'POST prices': {
        if (!body.product || !this.products.has(body.product)) return [400, { error: { type: 'invalid_request_error', code: 'resource_missing', param: 'product', message: `No such product: '${body.product}'` } }];
        if (body.lookup_key && [...this.prices.values()].some((p) => p.lookup_key === body.lookup_key)) {
          return [400, { error: { type: 'invalid_request_error', code: 'lookup_key_exists', param: 'lookup_key', message: 'A price with this lookup key exists.' } }];
        }
        const price = { id: id('price'), object: 'price', active: true, currency: body.currency, unit_amount: Number(body.unit_amount), product: body.product, lookup_key: body.lookup_key ?? null, recurring: body.recurring ? { interval: body.recurring.interval, interval_count: 1 } : null, type: body.recurring ? 'recurring' : 'one_time', metadata: body.metadata ?? {} };
        this.prices.set(price.id, price);
        return [200, price];
      }
      case 'GET products/:id':
        return this.products.has(key) ? [200, this.products.get(key)!] : this.notFound('product', key);
      case 'POST products': {
        const product = { id: body.id ?? id('prod'), object: 'product', active: true, name: body.name, metadata: body.metadata ?? {} };
        if (this.products.has(product.id)) return [400, { error: { type: 'invalid_request_error', code: 'resource_already_exists', param: 'id', message: 'Product already exists.' } }];
        this.products.set(product.id, product);
        return [200, product];
      }
      case 'POST customers': {
        const customer = { id: id('cus'), object: 'customer', name: body.name ?? null, email: body.email ?? null, metadata: body.metadata ?? {} };
        this.customers.set(customer.id, customer);
        return [200, customer];
      }
      case 'POST checkout/sessions': {
        if (!Array.isArray(body.line_items) || !body.line_items.length) return [400, { error: { type: 'invalid_request_error', param: 'line_items', message: 'line_items is required.' } }];
        for (const li of body.line_items) if (!this.prices.has(li.price)) return [400, { error: { type: 'invalid_request_error', code: 'resource_missing', param: 'line_items[0][price]', message: `No such price: '${li.price}'` } }];
        const sid = id('cs_test');
        const session = { id: sid, object: 'checkout.session', mode: body.mode, status: 'open', payment_status: 'unpaid', customer: body.customer ?? null, client_reference_id: body.client_reference_id ?? null, metadata: body.metadata ?? {}, success_url: body.success_url, cancel_url: body.cancel_url, url: `${this.url}/checkout/${sid}`, subscription: null, invoice: null, payment_intent: null, line_items: body.line_items, subscription_data: body.subscription_data ?? null, amount_total: body.line_items.reduce((s: number, li: Obj) => s + this.prices.get(li.price)!.unit_amount * Number(li.quantity ?? 1), 0), currency: 'usd' };
        this.sessions.set(sid, session);
        return [200, this.publicSession(session)];
      }
      case 'GET checkout/sessions/:id':
        return this.sessions.has(key) ? [200, this.publicSession(this.sessions.get(key)!)] : this.notFound('checkout.session', key);
      case 'POST billing_portal/sessions':
        if (!body.customer || !this.customers.has(body.customer)) return [400, { error: { type: 'invalid_request_error', code: 'resource_missing', param: 'customer', message: `No such customer: '${body.customer}'` } }];
        return [200, { id: id('bps'), object: 'billing_portal.session', customer: body.customer, return_url: body.return_url, url: `${this.url}/portal/${body.customer}` }];
      case 'GET subscriptions/:id':
        return this.subscriptions.has(key) ? [200, this.subscriptions.get(key)!] : this.notFound('subscription', key);
      case 'POST subscriptions/:id': {
        const s = this.subscriptions.get(key);
        if (!s) return this.notFound('subscription', key);
        for (const item of (body.items ?? []) as Obj[]) {
          const existing = item.id ? s.items.data.find((i: Obj) => i.id === item.id) : undefined;
          if (existing && item.deleted === 'true') s.items.data = s.items.data.filter((i: Obj) => i !== existing);
          else if (existing) existing.quantity = Number(item.quantity ?? existing.quantity);
          else {
            const price = this.prices.get(item.price);
            if (!price) return [400, { error: { type: 'invalid_request_error', code: 'resource_missing', param: 'items[0][price]', message: `No such price: '${item.price}'` } }];
            const first = s.items.data[0];
            s.items.data.push({ id: id('si'), object: 'subscription_item', price, quantity: Number(item.quantity ?? 1), current_period_start: first.current_period_start, current_period_end: first.current_period_end, metadata: {} });
          }
        }
        if (body.metadata) s.metadata = { ...s.metadata, ...body.metadata };
        this.event('customer.subscription.updated', s);
        return [200, s];
      }
      case 'GET account':
        // The platform's own account (the console's test connection).
        return [200, { id: 'acct_fake_platform', object: 'account', email: 'billing@platform.test', business_profile: { name: 'Fake Platform' }, settings: { dashboard: { display_name: 'Fake Platform' } }, charges_enabled: true }];
      case 'GET invoices/:id':
        return this.invoices.has(key) ? [200, this.invoices.get(key)!] : this.notFound('invoice', key);
      default:
        return [404, { error: { type: 'invalid_request_error', message: `Unrecognized request URL (${method}: /v1/${[resource, key, sub].filter(Boolean).join('/')}).` } }];
    }
  }

  private publicSession(session: Obj): Obj {
    const { line_items: _items, subscription_data: _data, ...rest } = session;
    return rest;
  }

  /** The hosted Checkout page: GET shows it, POST pays, fires the signed events and redirects to success_url. */
  private async hostedCheckout(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const sid = url.pathname.split('/')[2];
    const session = this.sessions.get(sid);
    if (!session) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('No such checkout session');
      return;
    }
    if (req.method === 'GET') {
      const amount = (session.amount_total / 100).toFixed(2);
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(`<!doctype html><html><body><h1>Fake Stripe Checkout</h1><p>Total: $${amount}</p>
<form method="post" action="/checkout/${sid}"><button type="submit">Pay $${amount}</button></form>
<a href="${session.cancel_url}">Cancel</a></body></html>`);
      return;
    }
    for (const event of this.complete(sid)) await this.deliver(event);
    res.writeHead(303, { location: String(session.success_url).replace('{CHECKOUT_SESSION_ID}', sid) });
    res.end();
  }
}
