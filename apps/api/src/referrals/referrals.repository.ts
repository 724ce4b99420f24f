import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { ControlDb } from '../core/database/control-db.js';
import { controlTable, sql, tenantTable } from '../core/database/sql.js';
import { TenantDb } from '../core/tenancy/tenant-db.js';
import type { CommissionRow } from './referrals.entity.js';

const codes = controlTable('referral_codes');
const referrals = controlTable('referrals');
const commissions = controlTable('referral_commissions');
const tenants = controlTable('tenants');

const COMMISSION_COLUMNS = sql`c.id, c.referrer_tenant_id as "referrerTenantId", c.referred_tenant_id as "referredTenantId", c.invoice_id as "invoiceId",
  c.currency, c.amount, c.status, c.payable_at as "payableAt", c.paid_at as "paidAt", c.created_at as "createdAt"`;
const toCommission = (r: CommissionRow): CommissionRow => ({ ...r, payableAt: new Date(r.payableAt), paidAt: r.paidAt ? new Date(r.paidAt) : null, createdAt: new Date(r.createdAt) });

/** Referral codes, attributions and commissions (control), and owner e-mails (tenant). */
@Injectable()
export class ReferralsRepository {
  constructor(
    private readonly db: ControlDb,
    private readonly tenantDb: TenantDb,
  ) {}

  async codeOf(tenantId: number): Promise<{ code: string; clicks: number } | null> {
    return this.db.one(sql`select code, clicks from ${codes} where tenant_id = ${tenantId}`);
  }

  /** Inserts `code` unless the workspace has one; answers the workspace's code either way. */
  async ensureCode(tenantId: number, code: string): Promise<{ code: string; clicks: number }> {
    await this.db.execute(sql`insert into ${codes} (tenant_id, code) values (${tenantId}, ${code}) on conflict do nothing`);
    return (await this.codeOf(tenantId))!;
  }

  async tenantByCode(code: string): Promise<number | null> {
    return (await this.db.one<{ tenantId: number }>(sql`select tenant_id as "tenantId" from ${codes} where code = ${code}`))?.tenantId ?? null;
  }

  async countClick(code: string): Promise<boolean> {
    return (await this.db.execute(sql`update ${codes} set clicks = clicks + 1 where code = ${code}`)) === 1;
  }

  async attribute(referredTenantId: number, referrerTenantId: number): Promise<void> {
    await this.db.execute(sql`insert into ${referrals} (referred_tenant_id, referrer_tenant_id) values (${referredTenantId}, ${referrerTenantId}) on conflict do nothing`);
  }

  async referrerOf(referredTenantId: number): Promise<number | null> {
    return (await this.db.one<{ id: number }>(sql`select referrer_tenant_id as id from ${referrals} where referred_tenant_id = ${referredTenantId}`))?.id ?? null;
  }

  /** One commission per invoice, whatever the number of deliveries. */
  async insertCommission(c: { referrerTenantId: number; referredTenantId: number; invoiceId: string; currency: string; amount: number; payableAt: Date }): Promise<boolean> {
    return (await this.db.execute(sql`insert into ${commissions} (id, referrer_tenant_id, referred_tenant_id, invoice_id, currency, amount, status, payable_at)
      values (${randomUUID()}, ${c.referrerTenantId}, ${c.referredTenantId}, ${c.invoiceId}, ${c.currency}, ${c.amount}, 'pending', ${c.payableAt})
      on conflict (invoice_id) do nothing`)) === 1;
  }

  async reverse(invoiceId: string): Promise<number> {
    return this.db.execute(sql`update ${commissions} set status = 'reversed' where invoice_id = ${invoiceId} and status in ('pending', 'payable')`);
  }

  /** Pending commissions whose hold ended become payable (done on read: no schedule to miss). */
  async promoteDue(now: Date): Promise<void> {
    await this.db.execute(sql`update ${commissions} set status = 'payable' where status = 'pending' and payable_at <= ${now}`);
  }

  async stats(referrerTenantId: number): Promise<{ signups: number; conversions: number }> {
    return (await this.db.one<{ signups: number; conversions: number }>(sql`select
      (select count(*)::int from ${referrals} where referrer_tenant_id = ${referrerTenantId}) as signups,
      (select count(distinct referred_tenant_id)::int from ${commissions} where referrer_tenant_id = ${referrerTenantId} and status <> 'reversed') as conversions`))!;
  }

  async commissionsOf(referrerTenantId: number): Promise<CommissionRow[]> {
    return (await this.db.query<CommissionRow>(sql`select ${COMMISSION_COLUMNS}, t.slug as "referredSlug" from ${commissions} c
      join ${tenants} t on t.id = c.referred_tenant_id where c.referrer_tenant_id = ${referrerTenantId} order by c.created_at desc limit 200`)).map(toCommission);
  }

  async allCommissions(status: string | undefined): Promise<CommissionRow[]> {
    const where = status ? sql`where c.status = ${status}` : sql``;
    return (await this.db.query<CommissionRow>(sql`select ${COMMISSION_COLUMNS}, r.slug as "referrerSlug", t.slug as "referredSlug" from ${commissions} c
      join ${tenants} r on r.id = c.referrer_tenant_id join ${tenants} t on t.id = c.referred_tenant_id ${where} order by c.created_at desc limit 500`)).map(toCommission);
  }

  async markPaid(id: string): Promise<CommissionRow | null> {
    const row = await this.db.one<CommissionRow>(sql`update ${commissions} c set status = 'paid', paid_at = now() where c.id = ${id} and c.status = 'payable' returning ${COMMISSION_COLUMNS}`);
    return row ? toCommission(row) : null;
  }

  async commission(id: string): Promise<CommissionRow | null> {
    const row = await this.db.one<CommissionRow>(sql`select ${COMMISSION_COLUMNS} from ${commissions} c where c.id = ${id}`);
    return row ? toCommission(row) : null;
  }

  /** Owner e-mails of the current tenant (self-referral check). */
  async ownerEmails(): Promise<string[]> {
    return (await this.tenantDb.query<{ email: string }>(sql`select email from ${tenantTable('users')} where role = 'owner'`)).map((r) => r.email.toLowerCase());
  }
}
