import { AsyncLocalStorage } from 'node:async_hooks';
import { Inject, Injectable } from '@nestjs/common';
import { MikroORM, type EntityManager } from '@mikro-orm/postgresql';
import { CompiledQuery } from 'kysely';
import type { SqlQuery } from '../database/sql.js';
import { TenantContext } from './tenant-context.js';

interface UnitOfWork {
  schemaName: string;
  em: EntityManager;
  /** Run once the transaction has committed (cache invalidation must not run before others can see the change). */
  afterCommit: (() => unknown)[];
}

/** Open units of work, per async call chain (one per request or job that started one). */
const openUnit = new AsyncLocalStorage<UnitOfWork>();

/** The EntityManager of the tenant unit of work open in this call chain, if any (ControlDb joins it). */
export const openUnitOfWorkEm = (): EntityManager | undefined => openUnit.getStore()?.em;

/**
 * The one data path of a tenant's repositories. Raw SQL (the `sql` template, tables qualified here
 * from the tenant context) and the ORM share a connection and a transaction whenever a service opens
 * a unit of work; outside one, each statement runs on the pool. Money-like writes (credits, billing,
 * publishing) go in one unit of work with the record that justifies them.
 *
 * PGlite note: every pooled "connection" is one session, so while a unit of work is open nothing
 * may await another connection — everything inside goes through this class.
 */
@Injectable()
export class TenantDb {
  constructor(
    private readonly ctx: TenantContext,
    @Inject(MikroORM) private readonly orm: MikroORM,
  ) {}

  /** The tenant's schema name (from the naming function, checked when the tenant was resolved). */
  get schemaName(): string {
    return this.ctx.tenant.schemaName;
  }

  /** The EntityManager of the open unit of work, else the request's tenant fork. */
  get em(): EntityManager {
    return this.unit()?.em ?? this.ctx.em;
  }

  /**
   * A fresh EntityManager for one repository call (empty identity map, so nothing stale), on the
   * tenant's schema, joining the open unit of work's transaction when there is one.
   */
  fork(): EntityManager {
    return this.em.fork({ keepTransactionContext: true });
  }

  /** True inside `unitOfWork`. */
  get inUnitOfWork(): boolean {
    return this.unit() !== undefined;
  }

  async query<T>(query: SqlQuery): Promise<T[]> {
    return (await this.run(query, this.schemaName, this.unit())).rows as T[];
  }

  async one<T>(query: SqlQuery): Promise<T | null> {
    const rows = await this.query<T>(query);
    return rows[0] ?? null;
  }

  /** Affected row count of an insert/update/delete. */
  async execute(query: SqlQuery): Promise<number> {
    return Number((await this.run(query, this.schemaName, this.unit())).numAffectedRows ?? 0n);
  }

  /**
   * The registry (`controlTable(…)` only; a tenant table throws): usable with or without a tenant,
   * and inside an open unit of work it joins that transaction.
   */
  readonly control = {
    query: async <T>(query: SqlQuery): Promise<T[]> => (await this.run(query, null, openUnit.getStore())).rows as T[],
    one: async <T>(query: SqlQuery): Promise<T | null> => ((await this.run(query, null, openUnit.getStore())).rows[0] as T | undefined) ?? null,
    execute: async (query: SqlQuery): Promise<number> => Number((await this.run(query, null, openUnit.getStore())).numAffectedRows ?? 0n),
  };

  private run(query: SqlQuery, schemaName: string | null, unit: UnitOfWork | undefined) {
    const { text, values } = query.compile(schemaName);
    const kysely = unit ? unit.em.getKysely() : this.orm.em.getKysely();
    return kysely.executeQuery(CompiledQuery.raw(text, values));
  }

  /**
   * Runs `fn` in one transaction shared by the ORM (`db.em`) and raw SQL (`db.query`). A unit of
   * work opened inside another joins it, so services compose. Throwing rolls everything back.
   */
  async unitOfWork<T>(fn: () => Promise<T>): Promise<T> {
    const schemaName = this.schemaName;
    const current = this.unit();
    if (current) return fn();
    const afterCommit: UnitOfWork['afterCommit'] = [];
    const result = await this.orm.em.fork({ schema: schemaName }).transactional((em) => openUnit.run({ schemaName, em, afterCommit }, fn));
    for (const callback of afterCommit) await callback();
    return result;
  }

  /** Runs `fn` after the open unit of work commits (never if it rolls back), or now when none is open. */
  async afterCommit(fn: () => unknown): Promise<void> {
    const unit = openUnit.getStore();
    if (unit) unit.afterCommit.push(fn);
    else await fn();
  }

  private unit(): UnitOfWork | undefined {
    const unit = openUnit.getStore();
    if (unit && unit.schemaName !== this.schemaName) {
      throw new Error(`A unit of work of ${unit.schemaName} is open while serving ${this.schemaName}.`);
    }
    return unit;
  }
}
