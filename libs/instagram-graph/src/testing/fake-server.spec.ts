import { InstagramClient } from '../instagram-client.js';
import { FAKE_REDIRECT_URI, fakeClientConfig, startFakeInstagram, type FakeInstagram } from './index.js';

const started: FakeInstagram[] = [];

async function start(options: Parameters<typeof startFakeInstagram>[0] = {}): Promise<FakeInstagram> {
  const fake = await startFakeInstagram(options);
  started.push(fake);
  return fake;
}

afterEach(async () => {
  await Promise.all(started.splice(0).map((fake) => fake.close()));
});

describe('startFakeInstagram', () => {
  it('listens on 127.0.0.1 and exposes the three base URLs', async () => {
    const fake = await start();
    expect(fake.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(fake.authorizeUrl).toBe(`${fake.url}/oauth/authorize`);
    expect(fake.apiBaseUrl).toBe(fake.url);
    expect(fake.graphBaseUrl).toBe(fake.url);
    expect(fake.state.fixtureAccount).toMatchObject({ igUserId: '17841405555512345', appScopedId: '26123456789012345', username: 'lumen.studio.co' });
  });

  it('is deterministic per seed', async () => {
    const a = await start({ seed: 7, accounts: 3, mediaPerAccount: 20 });
    const b = await start({ seed: 7, accounts: 3, mediaPerAccount: 20 });
    const c = await start({ seed: 8, accounts: 3, mediaPerAccount: 20 });
    const snapshot = (fake: FakeInstagram) => fake.state.accounts.slice(1).map((account) => ({ account, media: fake.state.mediaOf(account).map((media) => [media.id, media.wire, media.insights]) }));
    const nowless = (fake: FakeInstagram) => JSON.stringify(snapshot(fake)).replace(/"timestamp":"[^"]+"/g, '');
    expect(nowless(a)).toBe(nowless(b));
    expect(nowless(a)).not.toBe(nowless(c));
    expect(a.state.accounts.map((account) => account.token)).toEqual(b.state.accounts.map((account) => account.token));
  });

  it('writes the flat token answer with user_id as a bare integer above 2^53', async () => {
    const fake = await start();
    const code = fake.state.issueCode(undefined, FAKE_REDIRECT_URI);
    const response = await fetch(`${fake.apiBaseUrl}/oauth/access_token`, {
      method: 'POST',
      body: new URLSearchParams({ client_id: fake.state.settings.appId, client_secret: fake.state.settings.appSecret, grant_type: 'authorization_code', redirect_uri: FAKE_REDIRECT_URI, code }),
    });
    const text = await response.text();
    expect(response.status).toBe(200);
    expect(text).toContain('"user_id":26123456789012345,');
  });

  it('refuses the authorize request like Meta: wrong client_id, retired scope names, missing basic scope', async () => {
    const fake = await start();
    const authorize = (params: Record<string, string>) =>
      fetch(`${fake.authorizeUrl}?${new URLSearchParams({ client_id: fake.state.settings.appId, redirect_uri: FAKE_REDIRECT_URI, response_type: 'code', scope: 'instagram_business_basic', ...params })}`);
    expect((await authorize({})).status).toBe(200);
    expect((await authorize({ client_id: 'someone-else' })).status).toBe(400);
    const retired = await authorize({ scope: 'business_basic' });
    expect(retired.status).toBe(400);
    expect(await retired.text()).toContain('Invalid Scopes: business_basic');
    expect((await authorize({ scope: 'instagram_business_manage_insights' })).status).toBe(400);
  });

  it('answers Graph errors for unknown fields, missing tokens and other accounts’ objects', async () => {
    const fake = await start({ accounts: 1 });
    const token = fake.state.fixtureAccount.token;
    const other = fake.state.accounts[1];
    const get = async (path: string, bearer?: string) => {
      const response = await fetch(`${fake.graphBaseUrl}${path}`, bearer === undefined ? {} : { headers: { authorization: `Bearer ${bearer}` } });
      return { status: response.status, body: (await response.json()) as { error?: { code: number; error_subcode?: number; message: string } } };
    };
    expect((await get('/v25.0/me?fields=id,shoe_size', token)).body.error).toMatchObject({ code: 100, message: expect.stringContaining('nonexisting field (shoe_size)') });
    expect((await get('/v25.0/me')).body.error?.code).toBe(2500);
    expect((await get(`/v25.0/${other?.igUserId ?? ''}/media`, token)).body.error).toMatchObject({ code: 100, error_subcode: 33 });
  });

  it('logs calls and limits one-shot failures to the matching path', async () => {
    const fake = await start();
    const client = new InstagramClient(fakeClientConfig(fake, { retries: 0 }));
    fake.state.failNext({ pathIncludes: '/insights' });
    await expect(client.getMe(fake.state.fixtureAccount.token, ['id'])).resolves.toEqual({ id: '26123456789012345' });
    await expect(client.getOnlineFollowers(fake.state.fixtureAccount.token, 'me')).rejects.toMatchObject({ name: 'InstagramTransient' });
    expect(fake.calls.map((call) => [call.method, call.path])).toEqual([
      ['GET', '/v25.0/me'],
      ['GET', '/v25.0/me/insights'],
    ]);
    expect(fake.calls[0]?.query).toEqual({ fields: 'id' });
  });

  it('serves 200 accounts × 300 posts over keep-alive: every page, every id unique', async () => {
    const fake = await start({ accounts: 200, mediaPerAccount: 300, recordCalls: false });
    // A generous timeout: on a loaded 2-core CI machine a slow page must not turn into a retry,
    // which would make the call count below measure the machine rather than the client.
    const client = new InstagramClient(fakeClientConfig(fake, { timeoutMs: 60_000 }));
    const accounts = fake.state.accounts.slice(1);
    const counts = await Promise.all(
      accounts.map(async (account) => {
        let count = 0;
        for await (const page of client.listMedia(account.token, { igUserId: account.igUserId, limit: 100 })) count += page.items.length;
        return count;
      }),
    );
    expect(counts).toHaveLength(200);
    expect(counts.every((count) => count === 300)).toBe(true);
    expect(client.stats.calls).toBe(200 * 3);
    const ids = new Set(accounts.flatMap((account) => fake.state.mediaOf(account).map((media) => media.id)));
    expect(ids.size).toBe(60_000);
  });
});
