import { Inject, Injectable } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/postgresql';
import { DomainEntity, TenantEntity, type Tenant } from './control.entity.js';

/** The only place that reads and writes the tenant registry. */
@Injectable()
export class TenantsRepository {
  constructor(@Inject(MikroORM) private readonly orm: MikroORM) {}

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

  async setStatus(id: number, status: Tenant['status']): Promise<void> {
    await this.em().nativeUpdate(TenantEntity, { id }, { status, updatedAt: new Date() });
  }

  /** The workspace's IANA time zone (accounts without their own use it). */
  async setTimeZone(id: number, timeZone: string): Promise<void> {
    await this.em().getConnection().execute('update control.tenants set time_zone = ?, updated_at = now() where id = ?', [timeZone, id]);
  }

  async delete(id: number): Promise<void> {
    await this.em().nativeDelete(TenantEntity, { id });
  }
}
