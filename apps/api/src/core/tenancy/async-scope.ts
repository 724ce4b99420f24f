import { AsyncLocalStorage } from 'node:async_hooks';
import { Injectable } from '@nestjs/common';

/** One store per process, like the request context it replaces: every Nest app in it sees the same scope. */
const storage = new AsyncLocalStorage<Map<string, unknown>>();

/**
 * Values that belong to one request or one job (the tenant, its EntityManager), held in
 * AsyncLocalStorage. Our own dozen lines instead of nestjs-cls: its module registers a global
 * interceptor (a no-op unless mounted) on every route, and any global interceptor takes every
 * request through rxjs (defer, mergeAll, Observable) — a measurable share of a list read's CPU.
 */
@Injectable()
export class AsyncScope {
  isActive(): boolean {
    return storage.getStore() !== undefined;
  }

  get<T>(key: string): T | undefined {
    return storage.getStore()?.get(key) as T | undefined;
  }

  set(key: string, value: unknown): void {
    const store = storage.getStore();
    if (!store) throw new Error(`No async scope is open to hold "${key}".`);
    store.set(key, value);
  }

  /** Runs `fn` in a fresh scope (jobs, schedules, seeding). */
  run<T>(fn: () => T): T {
    return storage.run(new Map(), fn);
  }

  /**
   * Opens a fresh scope for the rest of the current async flow: the access guard calls it first
   * thing, so pipes, the handler and everything they await see the request's own values.
   */
  enter(): void {
    storage.enterWith(new Map());
  }
}
