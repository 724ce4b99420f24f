import { Injectable } from '@nestjs/common';
import { controlTable, sql } from '../core/database/sql.js';
import { TenantDb } from '../core/tenancy/tenant-db.js';

const index = controlTable('instagram_account_index');

/** control.instagram_account_index: Instagram account id → (workspace, account), for webhooks and the console. */
@Injectable()
export class AccountsIndexRepository {
  constructor(private readonly db: TenantDb) {}

  /** `appId`: the Instagram app the account was connected through (null = the platform's); omitted = unchanged. */
  async upsert(entry: { igUserId: string; tenantId: number; accountId: string; username: string; status: string; appId?: string | null }): Promise<void> {
    const setApp = entry.appId !== undefined;
    await this.db.control.execute(sql`insert into ${index} (ig_user_id, tenant_id, account_id, username, status, app_id)
      values (${entry.igUserId}, ${entry.tenantId}, ${entry.accountId}, ${entry.username}, ${entry.status}, ${entry.appId ?? null})
      on conflict (ig_user_id, tenant_id, account_id) do update set username = excluded.username, status = excluded.status,
        app_id = case when ${setApp}::boolean then excluded.app_id else ${index}.app_id end, updated_at = now()`);
  }

  async remove(igUserId: string, tenantId: number, accountId: string): Promise<void> {
    await this.db.control.execute(sql`delete from ${index} where ig_user_id = ${igUserId} and tenant_id = ${tenantId} and account_id = ${accountId}`);
  }

  /**
   * Every workspace an Instagram account is connected in through one app (webhooks fan out to
   * each): `appId` null = the platform's app; else a workspace's own app, and only in `tenantIds`
   * (the workspaces whose stored secret verified the delivery).
   */
  findByIgUserId(igUserId: string, via: { appId: string | null; tenantIds?: number[] } = { appId: null }): Promise<{ tenant_id: number; account_id: string }[]> {
    if (via.appId === null) return this.db.control.query(sql`select tenant_id, account_id from ${index} where ig_user_id = ${igUserId} and app_id is null`);
    return this.db.control.query(sql`select tenant_id, account_id from ${index}
      where ig_user_id = ${igUserId} and app_id = ${via.appId} and tenant_id = any(${via.tenantIds ?? []}::int[])`);
  }
}
