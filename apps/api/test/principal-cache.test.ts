import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createHttpApp, openDatabase, type Database } from '../src/bootstrap.js';
import { CacheBus } from '../src/core/tenancy/cache-bus.js';
import { createTestApp, host, type TestApp } from './support/test-app.js';

/**
 * Authenticated requests read the member from a cache (principal.repository.ts). A change to a
 * member must reach every process: here a second app on the same database and Redis prefix plays
 * the other process.
 */
describe('principal cache', () => {
  let t: TestApp;
  let other: { app: NestFastifyApplication; db: Database };
  let owner: string;

  beforeAll(async () => {
    t = await createTestApp();
    const db = await openDatabase(t.config);
    other = { app: await createHttpApp(t.config, db, { logger: ['error'] }), db };
    owner = (await t.login('acme', 'owner@acme.test')).token;
  });

  afterAll(async () => {
    await other?.app.close();
    await other?.db.close();
    await t?.close();
  });

  const me = async (app: NestFastifyApplication, token: string) => {
    const res = await app.getHttpAdapter().getInstance().inject({ method: 'GET', url: '/api/auth/me', headers: { host: host('acme'), authorization: `Bearer ${token}` } });
    return { status: res.statusCode, body: res.json() };
  };
  const nextInvalidation = (app: NestFastifyApplication) => new Promise<string>((resolve) => app.get(CacheBus).on('principals', resolve));

  it('a role change made in one process is seen by the next request in another', async () => {
    const { token, user } = await t.login('acme', 'manager@acme.test');
    expect((await me(other.app, token)).body.user.role).toBe('manager'); // cached in the other process now
    expect((await me(other.app, token)).body.user.role).toBe('manager');
    const delivered = nextInvalidation(other.app);
    const changed = await t.request('PATCH', `/api/team/members/${user.id}`, { host: host('acme'), token: owner, body: { role: 'client' } });
    expect(changed.status).toBe(200);
    await delivered;
    expect((await me(other.app, token)).body.user.role).toBe('client');
    // And in the process that made the change, at once.
    expect((await t.request('GET', '/api/auth/me', { host: host('acme'), token })).body.user.role).toBe('client');
  });

  it('a removed member is refused everywhere on the next request, though the token is still valid', async () => {
    const { token, user } = await t.login('acme', 'admin@acme.test');
    expect((await me(other.app, token)).status).toBe(200);
    const delivered = nextInvalidation(other.app);
    const removed = await t.request('DELETE', `/api/team/members/${user.id}`, { host: host('acme'), token: owner });
    expect(removed.status).toBe(204);
    await delivered;
    expect((await me(other.app, token)).status).toBe(401);
    expect((await t.request('GET', '/api/auth/me', { host: host('acme'), token })).status).toBe(401);
  });

  it('a change written by SQL behind the API is picked up only through an invalidation (the cache really serves)', async () => {
    const { token } = await t.login('acme', 'owner@acme.test');
    expect((await me(other.app, token)).body.user.name).not.toBe('Renamed Behind');
    const schema = await t.schemaOf('acme');
    await t.sqlUnannounced(`update "${schema}".users set name = 'Renamed Behind' where email = 'owner@acme.test'`);
    expect((await me(other.app, token)).body.user.name).not.toBe('Renamed Behind');
    const delivered = nextInvalidation(other.app);
    const profile = await t.request('PATCH', '/api/auth/profile', { host: host('acme'), token, body: { name: 'Renamed Again' } });
    expect(profile.status).toBe(200);
    await delivered;
    expect((await me(other.app, token)).body.user.name).toBe('Renamed Again');
  });
});
