import { Injectable } from '@nestjs/common';
import { controlTable, sql } from '../core/database/sql.js';
import { TenantDb } from '../core/tenancy/tenant-db.js';

const states = controlTable('oauth_states');

/** OAuth state nonces in control: the callback arrives on the root host, outside any workspace. */
@Injectable()
export class InstagramConnectRepository {
  constructor(private readonly db: TenantDb) {}

  async saveState(input: { nonce: string; tenantId: number; userId: string; accountId: string | null; expiresAt: Date }): Promise<void> {
    await this.db.control.execute(sql`insert into ${states} (nonce, tenant_id, user_id, account_id, expires_at)
      values (${input.nonce}, ${input.tenantId}, ${input.userId}, ${input.accountId}, ${input.expiresAt})`);
  }

  /** Marks the nonce used, atomically: a state works once and only before it expires. */
  async consumeState(nonce: string): Promise<{ tenantId: number; userId: string; accountId: string | null } | null> {
    return this.db.control.one<{ tenantId: number; userId: string; accountId: string | null }>(
      sql`update ${states} set used_at = now() where nonce = ${nonce} and used_at is null and expires_at > now()
        returning tenant_id as "tenantId", user_id as "userId", account_id as "accountId"`,
    );
  }

  async purgeExpired(): Promise<void> {
    await this.db.control.execute(sql`delete from ${states} where expires_at < now() - interval '1 day'`);
  }
}
