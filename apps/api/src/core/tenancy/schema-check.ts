import { Logger } from '@nestjs/common';
import type { Tenant } from '../../control/control.entity.js';
import { schemaNameFor } from '../database/schema-name.js';

const logger = new Logger('TenantSchema');

/**
 * Every SQL statement of a tenant is qualified with its stored `schema_name`. That column must be
 * what the naming function says for the tenant's id: anything else (a hand-edited row, a restore
 * gone wrong) could point one workspace at another's data. Refused, and logged loudly.
 */
export function hasExpectedSchema(tenant: Pick<Tenant, 'id' | 'slug' | 'schemaName'>): boolean {
  const expected = schemaNameFor(tenant.id);
  if (tenant.schemaName === expected) return true;
  logger.error(`REFUSING tenant ${tenant.id} (${tenant.slug}): stored schema_name "${tenant.schemaName}" is not "${expected}". Fix control.tenants before serving it.`);
  return false;
}
