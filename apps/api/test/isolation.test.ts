import { randomUUID } from 'node:crypto';
import { routeTable, type RouteInfo } from './support/route-table.js';
import { createTestApp, host, type TestApp } from './support/test-app.js';

/**
 * The permanent cross-tenant isolation suite, generated from the route table so every new route
 * is covered without editing this file: tenant B's token and host against tenant A's ids → 404
 * and no change to A's data; A's token on B's host → 401; B's lists never contain A's rows.
 */
type JsonSchema = { type?: string | string[]; properties?: Record<string, JsonSchema>; required?: string[]; enum?: unknown[]; format?: string; minLength?: number; anyOf?: JsonSchema[]; items?: JsonSchema; minimum?: number };

/** A valid-looking body for a route, generated from its OpenAPI (zod) schema, so validation is not what answers. */
function sample(schema: JsonSchema | undefined): unknown {
  if (!schema) return {};
  if (schema.enum) return schema.enum.find((v) => v !== 'owner') ?? schema.enum[0];
  if (schema.anyOf) return sample(schema.anyOf.find((s) => s.type !== 'null') ?? schema.anyOf[0]);
  const type = Array.isArray(schema.type) ? schema.type.find((x) => x !== 'null') : schema.type;
  switch (type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(schema.properties ?? {})) out[k] = sample(v);
      return out;
    }
    case 'array':
      return [sample(schema.items)];
    case 'string':
      if (schema.format === 'email') return `probe-${randomUUID().slice(0, 8)}@example.test`;
      if (schema.format === 'uuid') return randomUUID();
      if (schema.format === 'date') return '2026-01-15';
      if (schema.format === 'date-time') return '2026-01-15T10:00:00Z';
      return 'x'.repeat(Math.max(schema.minLength ?? 0, 24));
    case 'integer':
    case 'number':
      return Math.max(schema.minimum ?? 1, 1);
    case 'boolean':
      return true;
    default:
      return {};
  }
}

describe('cross-tenant isolation (generated from the route table)', () => {
  let t: TestApp;
  let routes: RouteInfo[];
  let aToken: string;
  let bToken: string;
  let aIds: string[];
  let aEmails: string[];
  let openapi: { paths: Record<string, Record<string, { requestBody?: { content: { 'application/json': { schema: JsonSchema } } } }>> };

  const snapshotA = async () => {
    const acme = await t.schemaOf('acme');
    const tables = await t.sql<{ table_name: string }>(`select table_name from information_schema.tables where table_schema = $1 order by 1`, [acme]);
    const out: Record<string, string> = {};
    for (const { table_name } of tables) {
      const [row] = await t.sql<{ h: string }>(`select md5(coalesce(string_agg(x::text, ',' order by x::text), '')) as h from ${acme}.${table_name} x`);
      out[table_name] = row.h;
    }
    return out;
  };

  beforeAll(async () => {
    t = await createTestApp();
    routes = routeTable(t.app).filter((r) => r.realm === 'workspace' && (r.access?.kind === 'policy' || r.access?.kind === 'authenticated'));
    aToken = (await t.login('acme', 'owner@acme.test')).token;
    bToken = (await t.login('globex', 'owner@globex.test')).token;
    // Give A one row of each kind the routes can address.
    await t.request('POST', '/api/team/invitations', { host: host('acme'), token: aToken, body: { email: 'pending@acme.test', role: 'client' } });
    const acme = await t.schemaOf('acme');
    const [[{ tenants }]] = [await t.sql<{ tenants: string }>(`select string_agg(schema_name, ',') as tenants from control.tenants`)];
    expect(tenants).toContain(acme);
    const tables = await t.sql<{ table_name: string }>(
      `select table_name from information_schema.columns where table_schema = $1 and column_name = 'id' and data_type = 'uuid'`,
      [acme],
    );
    aIds = [];
    for (const { table_name } of tables) aIds.push(...(await t.sql<{ id: string }>(`select id from ${acme}.${table_name} limit 3`)).map((r) => r.id));
    aEmails = (await t.sql<{ email: string }>(`select email from ${acme}.users`)).map((r) => r.email);
    openapi = (await t.request('GET', '/api/docs-json')).body;
  });
  afterAll(async () => t.close());

  it('covers the workspace routes', () => {
    expect(routes.length).toBeGreaterThanOrEqual(7);
    expect(aIds.length).toBeGreaterThanOrEqual(5);
  });

  it("answers 401 to A's token on B's host, on every authenticated route", async () => {
    const failures: string[] = [];
    for (const r of routes) {
      const path = r.path.replace(/:([A-Za-z]+)/g, () => aIds[0]);
      const res = await t.request(r.method, path, { host: host('globex'), token: aToken, body: r.method === 'GET' || r.method === 'DELETE' ? undefined : {} });
      if (res.status !== 401) failures.push(`${r.method} ${r.path} → ${res.status}`);
    }
    expect(failures).toEqual([]);
  });

  it("answers 404 to B's token on B's host against every id of A, and leaves A's data unchanged", async () => {
    const before = await snapshotA();
    const failures: string[] = [];
    for (const r of routes.filter((x) => x.params.length)) {
      const schema = openapi.paths[r.path.replace(/:([A-Za-z]+)/g, '{$1}')]?.[r.method.toLowerCase()]?.requestBody?.content['application/json'].schema;
      for (const id of aIds) {
        const path = r.path.replace(/:([A-Za-z]+)/g, id);
        const res = await t.request(r.method, path, { host: host('globex'), token: bToken, body: r.method === 'GET' || r.method === 'DELETE' ? undefined : sample(schema) });
        if (res.status !== 404) failures.push(`${r.method} ${path} → ${res.status} ${JSON.stringify(res.body)}`);
      }
    }
    expect(failures).toEqual([]);
    expect(await snapshotA()).toEqual(before);
  });

  it("never lists A's rows to B", async () => {
    const leaks: string[] = [];
    for (const r of routes.filter((x) => x.method === 'GET' && !x.params.length)) {
      const res = await t.request('GET', r.path, { host: host('globex'), token: bToken });
      // A feature that is not configured may answer 503 with its own code; never an internal error.
      expect(res.body?.error).not.toBe('internal_error');
      const text = JSON.stringify(res.body);
      for (const needle of [...aIds, ...aEmails]) if (text.includes(needle)) leaks.push(`${r.path} leaks ${needle}`);
    }
    expect(leaks).toEqual([]);
  });
});
