import { Inject, Injectable, Logger } from '@nestjs/common';
import { ActivityBus } from '../core/activity/activity.bus.js';
import { APP_CONFIG, type AppConfig } from '../core/config/config.js';
import { MigrationRunner } from '../core/database/migration-runner.js';
import { schemaNameFor } from '../core/database/schema-name.js';
import type { Tenant } from './control.entity.js';
import { TenantsRepository } from './tenants.repository.js';

export const DEFAULT_BRANDING = { primaryColor: '#6d28d9', accentColor: '#db2777', logoUrl: null } as const;

/** Creating a tenant = registry row + schema + the tenant migrations, the same path `db:migrate` uses. */
@Injectable()
export class TenantProvisioner {
  private readonly logger = new Logger('Tenants');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly tenants: TenantsRepository,
    private readonly runner: MigrationRunner,
    private readonly activity: ActivityBus,
  ) {}

  /**
   * `populate` (the owner, the demo data) runs on the migrated schema before the tenant goes
   * active; if it or anything before it fails, the schema and registry row are removed together.
   */
  async provision(input: { slug: string; name: string; branding?: Partial<Tenant['branding']> }, populate?: (tenant: Tenant) => Promise<void>): Promise<Tenant> {
    const trialEndsAt = new Date(Date.now() + this.config.trialDays * 86_400_000);
    const tenant = await this.tenants.insertProvisioning(
      { slug: input.slug, name: input.name, trialEndsAt, branding: { ...DEFAULT_BRANDING, ...input.branding } },
      schemaNameFor,
    );
    try {
      const result = await this.runner.migrateTenant({ id: tenant.id, slug: tenant.slug, schemaName: tenant.schemaName, schemaVersion: 0 });
      tenant.schemaVersion = result.schemaVersion;
      if (populate) await populate(tenant);
      await this.tenants.setStatus(tenant.id, 'active');
      tenant.status = 'active';
      tenant.schemaVersion = result.schemaVersion;
      await this.activity.publish({ type: 'tenant.created', tenantId: tenant.id, tenantSlug: tenant.slug, name: tenant.name, summary: `New workspace ${tenant.name} (${tenant.slug})` });
      return tenant;
    } catch (error) {
      // Leave no half-made workspace behind: the slug becomes free again.
      this.logger.error(`Provisioning ${input.slug} failed; rolling back`, error instanceof Error ? error.stack : String(error));
      await this.tenants.deleteWithSchema(tenant);
      throw error;
    }
  }
}
