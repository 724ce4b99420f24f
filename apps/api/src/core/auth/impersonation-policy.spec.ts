import { refusedWhileImpersonating } from './impersonation-policy.js';

describe('refusedWhileImpersonating', () => {
  it('refuses billing and referral writes but lets the impersonator read them', () => {
    expect(refusedWhileImpersonating('POST', '/api/billing/checkout')).toBe(true);
    expect(refusedWhileImpersonating('POST', '/api/billing/portal')).toBe(true);
    expect(refusedWhileImpersonating('PUT', '/api/billing/anything-new')).toBe(true);
    expect(refusedWhileImpersonating('GET', '/api/billing')).toBe(false);
    expect(refusedWhileImpersonating('GET', '/api/referrals')).toBe(false);
  });

  it('refuses password, e-mail, profile and session changes', () => {
    for (const r of ['PATCH /api/auth/profile', 'POST /api/auth/change-password', 'POST /api/auth/change-email', 'DELETE /api/auth/sessions/:id', 'POST /api/auth/sessions/revoke-others']) {
      const [m, p] = r.split(' ');
      expect(refusedWhileImpersonating(m, p)).toBe(true);
    }
  });

  it('allows ordinary workspace work, and refuses when the route is unknown', () => {
    expect(refusedWhileImpersonating('POST', '/api/accounts/manual')).toBe(false);
    expect(refusedWhileImpersonating('GET', '/api/auth/me')).toBe(false);
    expect(refusedWhileImpersonating('GET', '/api/announcements')).toBe(false);
    expect(refusedWhileImpersonating('POST', '/api/announcements/:id/dismiss')).toBe(true);
    expect(refusedWhileImpersonating('POST', undefined)).toBe(true);
  });
});
