/**
 * Is this error "the database is not reachable right now" (restart, failover, terminated
 * connections, refused connects) rather than a bug? Those answer 503 `database_unavailable` with
 * Retry-After, never 500: the pool replaces dropped connections by itself, so the next request
 * after the outage works again. Walks `cause` chains (MikroORM and kysely wrap driver errors).
 */
const SQLSTATE_UNAVAILABLE = /^(08...|57P0[123]|53300)$/; // connection exception, admin/crash shutdown, cannot connect now, too many connections
const NODE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);
const MESSAGES = [/Connection terminated/i, /timeout exceeded when trying to connect/i, /not currently accepting connections/i, /the database system is (starting up|shutting down|in recovery mode)/i, /Client has encountered a connection error/i];

export function isDatabaseUnavailable(error: unknown): boolean {
  for (let e = error as { code?: unknown; message?: unknown; cause?: unknown; name?: unknown } | undefined, depth = 0; e && depth < 6; e = e.cause as typeof e, depth++) {
    if (typeof e !== 'object') return false;
    const code = typeof e.code === 'string' ? e.code : '';
    if (SQLSTATE_UNAVAILABLE.test(code) || NODE_CODES.has(code)) return true;
    if (e.name === 'ConnectionException') return true;
    if (typeof e.message === 'string' && MESSAGES.some((m) => m.test(e!.message as string))) return true;
  }
  return false;
}
