import { randomUUID } from 'node:crypto';
import { TenantsRepository } from '../src/control/tenants.repository.js';
import { sql, tenantTable } from '../src/core/database/sql.js';
import { TenantContext } from '../src/core/tenancy/tenant-context.js';
import { TenantDb } from '../src/core/tenancy/tenant-db.js';
import { CreditsService } from '../src/credits/credits.service.js';
import { DomainError } from '../src/core/errors/domain-error.js';
import { createTestApp, host, type TestApp } from './support/test-app.js';

describe('credits ledger and the tenant unit of work', () => {
  let t: TestApp;
  let inAcme: <T>(fn: () => Promise<T>) => Promise<T>;
  let credits: CreditsService;
  let db: TenantDb;
  let acmeSchema: string;
  const DEC = new Date('2026-12-10T12:00:00Z');

  beforeAll(async () => {
    t = await createTestApp({ DEFAULT_AI_CREDITS: '5' });
    const tenant = (await t.app.get(TenantsRepository).findBySlug('acme'))!;
    acmeSchema = tenant.schemaName;
    inAcme = (fn) => t.app.get(TenantContext).run(tenant, fn);
    credits = t.app.get(CreditsService);
    db = t.app.get(TenantDb);
  });
  afterAll(async () => t.close());

  const wallet = async () => (await t.sql<{ period_balance: number; pack_balance: number }>(`select period_balance, pack_balance from "${acmeSchema}".credit_wallet`))[0];
  const ledgerSum = async () => Number((await t.sql<{ s: string }>(`select coalesce(sum(amount), 0) as s from "${acmeSchema}".credit_ledger`))[0].s);

  it('qualifies tables with the tenant schema and shares one transaction between raw SQL and the ORM', async () => {
    const q = sql`select count(*)::int as n from ${tenantTable('users')} where email = ${'owner@acme.test'}`;
    expect(q.compile('t_1a')).toEqual({ text: 'select count(*)::int as n from "t_1a"."users" where email = $1', values: ['owner@acme.test'] });
    expect(() => q.compile(null)).toThrow(/tenant schema/);
    expect(await inAcme(() => db.one<{ n: number }>(q))).toEqual({ n: 1 });

    // A failure after a raw write inside the unit of work rolls the write back.
    await expect(
      inAcme(() =>
        db.unitOfWork(async () => {
          await db.execute(sql`update ${tenantTable('users')} set name = ${'Rolled Back'} where email = ${'owner@acme.test'}`);
          const seen = await db.one<{ name: string }>(sql`select name from ${tenantTable('users')} where email = ${'owner@acme.test'}`);
          expect(seen?.name).toBe('Rolled Back'); // same connection sees its own write
          throw new Error('boom');
        }),
      ),
    ).rejects.toThrow('boom');
    const [row] = await t.sql<{ name: string }>(`select name from "${acmeSchema}".users where email = 'owner@acme.test'`);
    expect(row.name).not.toBe('Rolled Back');
  });

  it('grants the period allowance once, lapses unused period credits and keeps packs', async () => {
    const first = await inAcme(() => credits.overview(50, undefined, DEC));
    expect(first).toMatchObject({ balance: 5, periodBalance: 5, packBalance: 0, period: { key: '2026-12', allowance: 5, used: 0 } });
    expect(first.entries).toHaveLength(1);
    expect(first.entries[0]).toMatchObject({ kind: 'grant', bucket: 'period', amount: 5, feature: 'default_allowance' });
    // Reading again in the same period grants nothing more.
    expect((await inAcme(() => credits.overview(50, undefined, DEC))).entries).toHaveLength(1);

    expect(await inAcme(() => credits.grant({ amount: 3, bucket: 'pack', feature: 'pack:content', sourceKey: 'evt_pack_1' }, DEC))).toBe(true);
    expect(await inAcme(() => credits.grant({ amount: 3, bucket: 'pack', feature: 'pack:content', sourceKey: 'evt_pack_1' }, DEC))).toBe(false);

    const january = await inAcme(() => credits.overview(50, undefined, new Date('2027-01-02T00:00:00Z')));
    // 5 unused December credits lapse, 5 January credits arrive, the 3 pack credits stay.
    expect(january).toMatchObject({ balance: 8, periodBalance: 5, packBalance: 3, period: { key: '2027-01' } });
    expect(january.entries.slice(0, 2).map((e) => [e.kind, e.amount, e.feature])).toEqual([
      ['grant', 5, 'default_allowance'],
      ['adjustment', -5, 'period_expiry'],
    ]);
    expect(await ledgerSum()).toBe(8);
  });

  it('20 parallel debits at a balance of 5 → exactly 5 succeed, 15 get 402 credits_exhausted, never below zero', async () => {
    const FEB = new Date('2027-02-03T00:00:00Z');
    // Spend the pack so only February's 5 period credits remain.
    await inAcme(() => credits.adjust(-3, 'test: empty the pack', null, null, FEB));
    expect((await inAcme(() => credits.overview(1, undefined, FEB))).balance).toBe(5);

    const results = await Promise.allSettled(
      Array.from({ length: 20 }, () => inAcme(() => credits.debit({ amount: 1, feature: 'audit', referenceId: randomUUID() }, FEB))),
    );
    const ok = results.filter((r) => r.status === 'fulfilled');
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(ok).toHaveLength(5);
    expect(refused).toHaveLength(15);
    for (const r of refused) {
      expect(r.reason).toBeInstanceOf(DomainError);
      expect(r.reason).toMatchObject({ code: 'credits_exhausted', status: 402 });
    }
    expect(await wallet()).toEqual({ period_balance: 0, pack_balance: 0 });
    expect(await ledgerSum()).toBe(0);
  });

  it('debits in the caller’s unit of work with the record it pays for, and refunds a failed generation once', async () => {
    const MAR = new Date('2027-03-01T00:00:00Z');
    const reference = randomUUID();
    // A record written in the same unit of work as a refused debit is rolled back with it.
    await expect(
      inAcme(() =>
        db.unitOfWork(async () => {
          await db.execute(sql`update ${tenantTable('users')} set name = ${'Paid For'} where email = ${'owner@acme.test'}`);
          await credits.debit({ amount: 50, feature: 'audit', referenceId: reference }, MAR);
        }),
      ),
    ).rejects.toMatchObject({ code: 'credits_exhausted' });
    expect((await t.sql<{ name: string }>(`select name from "${acmeSchema}".users where email = 'owner@acme.test'`))[0].name).not.toBe('Paid For');

    await inAcme(() => credits.grant({ amount: 2, bucket: 'pack', feature: 'pack:audit', sourceKey: 'evt_pack_2' }, MAR));
    // 5 period + 2 pack: a debit of 6 takes 5 from the period and 1 from the pack.
    const entries = await inAcme(() => credits.debit({ amount: 6, feature: 'audit', referenceId: reference }, MAR));
    expect(entries.map((e) => [e.bucket, e.amount])).toEqual([['period', -5], ['pack', -1]]);
    expect(await inAcme(() => credits.refund(reference, 'generation failed', MAR))).toBe(6);
    expect(await inAcme(() => credits.refund(reference, 'generation failed', MAR))).toBe(0);
    expect(await wallet()).toEqual({ period_balance: 5, pack_balance: 2 });
    expect(await ledgerSum()).toBe(7);
  });

  it('GET /api/credits pages the ledger for owners and admins only', async () => {
    const owner = (await t.login('acme', 'owner@acme.test')).token;
    const page1 = await t.request('GET', '/api/credits?limit=2', { host: host('acme'), token: owner });
    expect(page1.status).toBe(200);
    expect(page1.body.entries).toHaveLength(2);
    expect(page1.body.balance).toBe(page1.body.periodBalance + page1.body.packBalance);
    const page2 = await t.request('GET', `/api/credits?limit=2&before=${page1.body.nextBefore}`, { host: host('acme'), token: owner });
    expect(page2.status).toBe(200);
    expect(page2.body.entries[0].id).not.toBe(page1.body.entries[1].id);
    expect(new Date(page2.body.entries[0].createdAt) <= new Date(page1.body.entries[1].createdAt)).toBe(true);

    expect((await t.request('GET', '/api/credits?limit=0', { host: host('acme'), token: owner })).body.fields).toHaveProperty('limit');
    const manager = (await t.login('acme', 'manager@acme.test')).token;
    expect((await t.request('GET', '/api/credits', { host: host('acme'), token: manager })).status).toBe(403);
  });
});
