import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { ControlDb } from '../core/database/control-db.js';
import { controlTable, sql, type SqlQuery } from '../core/database/sql.js';
import type { DomainRow } from './domains.entity.js';

interface Raw {
  id: string;
  tenant_id: number;
  hostname: string;
  verification_token: string;
  verified_at: string | Date | null;
  last_checked_at: string | Date | null;
  last_error: string | null;
  created_at: string | Date;
}
const date = (v: string | Date | null) => (v === null ? null : new Date(v));
const toRow = (r: Raw): DomainRow => ({
  id: r.id,
  tenantId: r.tenant_id,
  hostname: r.hostname,
  verificationToken: r.verification_token,
  verifiedAt: date(r.verified_at),
  lastCheckedAt: date(r.last_checked_at),
  lastError: r.last_error,
  createdAt: new Date(r.created_at),
});

const domains = controlTable('domains');

/** control.domains: the registry the host resolver routes custom domains by. */
@Injectable()
export class DomainsRepository {
  constructor(private readonly db: ControlDb) {}

  private async rows(query: SqlQuery): Promise<DomainRow[]> {
    return (await this.db.query<Raw>(query)).map(toRow);
  }

  list(tenantId: number): Promise<DomainRow[]> {
    return this.rows(sql`select * from ${domains} where tenant_id = ${tenantId} order by created_at, hostname`);
  }

  listAll(): Promise<DomainRow[]> {
    return this.rows(sql`select * from ${domains} order by id`);
  }

  async find(tenantId: number, id: string): Promise<DomainRow | null> {
    return (await this.rows(sql`select * from ${domains} where tenant_id = ${tenantId} and id = ${id}`))[0] ?? null;
  }

  async findByHostname(hostname: string): Promise<DomainRow | null> {
    return (await this.rows(sql`select * from ${domains} where hostname = ${hostname}`))[0] ?? null;
  }

  /** Null when the hostname is already claimed (unique index). */
  async insert(tenantId: number, hostname: string, token: string): Promise<DomainRow | null> {
    const rows = await this.rows(
      sql`insert into ${domains} (id, tenant_id, hostname, verification_token) values (${randomUUID()}, ${tenantId}, ${hostname}, ${token})
          on conflict (hostname) do nothing returning *`,
    );
    return rows[0] ?? null;
  }

  /** Records a check; `verified` keeps the first verification time, `false` stops routing. */
  async recordCheck(id: string, verified: boolean, error: string | null): Promise<DomainRow | null> {
    const rows = await this.rows(
      sql`update ${domains} set last_checked_at = now(), last_error = ${error},
            verified_at = case when ${verified}::boolean then coalesce(verified_at, now()) else null end
          where id = ${id} returning *`,
    );
    return rows[0] ?? null;
  }

  async delete(tenantId: number, id: string): Promise<boolean> {
    return (await this.db.execute(sql`delete from ${domains} where tenant_id = ${tenantId} and id = ${id}`)) > 0;
  }

  async isActiveVerified(hostname: string): Promise<boolean> {
    const row = await this.db.one(
      sql`select 1 as ok from ${domains} d join ${controlTable('tenants')} t on t.id = d.tenant_id
          where d.hostname = ${hostname} and d.verified_at is not null and t.status = 'active'`,
    );
    return row !== null;
  }
}
