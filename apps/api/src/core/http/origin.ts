import type { FastifyRequest } from 'fastify';
import { DomainError } from '../errors/domain-error.js';

/**
 * CSRF defence for routes a cookie authenticates (the refresh cookie): a browser always sends
 * `Origin` on a cross-site POST, so a foreign one is refused. Same host (scheme and port
 * included in the comparison of host) passes; no Origin at all is a non-browser client and passes
 * (the cookie is SameSite=Lax besides).
 */
export function assertSameOrigin(request: FastifyRequest): void {
  const origin = request.headers.origin;
  if (origin === undefined) return;
  let originHost: string | null = null;
  try {
    originHost = origin === 'null' ? null : new URL(origin).host.toLowerCase();
  } catch {
    originHost = null;
  }
  const host = (request.headers.host ?? '').toLowerCase();
  if (!originHost || originHost !== host) {
    throw new DomainError('foreign_origin', 403, 'This request came from another site and was refused.');
  }
}
