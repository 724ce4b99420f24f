import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/postgresql';
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

/** control.domains: the registry the host resolver routes custom domains by. */
@Injectable()
export class DomainsRepository {
  constructor(@Inject(MikroORM) private readonly orm: MikroORM) {}

  private async rows(query: string, params: unknown[]): Promise<DomainRow[]> {
    return (await this.orm.em.fork().execute<Raw[]>(query, params)).map(toRow);
  }

  list(tenantId: number): Promise<DomainRow[]> {
    return this.rows('select * from control.domains where tenant_id = ? order by created_at, hostname', [tenantId]);
  }

  listAll(): Promise<DomainRow[]> {
    return this.rows('select * from control.domains order by id', []);
  }

  async find(tenantId: number, id: string): Promise<DomainRow | null> {
    return (await this.rows('select * from control.domains where tenant_id = ? and id = ?', [tenantId, id]))[0] ?? null;
  }

  async findByHostname(hostname: string): Promise<DomainRow | null> {
    return (await this.rows('select * from control.domains where hostname = ?', [hostname]))[0] ?? null;
  }

  /** Null when the hostname is already claimed (unique index). */
  async insert(tenantId: number, hostname: string, token: string): Promise<DomainRow | null> {
    const rows = await this.rows(
      'insert into control.domains (id, tenant_id, hostname, verification_token) values (?, ?, ?, ?) on conflict (hostname) do nothing returning *',
      [randomUUID(), tenantId, hostname, token],
    );
    return rows[0] ?? null;
  }

  /** Records a check; `verified` keeps the first verification time, `false` stops routing. */
  async recordCheck(id: string, verified: boolean, error: string | null): Promise<DomainRow | null> {
    const rows = await this.rows(
      `update control.domains set last_checked_at = now(), last_error = ?,
         verified_at = case when ? then coalesce(verified_at, now()) else null end
       where id = ? returning *`,
      [error, verified, id],
    );
    return rows[0] ?? null;
  }

  async delete(tenantId: number, id: string): Promise<boolean> {
    const rows = await this.orm.em.fork().execute<{ id: string }[]>('delete from control.domains where tenant_id = ? and id = ? returning id', [tenantId, id]);
    return rows.length > 0;
  }

  async isActiveVerified(hostname: string): Promise<boolean> {
    const rows = await this.orm.em
      .fork()
      .execute<{ ok: number }[]>(`select 1 as ok from control.domains d join control.tenants t on t.id = d.tenant_id where d.hostname = ? and d.verified_at is not null and t.status = 'active'`, [hostname]);
    return rows.length > 0;
  }
}
