import { Injectable } from '@nestjs/common';
import { controlTable, sql, tenantTable } from '../core/database/sql.js';
import { CacheBus } from '../core/tenancy/cache-bus.js';
import { ScopedCache } from '../core/tenancy/scoped-cache.js';
import { TenantDb } from '../core/tenancy/tenant-db.js';
import { PLAN_INPUTS_CACHE, PLAN_INPUTS_TOPIC } from './plan-inputs-cache.js';
import { PLAN_COLUMNS } from '../plans/plans.repository.js';
import type { PlanRow } from '../plans/plans.entity.js';
import type { SubscriptionRow } from './limits.entity.js';

export const SUBSCRIPTION_COLUMNS = sql`tenant_id as "tenantId", plan_key as "planKey", interval, status, stripe_customer_id as "stripeCustomerId",
  stripe_subscription_id as "stripeSubscriptionId", current_period_start as "currentPeriodStart", current_period_end as "currentPeriodEnd",
  trial_ends_at as "trialEndsAt", cancel_at_period_end as "cancelAtPeriodEnd", extra_accounts as "extraAccounts",
  white_label_addon as "whiteLabelAddon", grace_ends_at as "graceEndsAt"`;

const dateOrNull = (v: unknown): Date | null => (v === null || v === undefined ? null : new Date(v as string));

/** pg returns timestamptz as strings on the sql path. */
export const toSubscription = (row: SubscriptionRow): SubscriptionRow => ({
  ...row,
  currentPeriodStart: dateOrNull(row.currentPeriodStart),
  currentPeriodEnd: dateOrNull(row.currentPeriodEnd),
  trialEndsAt: dateOrNull(row.trialEndsAt),
  graceEndsAt: dateOrNull(row.graceEndsAt),
});

export interface PlanInputs {
  planCode: string;
  trialEndsAt: Date | null;
  subscription: SubscriptionRow | null;
  plans: PlanRow[];
}

/** What the limits are read from: the registry row, the subscription, the plans, and the tenant's own counts. */
@Injectable()
export class LimitsRepository {
  private readonly inputs: ScopedCache<PlanInputs>;

  constructor(
    private readonly db: TenantDb,
    bus: CacheBus,
  ) {
    this.inputs = new ScopedCache(bus, PLAN_INPUTS_TOPIC, PLAN_INPUTS_CACHE);
  }

  /**
   * Everything the effective plan is computed from, in one round trip (it is read on every list
   * that shows a limit), cached per workspace until a write publishes PLAN_INPUTS_TOPIC.
   */
  async planInputs(tenantId: number): Promise<PlanInputs> {
    return (await this.inputs.get(tenantId, 'plan', () => this.loadPlanInputs(tenantId)))!;
  }

  private async loadPlanInputs(tenantId: number): Promise<PlanInputs> {
    const row = await this.db.one<{ planCode: string | null; trialEndsAt: string | null; subscription: SubscriptionRow | null; plans: PlanRow[] | null }>(
      sql`select t.plan_code as "planCode", t.trial_ends_at as "trialEndsAt",
              (select row_to_json(s) from (select ${SUBSCRIPTION_COLUMNS} from ${controlTable('subscriptions')} where tenant_id = ${tenantId}) s) as subscription,
              (select json_agg(p) from (select ${PLAN_COLUMNS} from ${controlTable('plans')} order by position, key) p) as plans
         from (select 1) one left join ${controlTable('tenants')} t on t.id = ${tenantId}`,
    );
    return {
      planCode: row?.planCode ?? 'trial',
      trialEndsAt: dateOrNull(row?.trialEndsAt),
      subscription: row?.subscription ? toSubscription(row.subscription) : null,
      plans: row?.plans ?? [],
    };
  }

  plans(): Promise<PlanRow[]> {
    return this.db.query<PlanRow>(sql`select ${PLAN_COLUMNS} from ${controlTable('plans')} order by position, key`);
  }

  async countAccounts(): Promise<number> {
    return this.count(sql`select count(*)::int as n from ${tenantTable('instagram_accounts')} where status <> 'disconnected'`);
  }

  /** Staff seats: owner, admin and manager members plus pending staff invitations (an invitation holds its seat). */
  async countSeats(): Promise<number> {
    return this.count(sql`select ((select count(*) from ${tenantTable('users')} where role in ('owner', 'admin', 'manager'))
      + (select count(*) from ${tenantTable('invitations')} where role in ('admin', 'manager') and accepted_at is null and revoked_at is null and expires_at > now()))::int as n`);
  }

  async countClientLogins(): Promise<number> {
    return this.count(sql`select ((select count(*) from ${tenantTable('users')} where role = 'client')
      + (select count(*) from ${tenantTable('invitations')} where role = 'client' and accepted_at is null and revoked_at is null and expires_at > now()))::int as n`);
  }

  async countCustomDomains(tenantId: number): Promise<number> {
    return this.count(sql`select count(*)::int as n from ${controlTable('domains')} where tenant_id = ${tenantId}`);
  }

  /** Live accounts in creation order: the first `limit` stay writable after a downgrade. */
  async accountIdsInOrder(): Promise<string[]> {
    const rows = await this.db.query<{ id: string }>(sql`select id from ${tenantTable('instagram_accounts')} where status <> 'disconnected' order by created_at, id`);
    return rows.map((r) => r.id);
  }

  private async count(query: ReturnType<typeof sql>): Promise<number> {
    return (await this.db.one<{ n: number }>(query))?.n ?? 0;
  }
}
