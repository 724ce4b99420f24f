import { Inject, Injectable } from '@nestjs/common';
import { MikroORM, type EntityManager } from '@mikro-orm/postgresql';
import type { Tenant } from '../../control/control.entity.js';
import { AsyncScope } from './async-scope.js';
import { hasExpectedSchema } from './schema-check.js';

export interface TenantScope {
  tenant: Tenant;
  /** Forked on first use: many requests (auth checks, /me) never need a unit of work. */
  em?: EntityManager;
}

const KEY = 'tenantScope';

/**
 * The current tenant, held in AsyncLocalStorage. Reading it outside a tenant scope throws: there
 * is no default tenant to fall back on by accident.
 */
@Injectable()
export class TenantContext {
  constructor(
    private readonly cls: AsyncScope,
    @Inject(MikroORM) private readonly orm: MikroORM,
  ) {}

  get tenant(): Tenant {
    return this.scope().tenant;
  }

  /** An EntityManager forked for this tenant's schema (one per request or job). */
  get em(): EntityManager {
    const scope = this.scope();
    scope.em ??= this.orm.em.fork({ schema: scope.tenant.schemaName });
    return scope.em;
  }

  get active(): boolean {
    return Boolean(this.cls.isActive() && this.cls.get(KEY));
  }

  /** Enter a tenant inside an already active CLS context (HTTP requests). */
  enter(tenant: Tenant): void {
    this.cls.set(KEY, { tenant } satisfies TenantScope);
  }

  /** Run `fn` inside a fresh context for `tenant` (jobs, schedules, OAuth callbacks, seeding). */
  run<T>(tenant: Tenant, fn: () => Promise<T>): Promise<T> {
    if (!hasExpectedSchema(tenant)) return Promise.reject(new Error(`Tenant ${tenant.id} has an unexpected schema_name; refusing to run in it.`));
    return this.cls.run(async () => {
      this.enter(tenant);
      return fn();
    });
  }

  private scope(): TenantScope {
    const scope = this.cls.isActive() ? this.cls.get<TenantScope | undefined>(KEY) : undefined;
    if (!scope) throw new Error('No tenant context: this code must run inside a workspace request or a job that carries tenantId.');
    return scope;
  }
}
