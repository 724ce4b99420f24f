import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { sql, tenantTable } from '../core/database/sql.js';
import { TenantDb } from '../core/tenancy/tenant-db.js';
import type { CreditLedgerRow, CreditWalletRow, NewCreditEntry } from './credits.entity.js';

const wallet = tenantTable('credit_wallet');
const ledger = tenantTable('credit_ledger');

const ENTRY_COLUMNS = sql`id, kind, bucket, amount, feature, reason, reference_id as "referenceId", source_key as "sourceKey",
  actor_id as "actorId", balance_after as "balanceAfter", created_at as "createdAt"`;

/** pg hands timestamps to MikroORM's driver as strings; the ledger speaks Dates. */
const toEntry = (row: CreditLedgerRow): CreditLedgerRow => ({ ...row, createdAt: new Date(row.createdAt) });

/** The credits ledger and its wallet row, in the current tenant's schema. */
@Injectable()
export class CreditsRepository {
  constructor(private readonly db: TenantDb) {}

  unitOfWork<T>(fn: () => Promise<T>): Promise<T> {
    return this.db.unitOfWork(fn);
  }

  /** Locks the wallet row for the rest of the unit of work: every ledger change serialises here. */
  async lockWallet(): Promise<CreditWalletRow> {
    const row = await this.db.one<CreditWalletRow>(sql`select period_balance as "periodBalance", pack_balance as "packBalance",
      period_key as "periodKey", period_allowance as "periodAllowance" from ${wallet} where id = 1 for update`);
    if (!row) throw new Error('credit_wallet row is missing (tenant migration 0004 not applied?)');
    return row;
  }

  async readWallet(): Promise<CreditWalletRow> {
    const row = await this.db.one<CreditWalletRow>(sql`select period_balance as "periodBalance", pack_balance as "packBalance",
      period_key as "periodKey", period_allowance as "periodAllowance" from ${wallet} where id = 1`);
    return row ?? { periodBalance: 0, packBalance: 0, periodKey: null, periodAllowance: 0 };
  }

  async writeWallet(next: CreditWalletRow): Promise<void> {
    await this.db.execute(sql`update ${wallet} set period_balance = ${next.periodBalance}, pack_balance = ${next.packBalance},
      period_key = ${next.periodKey}, period_allowance = ${next.periodAllowance}, updated_at = now() where id = 1`);
  }

  async append(entry: NewCreditEntry, balanceAfter: number): Promise<CreditLedgerRow> {
    const rows = await this.db.query<CreditLedgerRow>(sql`insert into ${ledger}
      (id, kind, bucket, amount, feature, reason, reference_id, source_key, actor_id, balance_after)
      values (${randomUUID()}, ${entry.kind}, ${entry.bucket}, ${entry.amount}, ${entry.feature}, ${entry.reason},
        ${entry.referenceId}, ${entry.sourceKey}, ${entry.actorId}, ${balanceAfter})
      returning ${ENTRY_COLUMNS}`);
    return toEntry(rows[0]);
  }

  async hasSourceKey(sourceKey: string): Promise<boolean> {
    return (await this.db.one(sql`select 1 from ${ledger} where source_key = ${sourceKey}`)) !== null;
  }

  /** Debit entries of a reference that have not been refunded yet. */
  async unrefundedDebits(referenceId: string): Promise<CreditLedgerRow[]> {
    return (await this.db.query<CreditLedgerRow>(sql`select ${ENTRY_COLUMNS} from ${ledger} d
      where d.reference_id = ${referenceId} and d.kind = 'debit'
        and not exists (select 1 from ${ledger} r where r.source_key = 'refund:' || d.id::text)
      order by d.created_at`)).map(toEntry);
  }

  /** Newest first; `before` is the id of the last entry of the previous page. */
  async page(limit: number, before?: string): Promise<CreditLedgerRow[]> {
    const after = before
      ? sql`where (created_at, id) < (select created_at, id from ${ledger} where id = ${before})`
      : sql``;
    return (await this.db.query<CreditLedgerRow>(sql`select ${ENTRY_COLUMNS} from ${ledger} ${after} order by created_at desc, id desc limit ${limit}`)).map(toEntry);
  }

  /** Sum of period debits net of their refunds since the period began (for "used this period"). */
  async periodUsed(periodKey: string): Promise<number> {
    const row = await this.db.one<{ used: number }>(sql`select coalesce(-sum(amount), 0)::int as used from ${ledger}
      where kind in ('debit', 'refund') and created_at >= coalesce(
        (select max(created_at) from ${ledger} where source_key = ${`grant:${periodKey}`}), '-infinity'::timestamptz)`);
    return row?.used ?? 0;
  }

  async ledgerSum(): Promise<number> {
    const row = await this.db.one<{ sum: number }>(sql`select coalesce(sum(amount), 0)::int as sum from ${ledger}`);
    return row?.sum ?? 0;
  }
}
