import { DEFAULT_PLANS, DEFAULT_PRODUCTS } from '../../../plans/plan-defaults.js';
import type { ControlMigration } from './migration.js';

const lit = (v: unknown): string => (v === null ? 'null' : typeof v === 'string' ? `'${v.replace(/'/g, "''")}'` : String(v));

/**
 * Plans, products, each workspace's subscription, Stripe's events (stored once), invoices and the
 * referral program. Billing is about tenants, not inside one, so it lives in control (the
 * super-admin's MRR and payouts read across tenants). Defaults are seeded by the plans service.
 */
export const control0005Billing: ControlMigration = {
  name: '0005-billing',
  up: () => [
    `create table control.plans (
      key text primary key,
      name text not null,
      position integer not null default 0,
      currency text not null default 'usd',
      price_monthly integer not null,
      price_yearly integer not null,
      accounts integer not null,
      ai_credits integer not null,
      seats integer,
      client_logins integer,
      custom_domains integer not null default 0,
      white_label text not null check (white_label in ('no', 'addon', 'yes')),
      remove_powered_by boolean not null default false,
      own_instagram_app boolean not null default false,
      features jsonb not null default '[]'::jsonb,
      active boolean not null default true,
      updated_at timestamptz not null default now()
    )`,
    `create table control.billing_products (
      key text primary key,
      name text not null,
      kind text not null check (kind in ('one_time', 'recurring_addon')),
      currency text not null default 'usd',
      price integer not null,
      credits integer not null default 0,
      description text not null default '',
      active boolean not null default true,
      updated_at timestamptz not null default now()
    )`,
    `create table control.subscriptions (
      tenant_id integer primary key references control.tenants(id) on delete cascade,
      plan_key text not null,
      interval text not null default 'month' check (interval in ('month', 'year')),
      status text not null,
      stripe_customer_id text unique,
      stripe_subscription_id text unique,
      current_period_start timestamptz,
      current_period_end timestamptz,
      trial_ends_at timestamptz,
      cancel_at_period_end boolean not null default false,
      extra_accounts integer not null default 0,
      white_label_addon boolean not null default false,
      grace_ends_at timestamptz,
      downgraded_at timestamptz,
      updated_at timestamptz not null default now()
    )`,
    `create table control.stripe_events (
      id text primary key,
      type text not null,
      created_at_stripe timestamptz not null,
      received_at timestamptz not null default now(),
      processed_at timestamptz,
      payload jsonb not null
    )`,
    `create table control.invoices (
      id text primary key,
      tenant_id integer not null references control.tenants(id) on delete cascade,
      number text,
      currency text not null,
      amount_due integer not null,
      amount_paid integer not null,
      status text not null,
      period_start timestamptz,
      period_end timestamptz,
      hosted_invoice_url text,
      created_at timestamptz not null,
      updated_at timestamptz not null default now()
    )`,
    `create index invoices_tenant_idx on control.invoices (tenant_id, created_at desc)`,
    `create table control.referral_codes (
      tenant_id integer primary key references control.tenants(id) on delete cascade,
      code text not null unique,
      clicks integer not null default 0,
      created_at timestamptz not null default now()
    )`,
    `create table control.referrals (
      referred_tenant_id integer primary key references control.tenants(id) on delete cascade,
      referrer_tenant_id integer not null references control.tenants(id) on delete cascade,
      created_at timestamptz not null default now()
    )`,
    `create index referrals_referrer_idx on control.referrals (referrer_tenant_id)`,
    `create table control.referral_commissions (
      id uuid primary key,
      referrer_tenant_id integer not null references control.tenants(id) on delete cascade,
      referred_tenant_id integer not null references control.tenants(id) on delete cascade,
      invoice_id text not null unique,
      currency text not null,
      amount integer not null,
      status text not null check (status in ('pending', 'payable', 'paid', 'reversed')),
      payable_at timestamptz not null,
      paid_at timestamptz,
      created_at timestamptz not null default now()
    )`,
    `create index referral_commissions_referrer_idx on control.referral_commissions (referrer_tenant_id)`,
    ...DEFAULT_PLANS.map((p) => `insert into control.plans (key, name, position, price_monthly, price_yearly, accounts, ai_credits, seats, client_logins,
      custom_domains, white_label, remove_powered_by, own_instagram_app, features) values (${[p.key, p.name, p.position, p.priceMonthly, p.priceYearly, p.accounts,
      p.aiCredits, p.seats, p.clientLogins, p.customDomains, p.whiteLabel, p.removePoweredBy, p.ownInstagramApp].map(lit).join(', ')}, ${lit(JSON.stringify(p.features))}::jsonb)`),
    ...DEFAULT_PRODUCTS.map((p) => `insert into control.billing_products (key, name, kind, price, credits, description)
      values (${[p.key, p.name, p.kind, p.price, p.credits, p.description].map(lit).join(', ')})`),
  ],
};
