import { InstagramClient } from './instagram-client.js';
import type { MetricResult } from './insight-values.js';
import { FEED_METRICS, REELS_METRICS, STORY_METRICS, mediaMetricPlan } from './media-insight-metrics.js';
import { fakeClientConfig, loadFixtures, startFakeInstagram, type FakeInstagram } from './testing/index.js';
import type { JsonObject } from './json.js';

const fixtures = loadFixtures();
const TOKEN = (fixtures.longLivedToken as { access_token: string }).access_token;
const REEL = { id: '18034567890123456', media_type: 'VIDEO', media_product_type: 'REELS' };
const IMAGE = { id: '18123456789000111', media_type: 'IMAGE', media_product_type: 'FEED' };
const FRESH_REEL = { id: '18011122233344455', media_type: 'VIDEO', media_product_type: 'REELS' };

let fake: FakeInstagram;
let client: InstagramClient;

beforeEach(async () => {
  fake = await startFakeInstagram();
  client = new InstagramClient(fakeClientConfig(fake));
});

afterEach(async () => {
  await fake.close();
});

function fixtureValues(entries: JsonObject[]): Record<string, number> {
  const values: Record<string, number> = {};
  for (const entry of entries) {
    const first = (entry['values'] as Array<{ value: number }>)[0];
    if (first !== undefined) values[entry['name'] as string] = first.value;
  }
  return values;
}

function byMetric(results: MetricResult[]): Record<string, MetricResult> {
  return Object.fromEntries(results.map((result) => [result.metric, result]));
}

function insightCalls(mediaId: string): string[] {
  return fake.calls.filter((call) => call.path === `/v25.0/${mediaId}/insights`).map((call) => call.query['metric'] ?? '');
}

describe('metric lists per surface (§4.1)', () => {
  it('FEED asks follows/profile_visits/profile_activity; REELS asks watch time and skip rate instead; nothing deprecated', () => {
    expect(mediaMetricPlan(IMAGE).primary).toEqual(FEED_METRICS);
    expect(mediaMetricPlan({ media_type: 'CAROUSEL_ALBUM', media_product_type: 'FEED' }).primary).toEqual(FEED_METRICS);
    expect(mediaMetricPlan(REEL).primary).toEqual(REELS_METRICS);
    expect(mediaMetricPlan({ media_product_type: 'STORY', media_type: 'IMAGE' }).primary).toEqual(STORY_METRICS);
    expect(REELS_METRICS).toEqual(expect.arrayContaining(['ig_reels_avg_watch_time', 'ig_reels_video_view_total_time', 'reels_skip_rate', 'reposts']));
    expect(REELS_METRICS).not.toEqual(expect.arrayContaining(['follows']));
    expect(REELS_METRICS).not.toContain('profile_visits');
    expect(FEED_METRICS).toEqual(expect.arrayContaining(['follows', 'profile_visits', 'profile_activity', 'saved']));
    expect(STORY_METRICS).toEqual(expect.arrayContaining(['navigation', 'replies']));
    expect(STORY_METRICS).not.toContain('likes');
    for (const list of [FEED_METRICS, REELS_METRICS, STORY_METRICS]) {
      for (const removed of ['impressions', 'plays', 'video_views', 'engagement', 'clips_replays_count']) expect(list).not.toContain(removed);
    }
    // Without media_product_type a VIDEO may be a reel or a feed video: only the common set is safe.
    expect(mediaMetricPlan({ media_type: 'VIDEO' }).primary).toEqual(['views', 'reach', 'likes', 'comments', 'saved', 'shares', 'total_interactions']);
    expect(mediaMetricPlan(REEL).fragile).toEqual(['crossposted_views', 'facebook_views']);
  });
});

