import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { schemaNameFor } from '../src/core/database/schema-name.js';
import { COLUMN_INFO_SQL, renderTableTypes, type ColumnInfo } from '../src/core/database/table-types.js';
import { createTestApp, host, type TestApp } from './support/test-app.js';

describe('stored schema_name', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t.close());

  it('serves a workspace whose schema_name is the naming function of its id', async () => {
    const [acme] = await t.sql<{ id: number; schema_name: string }>(`select id, schema_name from control.tenants where slug = 'acme'`);
    expect(acme.schema_name).toBe(schemaNameFor(acme.id));
    const res = await t.request('POST', '/api/auth/login', { host: host('acme'), body: { email: 'owner@acme.test', password: 'acme-password-123' } });
    expect(res.status).toBe(200);
  });

  it('refuses a workspace whose stored schema_name points elsewhere (404 unknown_workspace, never its data)', async () => {
    const [globex] = await t.sql<{ id: number }>(`select id from control.tenants where slug = 'globex'`);
    // globex's row now names another tenant id's schema, as a hand-edited or badly restored registry might.
    await t.sql(`update control.tenants set schema_name = $1 where id = $2`, [schemaNameFor(globex.id + 1000), globex.id]);
    const res = await t.request('POST', '/api/auth/login', { host: host('globex'), body: { email: 'owner@acme.test', password: 'acme-password-123' } });
    expect(res.status).toBe(404);
    expect(res.body.error).toBe('unknown_workspace');
  });
});

describe('typed table definitions (tables.generated.ts)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t.close());

  it('match every table and column the migrations created on PostgreSQL (else: npm run db:types)', async () => {
    const [acme] = await t.sql<{ id: number }>(`select id from control.tenants where slug = 'acme'`);
    const control = await t.sql<ColumnInfo>(COLUMN_INFO_SQL, ['control']);
    const tenant = await t.sql<ColumnInfo>(COLUMN_INFO_SQL, [schemaNameFor(acme.id)]);
    expect(tenant.some((c) => c.table === 'users' && c.column === 'email')).toBe(true);
    const committed = readFileSync(new URL('../src/core/database/tables.generated.ts', import.meta.url), 'utf8');
    expect(committed).toBe(renderTableTypes(control, tenant));
  });
});
