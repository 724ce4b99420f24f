import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { sql, tenantTable } from '../core/database/sql.js';
import { TenantDb } from '../core/tenancy/tenant-db.js';

const links = tenantTable('magic_links');

/** Single-use sign-in links (tenant-0010): only the token's hash is stored. */
@Injectable()
export class MagicLinkRepository {
  constructor(private readonly db: TenantDb) {}

  async insert(userId: string, tokenHash: string, expiresAt: Date): Promise<void> {
    await this.db.execute(sql`insert into ${links} (id, user_id, token_hash, expires_at) values (${randomUUID()}, ${userId}, ${tokenHash}, ${expiresAt})`);
  }

  /** Spends a live link in one statement (two clicks at once: one wins); null when there is none to spend. */
  async consume(tokenHash: string): Promise<string | null> {
    const row = await this.db.one<{ user_id: string }>(sql`update ${links} set used_at = now()
      where token_hash = ${tokenHash} and used_at is null and expires_at > now() returning user_id`);
    return row?.user_id ?? null;
  }

  /** Why a link could not be spent: unknown, used or expired. */
  async state(tokenHash: string): Promise<'unknown' | 'used' | 'expired'> {
    const row = await this.db.one<{ used: boolean }>(sql`select used_at is not null as used from ${links} where token_hash = ${tokenHash}`);
    return !row ? 'unknown' : row.used ? 'used' : 'expired';
  }
}
