import { Inject, Injectable } from '@nestjs/common';
import { MikroORM, type EntityManager } from '@mikro-orm/postgresql';
import { ControlDb } from '../core/database/control-db.js';
import { quoteSchema } from '../core/database/schema-name.js';
import { controlTable, joinSql, rawSql, sql } from '../core/database/sql.js';
import { CacheBus } from '../core/tenancy/cache-bus.js';
import { PLAN_INPUTS_TOPIC } from '../limits/plan-inputs-cache.js';
import { DomainEntity, TenantEntity, type Tenant } from './control.entity.js';

const tenants = controlTable('tenants');

/** The only place that reads and writes the tenant registry. */
@Injectable()
export class TenantsRepository {
  constructor(
    @Inject(MikroORM) private readonly orm: MikroORM,
    private readonly db: ControlDb,
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
    // Schema names come from the registry, quoted by quoteSchema (only the generated t_<base36> form passes).
    const branches = live.map((t) => {
      const schema = quoteSchema(t.schemaName);
      return sql`select ${rawSql(`${Number(t.id)}::int`)} as id,
          (select email from ${rawSql(schema)}.users where role = 'owner' order by created_at limit 1) as owner_email,
          (select count(*) from ${rawSql(schema)}.users)::int as users,
          (select count(*) from ${rawSql(schema)}.instagram_accounts where status <> 'disconnected')::int as accounts`;
    });
    const rows = await this.db.query<{ id: number; owner_email: string | null; users: number; accounts: number }>(joinSql(branches, ' union all '));
    for (const r of rows) result.set(Number(r.id), { ownerEmail: r.owner_email, users: Number(r.users), accounts: Number(r.accounts) });
    return result;
  }

  /** Inserts the registry row; the schema name derives from the generated id, so it is set in the same transaction. */
  async insertProvisioning(input: { slug: string; name: string; trialEndsAt: Date | null; branding: Tenant['branding'] }, schemaNameFor: (id: number) => string): Promise<Tenant> {
    const id = await this.db.transaction(async () => {
      const row = await this.db.one<{ id: number }>(
        sql`insert into ${tenants} (slug, name, schema_name, status, trial_ends_at, branding)
            values (${input.slug}, ${input.name}, 'pending_' || gen_random_uuid()::text, 'provisioning', ${input.trialEndsAt}, ${JSON.stringify(input.branding)}::jsonb)
            returning id`,
      );
      const tenantId = Number(row!.id);
      await this.db.execute(sql`update ${tenants} set schema_name = ${schemaNameFor(tenantId)} where id = ${tenantId}`);
      return tenantId;
    });
    const tenant = await this.findById(id);
    if (!tenant) throw new Error(`tenant ${id} vanished right after it was inserted`);
    return tenant;
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
    await this.db.execute(sql`update ${tenants} set time_zone = ${timeZone}, updated_at = now() where id = ${id}`);
  }

  async setName(id: number, name: string): Promise<void> {
    await this.db.execute(sql`update ${tenants} set name = ${name}, updated_at = now() where id = ${id}`);
  }

  async setPlanCode(id: number, planCode: string): Promise<void> {
    await this.db.execute(sql`update ${tenants} set plan_code = ${planCode}, updated_at = now() where id = ${id}`);
    // Cached plan inputs drop once the change is visible (after the open transaction commits, if any).
    await this.db.afterCommit(() => this.bus.publish(PLAN_INPUTS_TOPIC, String(id)));
  }

  async delete(id: number): Promise<void> {
    await this.em().nativeDelete(TenantEntity, { id });
  }

  /** Undoes a failed provisioning: the schema and the registry row go together, so the slug is free. */
  async deleteWithSchema(tenant: { id: number; schemaName: string }): Promise<void> {
    await this.db.transaction(async () => {
      await this.db.execute(sql`drop schema if exists ${rawSql(quoteSchema(tenant.schemaName))} cascade`);
      await this.db.execute(sql`delete from ${tenants} where id = ${tenant.id}`);
    });
  }
}
