import { Injectable } from '@nestjs/common';
import { controlTable, sql } from '../core/database/sql.js';
import { TenantDb } from '../core/tenancy/tenant-db.js';

const index = controlTable('instagram_account_index');

/** control.instagram_account_index: Instagram account id → (workspace, account), for webhooks and the console. */
@Injectable()
export class AccountsIndexRepository {
  constructor(private readonly db: TenantDb) {}

  async upsert(entry: { igUserId: string; tenantId: number; accountId: string; username: string; status: string }): Promise<void> {
    await this.db.control.execute(sql`insert into ${index} (ig_user_id, tenant_id, account_id, username, status)
      values (${entry.igUserId}, ${entry.tenantId}, ${entry.accountId}, ${entry.username}, ${entry.status})
      on conflict (ig_user_id, tenant_id, account_id) do update set username = excluded.username, status = excluded.status, updated_at = now()`);
  }

  async remove(igUserId: string, tenantId: number, accountId: string): Promise<void> {
    await this.db.control.execute(sql`delete from ${index} where ig_user_id = ${igUserId} and tenant_id = ${tenantId} and account_id = ${accountId}`);
  }

  /** Every workspace an Instagram account is connected in (webhooks fan out to each). */
  findByIgUserId(igUserId: string): Promise<{ tenant_id: number; account_id: string }[]> {
    return this.db.control.query(sql`select tenant_id, account_id from ${index} where ig_user_id = ${igUserId}`);
  }
}
