import { AsyncLocalStorage } from 'node:async_hooks';
import type { EntityManager } from '@mikro-orm/postgresql';

/**
 * The one transaction open in this async call chain, whoever opened it: a tenant unit of work
 * (`TenantDb.unitOfWork`, schemaName set) or a control transaction (`ControlDb.transaction`,
 * schemaName null). Both data APIs read it, so a statement never takes a second connection while
 * its caller holds a transaction (PGlite has a single session; PostgreSQL would split the work).
 */
export interface OpenTransaction {
  schemaName: string | null;
  em: EntityManager;
  /** Control statements run here: the outer control transaction when a tenant unit is nested in one. */
  controlEm: EntityManager;
  /** Run once the outermost transaction has committed (never after a rollback). */
  afterCommit: (() => unknown)[];
}

export const openTransaction = new AsyncLocalStorage<OpenTransaction>();

/** Opens `fn` in a new transaction on `em`, then runs its after-commit callbacks. */
export async function runInTransaction<T>(
  em: EntityManager,
  scope: Omit<OpenTransaction, 'em' | 'controlEm' | 'afterCommit'> & { controlEm?: EntityManager; afterCommit?: OpenTransaction['afterCommit'] },
  fn: () => Promise<T>,
): Promise<T> {
  const afterCommit = scope.afterCommit ?? [];
  const result = await em.transactional((tx) =>
    openTransaction.run({ schemaName: scope.schemaName, em: tx, controlEm: scope.controlEm ?? tx, afterCommit }, fn),
  );
  // A nested unit shares its outer transaction's list: the outer one runs it after its own commit.
  if (!scope.afterCommit) for (const callback of afterCommit) await callback();
  return result;
}

/** Runs `fn` after the open transaction commits, or now when none is open. */
export async function afterCommit(fn: () => unknown): Promise<void> {
  const open = openTransaction.getStore();
  if (open) open.afterCommit.push(fn);
  else await fn();
}
