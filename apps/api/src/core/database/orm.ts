import { MikroORM, type EntityManager } from '@mikro-orm/postgresql';
import { CONTROL_ENTITIES } from '../../control/control.entity.js';
import { releaseClientsThatDie } from './pool-guard.js';
import { TENANT_ENTITIES } from './tenant-entities.js';

export interface OrmOptions {
  url: string;
  poolSize: number;
  /** pg-pool's connectionTimeoutMillis: waiting for a free or a new connection fails after this. */
  connectTimeoutMs?: number;
  debug?: boolean;
}

/**
 * One MikroORM instance and one pool per database cluster. SQL is schema-qualified (entities say
 * `control` or `*`, and tenant work forks the EntityManager with `{ schema }`), so pooled
 * connections never carry per-tenant state.
 */
export async function createOrm(options: OrmOptions): Promise<MikroORM> {
  return MikroORM.init({
    clientUrl: options.url,
    entities: [...CONTROL_ENTITIES, ...TENANT_ENTITIES],
    pool: { min: 0, max: options.poolSize },
    // Fail fast while the database is unreachable: the request answers 503 database_unavailable instead of hanging.
    driverOptions: { ...(options.connectTimeoutMs ? { connectionTimeoutMillis: options.connectTimeoutMs } : {}), onPoolCreated: releaseClientsThatDie },
    debug: options.debug ?? false,
    allowGlobalContext: false,
    // We never diff the live database: migrations are explicit (see migration-runner.ts).
    schemaGenerator: { disableForeignKeys: false },
    discovery: { warnWhenNoEntities: false },
  });
}

export type Em = EntityManager;
