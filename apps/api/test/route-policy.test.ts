import { createTestApp, type TestApp } from './support/test-app.js';
import { routeTable } from './support/route-table.js';

describe('route policies', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t.close());

  it('finds the routes the app mounts', () => {
    const routes = routeTable(t.app);
    expect(routes.length).toBeGreaterThanOrEqual(20);
    expect(routes.map((r) => `${r.method} ${r.path}`)).toEqual(expect.arrayContaining(['POST /api/auth/login', 'GET /api/team/members', 'GET /api/health']));
  });

  it('gives every route a policy or an explicit public mark (deny by default)', () => {
    const missing = routeTable(t.app).filter((r) => !r.access).map((r) => `${r.method} ${r.path} (${r.controller}.${r.handler})`);
    expect(missing).toEqual([]);
  });

  it('keeps admin-panel routes on the admin realm and admin-only unless public', () => {
    for (const r of routeTable(t.app).filter((x) => x.path.startsWith('/api/admin-panel'))) {
      expect(r.realm).toBe('admin');
      expect(['admin', 'public']).toContain(r.access?.kind);
    }
  });

  it('answers 401 on a policy route without a token', async () => {
    const res = await t.request('GET', '/api/team/members', { host: 'acme.instagrowth.test' });
    expect(res.status).toBe(401);
  });
});
