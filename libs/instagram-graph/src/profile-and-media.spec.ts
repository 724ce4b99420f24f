import { InstagramError } from './errors.js';
import { InstagramClient } from './instagram-client.js';
import type { InstagramMedia, InstagramMediaPage } from './media-list.js';
import { isProfessionalAccount } from './profile.js';
import { fakeClientConfig, loadFixtures, startFakeInstagram, type FakeInstagram } from './testing/index.js';

const fixtures = loadFixtures();
const TOKEN = (fixtures.longLivedToken as { access_token: string }).access_token;
const IG_ID = '17841405555512345';

let fake: FakeInstagram;
let client: InstagramClient;

beforeEach(async () => {
  fake = await startFakeInstagram({ mediaPerAccount: 120 });
  client = new InstagramClient(fakeClientConfig(fake));
});

afterEach(async () => {
  await fake.close();
});

async function collect(pages: AsyncIterable<InstagramMediaPage>): Promise<InstagramMediaPage[]> {
  const result: InstagramMediaPage[] = [];
  for await (const page of pages) result.push(page);
  return result;
}

describe('getMe', () => {
  it('returns every §2.2 field of fixtures/me.json, ids as strings', async () => {
    const profile = await client.getMe(TOKEN);
    expect(profile).toEqual(fixtures.me);
    expect(profile.id).toBe('26123456789012345');
    expect(profile.user_id).toBe(IG_ID);
    expect(isProfessionalAccount(profile.account_type)).toBe(true);
    const call = fake.calls.at(-1);
    expect(call?.path).toBe('/v25.0/me');
    expect(call?.query['fields']?.split(',')).toEqual(['id', 'user_id', 'username', 'name', 'account_type', 'profile_picture_url', 'followers_count', 'follows_count', 'media_count', 'biography', 'website']);
    // Default transport: Bearer header, so the token is not in the URL.
    expect(call?.query['access_token']).toBeUndefined();
    expect(call?.token).toBe(TOKEN);
  });

  it('asks only the given fields', async () => {
    await expect(client.getMe(TOKEN, ['id', 'user_id', 'username'])).resolves.toEqual({ id: '26123456789012345', user_id: IG_ID, username: 'lumen.studio.co' });
  });

  it('sends the token as a query parameter when configured so', async () => {
    const queryClient = new InstagramClient(fakeClientConfig(fake, { tokenTransport: 'query' }));
    await queryClient.getMe(TOKEN, ['id']);
    expect(fake.calls.at(-1)?.query['access_token']).toBe(TOKEN);
  });

  it('isProfessionalAccount compares case-insensitively', () => {
    expect(isProfessionalAccount('Media_Creator')).toBe(true);
    expect(isProfessionalAccount('PERSONAL')).toBe(false);
    expect(isProfessionalAccount(undefined)).toBe(false);
  });
});

describe('listMedia', () => {
  it('follows paging.next across the two fixture pages with limit 3', async () => {
    const pages = await collect(client.listMedia(TOKEN, { igUserId: IG_ID, limit: 3 }));
    expect(pages.map((page) => page.items.length)).toEqual([3, 1]);
    expect(pages.map((page) => page.hasMore)).toEqual([true, false]);
    const items = pages.flatMap((page) => page.items);
    expect(items).toEqual(fixtures.mediaItems);
    expect(items.map((item) => item.id)).toEqual(['18034567890123456', '17987654321098765', '18123456789000111', '18011122233344455']);
    // Missing fields stay missing: no like_count on the image (hidden likes), no media_url on the page-2 reel.
    expect(items[2]).not.toHaveProperty('like_count');
    expect(items[3]).not.toHaveProperty('media_url');
    expect(items[1]?.children?.data.map((child) => child.id)).toEqual(['17900000000000101', '17900000000000102', '17900000000000103']);

    const mediaCalls = fake.calls.filter((call) => call.path === `/v25.0/${IG_ID}/media`);
    expect(mediaCalls).toHaveLength(2);
    // The second request is the fake's paging.next, which embeds the token like the real API.
    expect(mediaCalls[1]?.query['access_token']).toBe(TOKEN);
    expect(mediaCalls[1]?.query['after']).toBeDefined();
    expect(mediaCalls[1]?.query['limit']).toBe('3');
  });

  it('pages a synthetic account of 120 media in pages of 50, newest first, and respects maxItems', async () => {
    const account = fake.state.addAccount();
    const pages = await collect(client.listMedia(account.token, { limit: 50 }));
    expect(pages.map((page) => page.items.length)).toEqual([50, 50, 20]);
    const items = pages.flatMap((page) => page.items);
    expect(new Set(items.map((item) => item.id)).size).toBe(120);
    const times = items.map((item) => Date.parse(item.timestamp ?? ''));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    expect(items.every((item) => typeof item.id === 'string' && item.media_product_type !== undefined)).toBe(true);

    const capped = await collect(client.listMedia(account.token, { limit: 50, maxItems: 60 }));
    expect(capped.map((page) => page.items.length)).toEqual([50, 10]);
    expect(capped.at(-1)?.hasMore).toBe(false);
  });

  it('passes since through and gets only newer media', async () => {
    const account = fake.state.addAccount();
    const all: InstagramMedia[] = (await collect(client.listMedia(account.token, { limit: 100 }))).flatMap((page) => page.items);
    const pivot = all[30];
    const since = Math.floor(Date.parse(pivot?.timestamp ?? '') / 1000);
    const newer = (await collect(client.listMedia(account.token, { since, limit: 100 }))).flatMap((page) => page.items);
    expect(newer.map((item) => item.id)).toEqual(all.slice(0, 31).map((item) => item.id));
    expect(fake.calls.at(-1)?.query['since']).toBe(String(since));
  });

  it('refuses to send the token to a paging.next outside the Graph host', async () => {
    const hostile = new InstagramClient({
      ...fakeClientConfig(fake),
      fetch: async () =>
        new Response(JSON.stringify({ data: [{ id: '1' }], paging: { next: 'https://evil.example/steal?access_token=IGAAleaked' } }), {
          status: 200,
          headers: { 'content-type': 'application/json' },
        }),
    });
    const error = await collect(hostile.listMedia(TOKEN)).catch((failure: unknown) => failure);
    expect(error).toBeInstanceOf(InstagramError);
    expect((error as Error).message).toContain('access_token=REDACTED');
    expect((error as Error).message).not.toContain('IGAAleaked');
  });
});

describe('subscribeWebhooks', () => {
  it('POSTs subscribed_fields to /<id>/subscribed_apps and the fake records them', async () => {
    await expect(client.subscribeWebhooks(TOKEN, IG_ID, ['comments', 'messages'])).resolves.toBe(true);
    expect(fake.state.subscriptions.get(IG_ID)).toEqual(['comments', 'messages']);
    expect(fake.calls.at(-1)).toMatchObject({ method: 'POST', path: `/v25.0/${IG_ID}/subscribed_apps`, query: { subscribed_fields: 'comments,messages' } });
  });

  it('fails on an unknown field', async () => {
    await expect(client.subscribeWebhooks(TOKEN, IG_ID, ['story_insights'])).rejects.toMatchObject({ code: 100 });
  });

  it('refuses node ids that are not digits', async () => {
    await expect(client.subscribeWebhooks(TOKEN, '../me', ['comments'])).rejects.toThrow(TypeError);
  });
});
