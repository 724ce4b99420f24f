import { Injectable } from '@nestjs/common';
import { ControlDb } from '../core/database/control-db.js';
import { controlTable, sql, tenantTable } from '../core/database/sql.js';
import { TenantDb } from '../core/tenancy/tenant-db.js';
import type { InvoiceRow, StoredEvent } from './billing.entity.js';

const events = controlTable('stripe_events');
const invoices = controlTable('invoices');

const dateOrNull = (v: unknown) => (v === null || v === undefined ? null : new Date(v as string));

/** Stripe's events and invoices in control, and the owners to mail, in the tenant. */
@Injectable()
export class BillingRepository {
  constructor(
    private readonly db: ControlDb,
    private readonly tenantDb: TenantDb,
  ) {}

  transaction<T>(fn: () => Promise<T>): Promise<T> {
    return this.db.transaction(fn);
  }

  /** Serialises everything billing does for one workspace until the transaction ends. */
  async lockTenant(tenantId: number): Promise<void> {
    await this.db.query(sql`select pg_advisory_xact_lock(${7_000_001}, ${tenantId})`);
  }

  /** Stores an event id once; false when it was already stored (a duplicate delivery). */
  async insertEvent(event: { id: string; type: string; created: number }, payload: unknown): Promise<boolean> {
    const n = await this.db.execute(sql`insert into ${events} (id, type, created_at_stripe, payload)
      values (${event.id}, ${event.type}, ${new Date(event.created * 1000)}, ${JSON.stringify(payload)}::jsonb) on conflict (id) do nothing`);
    return n === 1;
  }

  async event(id: string): Promise<StoredEvent | null> {
    const row = await this.db.one<StoredEvent>(sql`select id, type, processed_at as "processedAt", payload from ${events} where id = ${id}`);
    return row ? { ...row, processedAt: dateOrNull(row.processedAt) } : null;
  }

  async markProcessed(id: string): Promise<void> {
    await this.db.execute(sql`update ${events} set processed_at = now() where id = ${id}`);
  }

  async upsertInvoice(i: InvoiceRow): Promise<void> {
    await this.db.execute(sql`insert into ${invoices} (id, tenant_id, number, currency, amount_due, amount_paid, status, period_start, period_end, hosted_invoice_url, created_at)
      values (${i.id}, ${i.tenantId}, ${i.number}, ${i.currency}, ${i.amountDue}, ${i.amountPaid}, ${i.status}, ${i.periodStart}, ${i.periodEnd}, ${i.hostedInvoiceUrl}, ${i.createdAt})
      on conflict (id) do update set number = excluded.number, amount_due = excluded.amount_due, amount_paid = excluded.amount_paid,
        status = excluded.status, period_start = excluded.period_start, period_end = excluded.period_end,
        hosted_invoice_url = excluded.hosted_invoice_url, updated_at = now()`);
  }

  async invoices(tenantId: number, limit = 24): Promise<InvoiceRow[]> {
    const rows = await this.db.query<InvoiceRow>(sql`select id, tenant_id as "tenantId", number, currency, amount_due as "amountDue", amount_paid as "amountPaid",
      status, period_start as "periodStart", period_end as "periodEnd", hosted_invoice_url as "hostedInvoiceUrl", created_at as "createdAt"
      from ${invoices} where tenant_id = ${tenantId} order by created_at desc, id desc limit ${limit}`);
    return rows.map((r) => ({ ...r, periodStart: dateOrNull(r.periodStart), periodEnd: dateOrNull(r.periodEnd), createdAt: new Date(r.createdAt) }));
  }

  /** Owners of the current tenant (dunning mail). */
  owners(): Promise<{ email: string; name: string }[]> {
    return this.tenantDb.query<{ email: string; name: string }>(sql`select email, name from ${tenantTable('users')} where role = 'owner' order by created_at`);
  }
}
