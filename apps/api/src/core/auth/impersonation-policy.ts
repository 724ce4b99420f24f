/**
 * What a super-admin impersonating a workspace may not do: anything about money (billing, checkout,
 * portal, referral payouts) and anything about a person's credentials or identity (password,
 * e-mail, profile, sessions, their announcement dismissals). Reading stays allowed, so the admin sees what the owner sees.
 * Matched on the route pattern Fastify routed to, so a new billing route is refused by default.
 */
const REFUSED_PREFIXES = ['/api/billing', '/api/referrals'];
const REFUSED_ROUTES = new Set([
  'PATCH /api/auth/profile',
  'POST /api/auth/change-password',
  'POST /api/auth/change-email',
  'POST /api/auth/confirm-email-change',
  'DELETE /api/auth/sessions/:id',
  'POST /api/auth/sessions/revoke-others',
  // A dismissal is remembered for the person; the impersonator is not them.
  'POST /api/announcements/:id/dismiss',
]);

export function refusedWhileImpersonating(method: string, routePattern: string | undefined): boolean {
  if (!routePattern) return true;
  const m = method.toUpperCase();
  if (REFUSED_ROUTES.has(`${m} ${routePattern}`)) return true;
  const readOnly = m === 'GET' || m === 'HEAD' || m === 'OPTIONS';
  return !readOnly && REFUSED_PREFIXES.some((p) => routePattern === p || routePattern.startsWith(`${p}/`));
}
