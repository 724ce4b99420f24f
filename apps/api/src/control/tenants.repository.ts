import { quoteSchema } from '../core/database/schema-name.js';
import { Inject, Injectable } from '@nestjs/common';
import { MikroORM, type EntityManager } from '@mikro-orm/postgresql';
import { CacheBus } from '../core/tenancy/cache-bus.js';
import { PLAN_INPUTS_TOPIC } from '../limits/plan-inputs-cache.js';
import { DomainEntity, TenantEntity, type Tenant } from './control.entity.js';

/** The only place that reads and writes the tenant registry. */
@Injectable()
export class TenantsRepository {
  constructor(
    @Inject(MikroORM) private readonly orm: MikroORM,
    private readonly bus: CacheBus,
  ) {}

  private em() {
    return this.orm.em.fork();
  }

  findBySlug(slug: string): Promise<Tenant | null> {
    return this.em().findOne(TenantEntity, { slug });
  }

  findById(id: number): Promise<Tenant | null> {
    return this.em().findOne(TenantEntity, { id });
  }

  async findByVerifiedDomain(hostname: string): Promise<Tenant | null> {
    const em = this.em();
    const domain = await em.findOne(DomainEntity, { hostname, verifiedAt: { $ne: null } });
    return domain ? em.findOne(TenantEntity, { id: domain.tenantId }) : null;
  }

  list(): Promise<Tenant[]> {
    return this.em().find(TenantEntity, {}, { orderBy: { id: 'asc' } });
  }

  /**
   * Owner e-mail and member/account counts of each tenant, in one round trip (a union over the
   * tenant schemas; indexed counts, fine for the console's few hundred rows).
   */
  async usage(tenants: Pick<Tenant, 'id' | 'schemaName' | 'status'>[]): Promise<Map<number, { ownerEmail: string | null; users: number; accounts: number }>> {
    const live = tenants.filter((t) => t.status !== 'provisioning');
    const result = new Map<number, { ownerEmail: string | null; users: number; accounts: number }>();
    if (!live.length) return result;
    const sql = live
      .map((t) => {
        const s = quoteSchema(t.schemaName);
        return `select ${Number(t.id)} as id,
          (select email from ${s}.users where role = 'owner' order by created_at limit 1) as owner_email,
          (select count(*) from ${s}.users)::int as users,
          (select count(*) from ${s}.instagram_accounts where status <> 'disconnected')::int as accounts`;
      })
      .join(' union all ');
    const rows = await this.em().execute<{ id: number; owner_email: string | null; users: number; accounts: number }[]>(sql);
    for (const r of rows) result.set(Number(r.id), { ownerEmail: r.owner_email, users: Number(r.users), accounts: Number(r.accounts) });
    return result;
  }

  /** Inserts the registry row; the schema name derives from the generated id, so it is set in the same transaction. */
  async insertProvisioning(input: { slug: string; name: string; trialEndsAt: Date | null; branding: Tenant['branding'] }, schemaNameFor: (id: number) => string): Promise<Tenant> {
    return this.em().transactional(async (tx) => {
      const rows = await tx.execute<{ id: number }[]>(
        `insert into control.tenants (slug, name, schema_name, status, trial_ends_at, branding)
         values (?, ?, 'pending_' || gen_random_uuid()::text, 'provisioning', ?, ?::jsonb) returning id`,
        [input.slug, input.name, input.trialEndsAt, JSON.stringify(input.branding)],
      );
      const id = rows[0].id;
      await tx.execute('update control.tenants set schema_name = ? where id = ?', [schemaNameFor(id), id]);
      return (await tx.findOneOrFail(TenantEntity, { id }, { refresh: true }));
    });
  }

  async setStatus(id: number, status: Tenant['status'], tx?: EntityManager): Promise<void> {
    await (tx ?? this.em()).nativeUpdate(TenantEntity, { id }, { status, updatedAt: new Date() });
  }

  /** One control-schema transaction for a multi-step write (repositories take its `em`). */
  transaction<T>(fn: (em: EntityManager) => Promise<T>): Promise<T> {
    return this.em().transactional((tx) => fn(tx as EntityManager));
  }

  /** The workspace's IANA time zone (accounts without their own use it). */
  async setTimeZone(id: number, timeZone: string): Promise<void> {
    await this.em().getConnection().execute('update control.tenants set time_zone = ?, updated_at = now() where id = ?', [timeZone, id]);
  }

  async setName(id: number, name: string): Promise<void> {
    await this.em().getConnection().execute('update control.tenants set name = ?, updated_at = now() where id = ?', [name, id]);
  }

  async setPlanCode(id: number, planCode: string): Promise<void> {
    await this.em().getConnection().execute('update control.tenants set plan_code = ?, updated_at = now() where id = ?', [planCode, id]);
    await this.bus.publish(PLAN_INPUTS_TOPIC, String(id));
  }

  async delete(id: number): Promise<void> {
    await this.em().nativeDelete(TenantEntity, { id });
  }

  /** Undoes a failed provisioning: the schema and the registry row go together, so the slug is free. */
  async deleteWithSchema(tenant: { id: number; schemaName: string }): Promise<void> {
    await this.em().transactional(async (tx) => {
      await tx.execute(`drop schema if exists ${quoteSchema(tenant.schemaName)} cascade`);
      await tx.execute('delete from control.tenants where id = ?', [tenant.id]);
    });
  }
}
