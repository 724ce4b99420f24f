import { Inject, Injectable } from '@nestjs/common';
import { MikroORM, type EntityManager } from '@mikro-orm/postgresql';
import { CompiledQuery } from 'kysely';
import { afterCommit, openTransaction, runInTransaction } from './open-transaction.js';
import type { SqlQuery } from './sql.js';

/**
 * The control schema's one data path, inside a workspace request or outside one (webhooks, the
 * super-admin, jobs): the `sql` template with `controlTable(…)` only (a tenant table throws), and a
 * transaction that nested calls join. Inside an open tenant unit of work every statement joins
 * that transaction instead of taking a second connection. (`TenantDb.control` is this object.)
 */
@Injectable()
export class ControlDb {
  constructor(@Inject(MikroORM) private readonly orm: MikroORM) {}

  async query<T>(query: SqlQuery): Promise<T[]> {
    return (await this.run(query)).rows as T[];
  }

  async one<T>(query: SqlQuery): Promise<T | null> {
    return (await this.query<T>(query))[0] ?? null;
  }

  /** Affected row count of an insert/update/delete. */
  async execute(query: SqlQuery): Promise<number> {
    return Number((await this.run(query)).numAffectedRows ?? 0n);
  }

  /** One transaction for `fn`; joins the transaction already open in this call chain, if any. */
  async transaction<T>(fn: () => Promise<T>): Promise<T> {
    if (openTransaction.getStore()) return fn();
    return runInTransaction(this.orm.em.fork(), { schemaName: null }, fn);
  }

  /** Runs `fn` once the open transaction has committed (cache invalidation), or now when none is open. */
  afterCommit(fn: () => unknown): Promise<void> {
    return afterCommit(fn);
  }

  private run(query: SqlQuery) {
    const { text, values } = query.compile(null);
    const em: EntityManager = openTransaction.getStore()?.controlEm ?? this.orm.em;
    return em.getKysely().executeQuery(CompiledQuery.raw(text, values));
  }
}
