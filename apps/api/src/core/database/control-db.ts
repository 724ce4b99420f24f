import { AsyncLocalStorage } from 'node:async_hooks';
import { Inject, Injectable } from '@nestjs/common';
import { MikroORM, type EntityManager } from '@mikro-orm/postgresql';
import { CompiledQuery } from 'kysely';
import { openUnitOfWorkEm } from '../tenancy/tenant-db.js';
import type { SqlQuery } from './sql.js';

const openTx = new AsyncLocalStorage<EntityManager>();

/**
 * The control schema's data path outside a tenant (webhooks, the super-admin, the job that applies
 * a Stripe event): the same `sql` template with `controlTable(…)`, and a transaction that nested
 * calls join. Inside an open tenant unit of work every statement joins that transaction instead of
 * taking a second connection (PGlite has one session; PostgreSQL would split the transaction).
 */
@Injectable()
export class ControlDb {
  constructor(@Inject(MikroORM) private readonly orm: MikroORM) {}

  async query<T>(query: SqlQuery): Promise<T[]> {
    const { text, values } = query.compile(null);
    const em = this.current() ?? this.orm.em;
    const result = await em.getKysely().executeQuery(CompiledQuery.raw(text, values));
    return result.rows as T[];
  }

  async one<T>(query: SqlQuery): Promise<T | null> {
    return (await this.query<T>(query))[0] ?? null;
  }

  async execute(query: SqlQuery): Promise<number> {
    const { text, values } = query.compile(null);
    const em = this.current() ?? this.orm.em;
    const result = await em.getKysely().executeQuery(CompiledQuery.raw(text, values));
    return Number(result.numAffectedRows ?? 0n);
  }

  private current(): EntityManager | undefined {
    return openTx.getStore() ?? openUnitOfWorkEm();
  }

  async transaction<T>(fn: () => Promise<T>): Promise<T> {
    if (this.current()) return fn();
    return this.orm.em.fork().transactional((em) => openTx.run(em, fn));
  }
}
