import { Injectable } from '@nestjs/common';
import { ControlDb } from '../core/database/control-db.js';
import { controlTable, sql } from '../core/database/sql.js';
import type { ProductRow } from '../plans/plans.entity.js';

const products = controlTable('billing_products');
const COLUMNS = sql`key, name, kind, currency, price, credits, description, active`;

/** control.billing_products edits (plans are edited through the plans domain). */
@Injectable()
export class AdminCatalogRepository {
  constructor(private readonly db: ControlDb) {}

  updateProduct(key: string, p: Pick<ProductRow, 'name' | 'price' | 'credits' | 'description' | 'active'>): Promise<ProductRow | null> {
    return this.db.one<ProductRow>(sql`update ${products} set name = ${p.name}, price = ${p.price}, credits = ${p.credits}, description = ${p.description},
      active = ${p.active}, updated_at = now() where key = ${key} returning ${COLUMNS}`);
  }
}
