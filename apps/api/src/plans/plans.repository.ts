import { Injectable } from '@nestjs/common';
import { ControlDb } from '../core/database/control-db.js';
import { controlTable, sql } from '../core/database/sql.js';
import { CacheBus } from '../core/tenancy/cache-bus.js';
import { PLAN_INPUTS_TOPIC } from '../limits/plan-inputs-cache.js';
import type { PlanRow, ProductRow } from './plans.entity.js';

const plans = controlTable('plans');
const products = controlTable('billing_products');

export const PLAN_COLUMNS = sql`key, name, position, currency, price_monthly as "priceMonthly", price_yearly as "priceYearly", accounts,
  ai_credits as "aiCredits", seats, client_logins as "clientLogins", custom_domains as "customDomains", white_label as "whiteLabel",
  remove_powered_by as "removePoweredBy", own_instagram_app as "ownInstagramApp", features, active`;

/** control.plans and control.billing_products. */
@Injectable()
export class PlansRepository {
  constructor(
    private readonly db: ControlDb,
    private readonly bus: CacheBus,
  ) {}

  list(): Promise<PlanRow[]> {
    return this.db.query<PlanRow>(sql`select ${PLAN_COLUMNS} from ${plans} order by position, key`);
  }

  find(key: string): Promise<PlanRow | null> {
    return this.db.one<PlanRow>(sql`select ${PLAN_COLUMNS} from ${plans} where key = ${key}`);
  }

  async update(key: string, p: Omit<PlanRow, 'key'>): Promise<PlanRow | null> {
    const row = await this.db.one<PlanRow>(sql`update ${plans} set name = ${p.name}, position = ${p.position}, currency = ${p.currency},
      price_monthly = ${p.priceMonthly}, price_yearly = ${p.priceYearly}, accounts = ${p.accounts}, ai_credits = ${p.aiCredits},
      seats = ${p.seats}, client_logins = ${p.clientLogins}, custom_domains = ${p.customDomains}, white_label = ${p.whiteLabel},
      remove_powered_by = ${p.removePoweredBy}, own_instagram_app = ${p.ownInstagramApp}, features = ${JSON.stringify(p.features)}::jsonb,
      active = ${p.active}, updated_at = now() where key = ${key} returning ${PLAN_COLUMNS}`);
    // Every workspace's effective plan may follow this row.
    if (row) await this.db.afterCommit(() => this.bus.publish(PLAN_INPUTS_TOPIC, '*'));
    return row;
  }

  products(): Promise<ProductRow[]> {
    return this.db.query<ProductRow>(sql`select key, name, kind, currency, price, credits, description, active from ${products} order by kind, price`);
  }

  product(key: string): Promise<ProductRow | null> {
    return this.db.one<ProductRow>(sql`select key, name, kind, currency, price, credits, description, active from ${products} where key = ${key}`);
  }
}
