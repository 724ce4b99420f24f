import { Injectable } from '@nestjs/common';
import { ControlDb } from '../core/database/control-db.js';
import { controlTable, sql, tenantTable } from '../core/database/sql.js';
import { TenantDb } from '../core/tenancy/tenant-db.js';
import type { DashboardSource, TenantDailyCounts } from './admin-dashboard.entity.js';
import type { SnapshotRow } from './metrics.js';

const tenants = controlTable('tenants');
const plans = controlTable('plans');
const products = controlTable('billing_products');
const subscriptions = controlTable('subscriptions');
const invoices = controlTable('invoices');
const aiDaily = controlTable('ai_usage_daily');
const rollups = controlTable('tenant_rollups');
const daily = controlTable('tenant_daily_rollups');
const snapshots = controlTable('subscription_snapshots');
const users = tenantTable('users');
const accounts = tenantTable('instagram_accounts');
const syncRuns = tenantTable('sync_runs');

const num = (v: unknown) => Number(v ?? 0);
const date = (v: string | Date | null) => (v === null ? null : new Date(v));

/**
 * The dashboard's reads: a fixed number of control-schema statements whatever the number of
 * workspaces (rollups instead of a query per schema). The rollup writers below are the only code
 * that reads a workspace's own tables, one workspace at a time, from the job.
 */
@Injectable()
export class AdminDashboardRepository {
  constructor(
    private readonly control: ControlDb,
    private readonly tenantDb: TenantDb,
  ) {}

  async source(): Promise<DashboardSource> {
    const [counts] = await this.control.query<{ tenants: number; users: number; accounts: number; refreshed_at: string | null }>(sql`
      select (select count(*) from ${tenants} where status <> 'provisioning')::int as tenants,
             (select coalesce(sum(users), 0) from ${rollups})::int as users,
             (select coalesce(sum(accounts), 0) from ${rollups})::int as accounts,
             (select max(refreshed_at) from ${rollups}) as refreshed_at`);
    const planRows = await this.control.query<{ key: string; currency: string; price_monthly: number; price_yearly: number }>(
      sql`select key, currency, price_monthly, price_yearly from ${plans}`,
    );
    const addonRows = await this.control.query<{ key: string; price: number }>(sql`select key, price from ${products} where kind = 'recurring_addon'`);
    const subRows = await this.control.query<{ tenant_id: number; slug: string; plan_key: string; interval: 'month' | 'year'; status: string; extra_accounts: number; white_label_addon: boolean }>(sql`
      select s.tenant_id, t.slug, s.plan_key, s.interval, s.status, s.extra_accounts, s.white_label_addon
      from ${subscriptions} s join ${tenants} t on t.id = s.tenant_id`);
    const trialRows = await this.control.query<{ trial_ends_at: string | null; status: string | null }>(sql`
      select t.trial_ends_at, s.status from ${tenants} t left join ${subscriptions} s on s.tenant_id = t.id
      where t.trial_ends_at is not null and t.status <> 'provisioning'`);
    const addon = (key: string) => num(addonRows.find((r) => r.key === key)?.price);
    return {
      tenants: num(counts?.tenants),
      users: num(counts?.users),
      accounts: num(counts?.accounts),
      refreshedAt: date(counts?.refreshed_at ?? null),
      plans: new Map(planRows.map((p) => [p.key, { currency: p.currency, priceMonthly: num(p.price_monthly), priceYearly: num(p.price_yearly) }])),
      addons: { extraAccount: addon('extra_account'), whiteLabel: addon('white_label') },
      subscriptions: subRows.map((s) => ({
        tenantId: num(s.tenant_id),
        slug: s.slug,
        planKey: s.plan_key,
        interval: s.interval,
        status: s.status,
        extraAccounts: num(s.extra_accounts),
        whiteLabelAddon: s.white_label_addon,
      })),
      trials: trialRows.map((r) => ({ trialEndsAt: date(r.trial_ends_at), paying: r.status === 'active' || r.status === 'past_due' })),
    };
  }

