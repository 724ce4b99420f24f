import { Inject, Injectable } from '@nestjs/common';
import { MikroORM, type EntityManager } from '@mikro-orm/postgresql';
import { CompiledQuery } from 'kysely';
import { ControlDb } from '../database/control-db.js';
import { afterCommit, openTransaction, runInTransaction, type OpenTransaction } from '../database/open-transaction.js';
import type { SqlQuery } from '../database/sql.js';
import { TenantContext } from './tenant-context.js';

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
    /** The registry (`controlTable(…)` only), with or without a tenant; the same object as the injectable ControlDb. */
    readonly control: ControlDb,
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

  private run(query: SqlQuery, schemaName: string, unit: OpenTransaction | undefined) {
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
    if (this.unit()) return fn();
    // Inside a control transaction: a tenant transaction of its own, whose control statements and
    // after-commit callbacks stay with the outer one.
    const outer = openTransaction.getStore();
    return runInTransaction(this.orm.em.fork({ schema: schemaName }), { schemaName, controlEm: outer?.controlEm, afterCommit: outer?.afterCommit }, fn);
  }

  /** Runs `fn` after the open unit of work commits (never if it rolls back), or now when none is open. */
  afterCommit(fn: () => unknown): Promise<void> {
    return afterCommit(fn);
  }

  /** The open tenant unit of work (a control transaction is not one). */
  private unit(): OpenTransaction | undefined {
    const unit = openTransaction.getStore();
    if (!unit || unit.schemaName === null) return undefined;
    if (unit.schemaName !== this.schemaName) {
      throw new Error(`A unit of work of ${unit.schemaName} is open while serving ${this.schemaName}.`);
    }
    return unit;
  }
}
