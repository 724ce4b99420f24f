import {
  accountDetailSchema,
  accountListSchema,
  accountSummarySchema,
  apiErrorSchema,
  apiRoutes,
  appContextSchema,
  healthSchema,
  importReportSchema,
  invitationListSchema,
  meResponseSchema,
  memberListSchema,
  outboxListSchema,
  outboxMessageSchema,
  sessionViewSchema,
  settingListSchema,
  tenantPageSchema,
} from '@instagrowth/contracts';
import type { ZodType } from 'zod';
import { createTestApp, host, type TestApp } from './support/test-app.js';
import { routeTable } from './support/route-table.js';

const isZod = (v: unknown): v is ZodType => typeof v === 'object' && v !== null && 'safeParse' in v;

/** The answer matches its schema AND carries nothing the schema does not name (parsing strips extras). */
function expectContract(schema: ZodType, body: unknown): void {
  const parsed = schema.safeParse(body);
  expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
  expect(parsed.data).toEqual(body);
}

describe('API contracts', () => {
  let t: TestApp;
  let owner: string;
  beforeAll(async () => {
    t = await createTestApp();
    owner = (await t.login('acme', 'owner@acme.test')).token;
  });
  afterAll(async () => t.close());

  it('gives every route a summary and a success response (a schema, or explicitly no JSON body)', () => {
    const routes = routeTable(t.app);
    expect(routes.length).toBeGreaterThanOrEqual(30);
    const problems: string[] = [];
    for (const r of routes) {
      const name = `${r.method} ${r.path} (${r.controller}.${r.handler})`;
      if (!r.doc) {
        problems.push(`${name}: no @ApiRoute`);
        continue;
      }
      if (!r.doc.summary.trim()) problems.push(`${name}: empty summary`);
      const success = Object.entries(r.doc.responses).filter(([status]) => /^[23]/.test(status));
      if (!success.length) problems.push(`${name}: no 2xx/3xx response`);
      for (const [status, value] of success) {
        // A 200/201/202 JSON answer needs a schema; 204 is null; HTML/text/redirects describe themselves.
        if (value === null && status !== '204') problems.push(`${name}: ${status} declared without a body`);
      }
      for (const [status, codes] of Object.entries(r.doc.errors ?? {})) {
        if (!/^[45]\d\d$/.test(status) || !codes.length) problems.push(`${name}: errors[${status}] is not an error status with codes`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('publishes summaries, response schemas and error codes in the OpenAPI document', async () => {
    const res = await t.request('GET', '/api/docs-json');
    expect(res.status).toBe(200);
    const paths = res.body.paths as Record<string, Record<string, { summary?: string; responses: Record<string, { description: string; content?: Record<string, { schema: any }> }> }>>;
    let operations = 0;
    for (const [path, item] of Object.entries(paths)) {
      for (const [method, op] of Object.entries(item)) {
        operations++;
        expect({ route: `${method} ${path}`, summary: Boolean(op.summary?.trim()) }).toEqual({ route: `${method} ${path}`, summary: true });
        const success = Object.entries(op.responses).filter(([s]) => /^[23]/.test(s));
        expect(success.length).toBeGreaterThan(0);
        for (const [, response] of Object.entries(op.responses)) expect(response.description.trim()).not.toBe('');
      }
    }
    expect(operations).toBeGreaterThanOrEqual(30);

    const detail = paths['/api/accounts/{id}'].get;
    expect(detail.responses['200'].content!['application/json'].schema.properties).toEqual(expect.objectContaining({ history: expect.any(Object), username: expect.any(Object) }));
    // The route's own code merged with the realm's; the guard's 401 and validation's 400 come from its rule and inputs.
    expect(detail.responses['404'].content!['application/json'].schema.properties.error.enum).toEqual(['not_found', 'unknown_workspace']);
    expect(detail.responses['401'].content!['application/json'].schema.properties.error.enum).toEqual(['invalid_token', 'wrong_workspace']);
    expect(detail.responses['400'].content!['application/json'].schema.properties.error.enum).toEqual(['validation_failed']);
    expect(detail.responses['400'].content!['application/json'].schema.required).toEqual(expect.arrayContaining(['error', 'message', 'correlationId']));

    const manual = paths['/api/accounts/manual'].post;
    expect(manual.responses['201'].content!['application/json'].schema.required).toEqual(expect.arrayContaining(['id', 'username', 'status']));
    expect(manual.responses['402'].content!['application/json'].schema.properties.error.enum).toEqual(['account_limit_reached']);
    expect((manual as any).requestBody.content['application/json'].schema.properties.username).toBeDefined();

    const media = paths['/api/accounts/{id}/media'].get as any;
    expect(media.parameters.map((p: { name: string; in: string }) => `${p.in}:${p.name}`)).toEqual(expect.arrayContaining(['path:id', 'query:limit']));
    // Public routes carry no 401 and no bearer requirement.
    const login = paths['/api/auth/login'].post as any;
    expect(login.responses['401'].content['application/json'].schema.properties.error.enum).toEqual(['invalid_credentials']);
    expect(login.security).toBeUndefined();
    expect(paths['/api/auth/logout'].post.responses['204']).toBeDefined();
  });

  it('answers what the contracts say on real requests', async () => {
    const acme = host('acme');
    expectContract(meResponseSchema, (await t.request('GET', '/api/auth/me', { host: acme, token: owner })).body);
    expectContract(memberListSchema, (await t.request('GET', '/api/team/members', { host: acme, token: owner })).body);
    expectContract(invitationListSchema, (await t.request('GET', '/api/team/invitations', { host: acme, token: owner })).body);
    expectContract(appContextSchema, (await t.request('GET', '/api/context', { host: acme })).body);
    expectContract(healthSchema, (await t.request('GET', '/api/health', { host: acme })).body);

    const created = await t.request('POST', '/api/accounts/manual', { host: acme, token: owner, body: { username: 'contract.check', followersCount: 1200 } });
    expect(created.status).toBe(201);
    expectContract(accountSummarySchema, created.body);
    const imported = await t.request('POST', `/api/accounts/${created.body.id}/posts/import`, {
      host: acme,
      token: owner,
      body: { csv: 'posted_at,caption,likes\n2026-11-01,Hello,10\nnot-a-date,Bad,1\n' },
    });
    expectContract(importReportSchema, imported.body);
    expect(imported.body.rejected).toHaveLength(1);
    expectContract(accountListSchema, (await t.request('GET', '/api/accounts', { host: acme, token: owner })).body);
    const detail = await t.request('GET', `/api/accounts/${created.body.id}`, { host: acme, token: owner });
    expectContract(accountDetailSchema, detail.body);
    expect(detail.body.history.length).toBeGreaterThan(0);

    const login = await t.request('POST', '/api/auth/login', { host: acme, body: { email: 'admin@acme.test', password: 'acme-password-123' } });
    expectContract(sessionViewSchema, login.body);

    const invited = await t.request('POST', '/api/team/invitations', { host: acme, token: owner, body: { email: 'contract@example.test', role: 'client' } });
    expect(invited.status).toBe(201);
    const admin = await t.adminLogin();
    const adminHost = host('admin');
    expectContract(tenantPageSchema, (await t.request('GET', '/api/admin-panel/tenants', { host: adminHost, token: admin })).body);
    expectContract(settingListSchema, (await t.request('GET', '/api/admin-panel/settings', { host: adminHost, token: admin })).body);
    const outbox = await t.request('GET', '/api/admin-panel/outbox', { host: adminHost, token: admin });
    expectContract(outboxListSchema, outbox.body);
    const mail = outbox.body.data.find((m: { to: string }) => m.to === 'contract@example.test');
    const message = await t.request('GET', `/api/admin-panel/outbox/${mail.id}`, { host: adminHost, token: admin });
    expectContract(outboxMessageSchema, message.body);
    // The message view names its workspace like the list does (it used to show "Platform").
    expect(message.body.tenantSlug).toBe('acme');
  });

  it('keeps the web client\'s route map in step with the controllers (the very same schemas)', () => {
    const mismatched: string[] = [];
    const mounted = new Set<string>();
    for (const r of routeTable(t.app)) {
      const key = `${r.method} ${r.path}`;
      const success = Object.entries(r.doc?.responses ?? {}).find(([status]) => /^2/.test(status));
      if (!success || (success[1] !== null && !isZod(success[1]))) continue; // HTML, text and redirects are not JSON routes
      mounted.add(key);
      const entry = (apiRoutes as Record<string, { response: unknown }>)[key];
      if (!entry) mismatched.push(`${key}: missing from apiRoutes`);
      else if (entry.response !== success[1]) mismatched.push(`${key}: apiRoutes names another response schema`);
    }
    for (const key of Object.keys(apiRoutes)) if (!mounted.has(key)) mismatched.push(`${key}: in apiRoutes but not mounted`);
    expect(mismatched).toEqual([]);
  });

  it('answers errors in the one error shape, with a correlation id', async () => {
    const acme = host('acme');
    const cases = [
      await t.request('GET', '/api/accounts/not-a-uuid', { host: acme, token: owner }),
      await t.request('GET', '/api/accounts/00000000-0000-4000-8000-000000000000', { host: acme, token: owner }),
      await t.request('GET', '/api/team/members', { host: acme }),
      await t.request('GET', '/api/auth/me', { host: host('nowhere') }),
    ];
    expect(cases.map((c) => [c.status, c.body.error])).toEqual([
      [400, 'validation_failed'],
      [404, 'not_found'],
      [401, 'invalid_token'],
      [404, 'unknown_workspace'],
    ]);
    for (const c of cases) expectContract(apiErrorSchema, c.body);
  });

  it('declares every 2xx JSON answer it gives with a zod schema the interceptor can parse', () => {
    for (const r of routeTable(t.app)) {
      for (const [status, value] of Object.entries(r.doc?.responses ?? {})) {
        if (['200', '201', '202'].includes(status) && value !== null && !isZod(value)) {
          // Non-JSON 200s (the webhook handshake's text) must say their content type.
          expect({ route: `${r.method} ${r.path}`, contentType: (value as { contentType?: string }).contentType }).toEqual({ route: `${r.method} ${r.path}`, contentType: expect.any(String) });
        }
      }
    }
  });
});
