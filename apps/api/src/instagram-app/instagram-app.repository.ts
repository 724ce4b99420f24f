import { Injectable } from '@nestjs/common';
import { sql, tenantTable } from '../core/database/sql.js';
import { TenantDb } from '../core/tenancy/tenant-db.js';

const accounts = tenantTable('instagram_accounts');

/** What the settings page says about the accounts an app connected (the app row itself: core/instagram). */
@Injectable()
export class InstagramAppRepository {
  constructor(private readonly db: TenantDb) {}

  async countConnectedThrough(appId: string): Promise<number> {
    const row = await this.db.one<{ n: number }>(sql`select count(*)::int as n from ${accounts}
      where kind = 'instagram' and status <> 'disconnected' and ig_app_id = ${appId}`);
    return row?.n ?? 0;
  }
}