describe('getMediaInsights', () => {
  it('returns every value of media_insights_reel.json in one call', async () => {
    const results = await client.getMediaInsights(TOKEN, REEL);
    const expected = fixtureValues(fixtures.mediaInsightsReel);
    expect(results.map((result) => result.metric)).toEqual(REELS_METRICS);
    for (const result of results) expect(result).toEqual({ metric: result.metric, value: expected[result.metric], status: 'ok' });
    expect(byMetric(results)['reels_skip_rate']?.value).toBe(38.64);
    expect(byMetric(results)['ig_reels_video_view_total_time']?.value).toBe(455483144);
    expect(insightCalls(REEL.id)).toEqual([REELS_METRICS.join(',')]);
  });

  it('returns media_insights_image.json values, the profile_activity breakdown, and reposts (absent from the answer) as unavailable', async () => {
    const results = byMetric(await client.getMediaInsights(TOKEN, IMAGE));
    const expected = fixtureValues(fixtures.mediaInsightsImage);
    for (const [metric, value] of Object.entries(expected)) expect(results[metric]).toMatchObject({ value, status: 'ok' });
    expect(results['profile_activity']?.breakdown).toEqual([
      { dimensionValues: ['BIO_LINK_CLICKED'], value: 19 },
      { dimensionValues: ['EMAIL'], value: 5 },
      { dimensionValues: ['DIRECTION'], value: 3 },
    ]);
    expect(results['reposts']).toEqual({ metric: 'reposts', value: null, status: 'unavailable' });
  });

  it('maps values: [] to unavailable, never 0', async () => {
    const results = await client.getMediaInsights(TOKEN, FRESH_REEL);
    expect(results).toHaveLength(REELS_METRICS.length);
    for (const result of results) expect(result).toEqual({ metric: result.metric, value: null, status: 'unavailable' });
  });

  it('falls back to one metric per call when one metric is invalid: the others still come back', async () => {
    fake.state.rejectMetric('reels_skip_rate', REEL.id);
    const results = byMetric(await client.getMediaInsights(TOKEN, REEL));
    expect(results['reels_skip_rate']).toMatchObject({ metric: 'reels_skip_rate', value: null, status: 'unavailable' });
    expect(results['reels_skip_rate']?.reason).toContain('100');
    const expected = fixtureValues(fixtures.mediaInsightsReel);
    for (const metric of REELS_METRICS.filter((name) => name !== 'reels_skip_rate')) expect(results[metric]).toEqual({ metric, value: expected[metric], status: 'ok' });
    // One failed multi-metric call, then one call per metric.
    expect(insightCalls(REEL.id)).toEqual([REELS_METRICS.join(','), ...REELS_METRICS]);
  });

  it('a reel mislabelled as FEED gets follows/profile_visits/profile_activity refused by the fake, and the rest', async () => {
    const results = byMetric(await client.getMediaInsights(TOKEN, { ...REEL, media_product_type: 'FEED' }));
    for (const metric of ['follows', 'profile_visits', 'profile_activity']) expect(results[metric]?.status).toBe('unavailable');
    expect(results['views']).toMatchObject({ value: 61452, status: 'ok' });
    expect(results['reach']).toMatchObject({ value: 40117, status: 'ok' });
  });

  it('surfaces the fixture error text when a deprecated metric is forced, as unavailable', async () => {
    const [impressions] = await client.getMediaInsights(TOKEN, IMAGE, { metrics: ['impressions'] });
    expect(impressions).toMatchObject({ metric: 'impressions', value: null, status: 'unavailable' });
    expect(impressions?.reason).toContain('the impressions metric is no longer supported for the queried user');
  });

  it('asks fragile metrics one per call, best effort', async () => {
    const account = fake.state.addAccount();
    const reels = fake.state.mediaOf(account).filter((media) => media.productType === 'REELS' && media.insights.kind === 'synthetic');
    const shared = reels.find((media) => media.sharedToFacebook);
    const notShared = reels.find((media) => !media.sharedToFacebook);
    expect(shared).toBeDefined();
    expect(notShared).toBeDefined();
    const ref = (media: typeof shared) => ({ id: media?.id ?? '', media_type: 'VIDEO', media_product_type: 'REELS' });

    const sharedResults = byMetric(await client.getMediaInsights(account.token, ref(shared), { includeFragile: true }));
    expect(sharedResults['crossposted_views']?.status).toBe('ok');
    expect(sharedResults['facebook_views']?.status).toBe('ok');
    expect(insightCalls(shared?.id ?? '')).toEqual([REELS_METRICS.join(','), 'crossposted_views', 'facebook_views']);

    const notSharedResults = byMetric(await client.getMediaInsights(account.token, ref(notShared), { includeFragile: true }));
    expect(notSharedResults['crossposted_views']?.status).toBe('unavailable');
    expect(notSharedResults['views']?.status).toBe('ok');
  });

  it('a story with too few viewers ("(#10) Not enough viewers") is all unavailable, not a failure', async () => {
    const storyClient = new InstagramClient({
      ...fakeClientConfig(fake),
      fetch: async () =>
        new Response(JSON.stringify({ error: { message: '(#10) Not enough viewers for the media to show insights', type: 'OAuthException', code: 10, fbtrace_id: 'x' } }), { status: 400 }),
    });
    const results = await storyClient.getMediaInsights(TOKEN, { id: '17999999999999999', media_type: 'IMAGE', media_product_type: 'STORY' });
    expect(results.map((result) => result.metric)).toEqual(STORY_METRICS);
    for (const result of results) expect(result).toMatchObject({ value: null, status: 'unavailable', reason: 'not enough viewers' });
  });

  it("rejects another account's media id as a plain (non-metric) error", async () => {
    const other = fake.state.addAccount();
    await expect(client.getMediaInsights(other.token, REEL)).rejects.toMatchObject({ code: 100, subcode: 33, name: 'InstagramError' });
  });
});