  /** Every workspace's MRR on the last snapshot day at or before `day` (null: no snapshot that early). */
  async snapshotAt(day: string, currency: string): Promise<{ day: string; rows: SnapshotRow[] } | null> {
    const rows = await this.control.query<{ day: string; tenant_id: number; mrr: number }>(sql`
      select day::text as day, tenant_id, mrr from ${snapshots}
      where currency = ${currency} and day = (select max(day) from ${snapshots} where day <= ${day}::date)`);
    if (!rows.length) return null;
    return { day: rows[0].day, rows: rows.map((r) => ({ tenantId: num(r.tenant_id), mrr: num(r.mrr) })) };
  }

  async paidInvoices(from: Date, to: Date, currency: string): Promise<{ at: Date; amount: number }[]> {
    const rows = await this.control.query<{ created_at: string; amount_paid: number }>(sql`
      select created_at, amount_paid from ${invoices}
      where status = 'paid' and currency = ${currency} and created_at between ${from} and ${to}`);
    return rows.map((r) => ({ at: new Date(r.created_at), amount: num(r.amount_paid) }));
  }

  /** Workspaces created before `from`, and per day within the range. */
  async tenantGrowth(from: Date, to: Date): Promise<{ before: number; added: { at: Date; count: number }[] }> {
    const [b] = await this.control.query<{ n: number }>(sql`select count(*)::int as n from ${tenants} where status <> 'provisioning' and created_at < ${from}`);
    const rows = await this.control.query<{ day: string; n: number }>(sql`
      select (created_at at time zone 'UTC')::date::text as day, count(*)::int as n from ${tenants}
      where status <> 'provisioning' and created_at between ${from} and ${to} group by 1`);
    return { before: num(b?.n), added: rows.map((r) => ({ at: new Date(`${r.day}T00:00:00Z`), count: num(r.n) })) };
  }

  /** Users created before `from` and per day within the range, and sync failures in the range (rollups). */
  async dailyRollups(from: Date, to: Date): Promise<{ usersBefore: number; usersAdded: { at: Date; count: number }[]; syncFailures: number }> {
    const fromDay = from.toISOString().slice(0, 10);
    const toDay = to.toISOString().slice(0, 10);
    const [b] = await this.control.query<{ n: number }>(sql`select coalesce(sum(users_new), 0)::int as n from ${daily} where day < ${fromDay}::date`);
    const rows = await this.control.query<{ day: string; users: number; failures: number }>(sql`
      select day::text as day, sum(users_new)::int as users, sum(sync_failures)::int as failures from ${daily}
      where day between ${fromDay}::date and ${toDay}::date group by day`);
    return {
      usersBefore: num(b?.n),
      usersAdded: rows.map((r) => ({ at: new Date(`${r.day}T00:00:00Z`), count: num(r.users) })),
      syncFailures: rows.reduce((s, r) => s + num(r.failures), 0),
    };
  }

  async aiUsage(from: Date, to: Date): Promise<{ tenantId: number; slug: string; generations: number; tokens: number; costUsd: number }[]> {
    const rows = await this.control.query<{ tenant_id: number; slug: string; generations: number; tokens: string; cost: string }>(sql`
      select a.tenant_id, t.slug, sum(a.generations)::int as generations, sum(a.prompt_tokens + a.completion_tokens)::text as tokens, sum(a.cost_usd)::text as cost
      from ${aiDaily} a join ${tenants} t on t.id = a.tenant_id
      where a.day between ${from.toISOString().slice(0, 10)}::date and ${to.toISOString().slice(0, 10)}::date
      group by a.tenant_id, t.slug order by sum(a.cost_usd) desc, t.slug`);
    return rows.map((r) => ({ tenantId: num(r.tenant_id), slug: r.slug, generations: num(r.generations), tokens: num(r.tokens), costUsd: Number(r.cost) }));
  }

