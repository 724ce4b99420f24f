import { Injectable } from '@nestjs/common';
import { ControlDb } from '../core/database/control-db.js';
import { controlTable, sql } from '../core/database/sql.js';
import { CacheBus } from '../core/tenancy/cache-bus.js';
import { PLAN_INPUTS_TOPIC } from '../limits/plan-inputs-cache.js';
import type { SubscriptionRow } from '../limits/limits.entity.js';
import { SUBSCRIPTION_COLUMNS, toSubscription } from '../limits/limits.repository.js';

const subscriptions = controlTable('subscriptions');
const tenants = controlTable('tenants');

export type SubscriptionWrite = Omit<SubscriptionRow, 'tenantId'>;

/** control.subscriptions outside a tenant request (webhook jobs, the super-admin). */
@Injectable()
export class SubscriptionsRepository {
  constructor(
    private readonly db: ControlDb,
    private readonly bus: CacheBus,
  ) {}

  transaction<T>(fn: () => Promise<T>): Promise<T> {
    return this.db.transaction(fn);
  }

  async find(tenantId: number): Promise<SubscriptionRow | null> {
    const row = await this.db.one<SubscriptionRow>(sql`select ${SUBSCRIPTION_COLUMNS} from ${subscriptions} where tenant_id = ${tenantId}`);
    return row ? toSubscription(row) : null;
  }

  /** Locks the row for the rest of the transaction (events of one workspace apply one at a time). */
  async lock(tenantId: number): Promise<SubscriptionRow | null> {
    const row = await this.db.one<SubscriptionRow>(sql`select ${SUBSCRIPTION_COLUMNS} from ${subscriptions} where tenant_id = ${tenantId} for update`);
    return row ? toSubscription(row) : null;
  }

  async findTenantByCustomer(customerId: string): Promise<number | null> {
    return (await this.db.one<{ tenantId: number }>(sql`select tenant_id as "tenantId" from ${subscriptions} where stripe_customer_id = ${customerId}`))?.tenantId ?? null;
  }

  async tenantExists(tenantId: number): Promise<boolean> {
    return (await this.db.one(sql`select 1 from ${tenants} where id = ${tenantId}`)) !== null;
  }

  /** Writes the whole row and the tenant's plan code (the plan the workspace subscribed to). */
  async upsert(tenantId: number, s: SubscriptionWrite): Promise<void> {
    await this.db.execute(sql`insert into ${subscriptions} (tenant_id, plan_key, interval, status, stripe_customer_id, stripe_subscription_id,
        current_period_start, current_period_end, trial_ends_at, cancel_at_period_end, extra_accounts, white_label_addon, grace_ends_at, updated_at)
      values (${tenantId}, ${s.planKey}, ${s.interval}, ${s.status}, ${s.stripeCustomerId}, ${s.stripeSubscriptionId}, ${s.currentPeriodStart},
        ${s.currentPeriodEnd}, ${s.trialEndsAt}, ${s.cancelAtPeriodEnd}, ${s.extraAccounts}, ${s.whiteLabelAddon}, ${s.graceEndsAt}, now())
      on conflict (tenant_id) do update set plan_key = excluded.plan_key, interval = excluded.interval, status = excluded.status,
        stripe_customer_id = excluded.stripe_customer_id, stripe_subscription_id = excluded.stripe_subscription_id,
        current_period_start = excluded.current_period_start, current_period_end = excluded.current_period_end,
        trial_ends_at = excluded.trial_ends_at, cancel_at_period_end = excluded.cancel_at_period_end,
        extra_accounts = excluded.extra_accounts, white_label_addon = excluded.white_label_addon,
        grace_ends_at = excluded.grace_ends_at, updated_at = now()`);
    await this.db.execute(sql`update ${tenants} set plan_code = ${s.planKey}, trial_ends_at = ${s.trialEndsAt ?? null}, updated_at = now() where id = ${tenantId}`);
    await this.db.afterCommit(() => this.bus.publish(PLAN_INPUTS_TOPIC, String(tenantId)));
  }

  async setCustomer(tenantId: number, customerId: string, fallback: SubscriptionWrite): Promise<void> {
    const updated = await this.db.execute(sql`update ${subscriptions} set stripe_customer_id = ${customerId}, updated_at = now() where tenant_id = ${tenantId}`);
    if (updated) await this.db.afterCommit(() => this.bus.publish(PLAN_INPUTS_TOPIC, String(tenantId)));
    if (!updated) await this.upsert(tenantId, { ...fallback, stripeCustomerId: customerId });
  }
}