  /** Per-workspace current counts for the tenants table (from the rollups). */
  async tenantRollups(): Promise<Map<number, { users: number; accounts: number }>> {
    const rows = await this.control.query<{ tenant_id: number; users: number; accounts: number }>(sql`select tenant_id, users, accounts from ${rollups}`);
    return new Map(rows.map((r) => [num(r.tenant_id), { users: num(r.users), accounts: num(r.accounts) }]));
  }

  // ---- rollup writers (the job) ----

  /** Live workspaces, for the job to visit one by one. */
  async liveTenantIds(): Promise<number[]> {
    const rows = await this.control.query<{ id: number }>(sql`select id from ${tenants} where status <> 'provisioning' order by id`);
    return rows.map((r) => num(r.id));
  }

  /** Inside the workspace's context: its current counts and per-day history, from its own tables. */
  async readTenantCounts(): Promise<{ users: number; accounts: number; days: TenantDailyCounts[] }> {
    const [c] = await this.tenantDb.query<{ users: number; accounts: number }>(sql`
      select (select count(*) from ${users})::int as users,
             (select count(*) from ${accounts} where status <> 'disconnected')::int as accounts`);
    const rows = await this.tenantDb.query<{ day: string; users_new: number; accounts_new: number; sync_failures: number }>(sql`
      select day::text as day, sum(u)::int as users_new, sum(a)::int as accounts_new, sum(f)::int as sync_failures from (
        select (created_at at time zone 'UTC')::date as day, 1 as u, 0 as a, 0 as f from ${users}
        union all select (created_at at time zone 'UTC')::date, 0, 1, 0 from ${accounts}
        union all select (coalesce(finished_at, created_at) at time zone 'UTC')::date, 0, 0, 1 from ${syncRuns} where status = 'failed'
      ) x group by day`);
    return {
      users: num(c?.users),
      accounts: num(c?.accounts),
      days: rows.map((r) => ({ day: r.day, usersNew: num(r.users_new), accountsNew: num(r.accounts_new), syncFailures: num(r.sync_failures) })),
    };
  }

  /** Replaces the workspace's rollups in one transaction (recomputed from the source: idempotent). */
  async writeTenantRollups(tenantId: number, counts: { users: number; accounts: number; days: TenantDailyCounts[] }): Promise<void> {
    await this.control.transaction(async () => {
      await this.control.execute(sql`
        insert into ${rollups} (tenant_id, users, accounts, refreshed_at) values (${tenantId}, ${counts.users}, ${counts.accounts}, now())
        on conflict (tenant_id) do update set users = excluded.users, accounts = excluded.accounts, refreshed_at = now()`);
      await this.control.execute(sql`delete from ${daily} where tenant_id = ${tenantId}`);
      if (!counts.days.length) return;
      await this.control.execute(sql`
        insert into ${daily} (tenant_id, day, users_new, accounts_new, sync_failures)
        select ${tenantId}, d.day::date, d.users_new, d.accounts_new, d.sync_failures
        from jsonb_to_recordset(${JSON.stringify(counts.days.map((d) => ({ day: d.day, users_new: d.usersNew, accounts_new: d.accountsNew, sync_failures: d.syncFailures })))}::jsonb)
          as d(day text, users_new int, accounts_new int, sync_failures int)`);
    });
  }

  /** Today's subscription snapshot for every workspace with a subscription (rewritten on every run of the day). */
  async writeSnapshot(day: string, rows: { tenantId: number; planKey: string; status: string; currency: string; mrr: number }[]): Promise<void> {
    await this.control.transaction(async () => {
      await this.control.execute(sql`delete from ${snapshots} where day = ${day}::date`);
      if (!rows.length) return;
      await this.control.execute(sql`
        insert into ${snapshots} (day, tenant_id, plan_key, status, currency, mrr)
        select ${day}::date, r.tenant_id, r.plan_key, r.status, r.currency, r.mrr
        from jsonb_to_recordset(${JSON.stringify(rows.map((r) => ({ tenant_id: r.tenantId, plan_key: r.planKey, status: r.status, currency: r.currency, mrr: r.mrr })))}::jsonb)
          as r(tenant_id int, plan_key text, status text, currency text, mrr int)`);
    });
  }
}
