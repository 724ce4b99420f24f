import { InstagramTokenExpired } from './errors.js';
import { InstagramClient } from './instagram-client.js';
import type { MetricResult } from './insight-values.js';
import { splitIntoWindows, utcDayWindow } from './time-windows.js';
import { fakeClientConfig, loadFixtures, startFakeInstagram, type FakeInstagram } from './testing/index.js';
import type { JsonObject } from './json.js';

const fixtures = loadFixtures();
const TOKEN = (fixtures.longLivedToken as { access_token: string }).access_token;
const IG_ID = '17841405555512345';
const at = (iso: string): number => Date.parse(iso) / 1000;

let fake: FakeInstagram;
let client: InstagramClient;

beforeEach(async () => {
  fake = await startFakeInstagram();
  client = new InstagramClient(fakeClientConfig(fake));
});

afterEach(async () => {
  await fake.close();
});

function byMetric(results: MetricResult[]): Record<string, MetricResult> {
  return Object.fromEntries(results.map((result) => [result.metric, result]));
}

const insightCalls = (): Array<Record<string, string>> => fake.calls.filter((call) => call.path === `/v25.0/${IG_ID}/insights`).map((call) => call.query);
const reachFixture = (fixtures.userInsightsReach['values'] as Array<{ value: number; end_time: string }>).map((item) => ({ endTime: item.end_time, value: item.value }));

describe('getAccountInsightsSeries', () => {
  it('returns the daily reach series of user_insights_reach.json', async () => {
    const series = await client.getAccountInsightsSeries(TOKEN, IG_ID, { metric: 'reach', since: at('2026-09-09T07:00:00Z'), until: new Date('2026-09-14T07:00:00Z') });
    expect(series).toEqual({ metric: 'reach', status: 'ok', points: reachFixture });
    expect(insightCalls()).toEqual([{ metric: 'reach', period: 'day', metric_type: 'time_series', since: String(at('2026-09-09T07:00:00Z')), until: String(at('2026-09-14T07:00:00Z')) }]);
  });

  it('splits 90 days into three ≤30-day windows (the fake refuses wider ones) without duplicate days', async () => {
    const since = at('2026-06-16T07:00:00Z');
    const until = at('2026-09-14T07:00:00Z');
    const series = await client.getAccountInsightsSeries(TOKEN, IG_ID, { metric: 'reach', since, until });
    const calls = insightCalls();
    expect(calls).toHaveLength(3);
    for (const call of calls) expect(Number(call['until']) - Number(call['since'])).toBeLessThanOrEqual(30 * 86_400);
    expect(series.points).toHaveLength(90);
    expect(new Set(series.points.map((point) => point.endTime)).size).toBe(90);
    expect(series.points.slice(-5)).toEqual(reachFixture);
    expect(series.points[0]?.endTime).toBe('2026-06-17T07:00:00+0000');

    const tooWide = await fetch(`${fake.graphBaseUrl}/v25.0/${IG_ID}/insights?metric=reach&period=day&since=${since}&until=${until}`, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(tooWide.status).toBe(400);
    expect(((await tooWide.json()) as { error: { code: number } }).error.code).toBe(100);
  });

  it('an empty series (legacy follower_count under 100 followers) is unavailable', async () => {
    const small = fake.state.addAccount({ followersCount: 50 });
    await expect(client.getAccountInsightsSeries(small.token, small.igUserId, { metric: 'follower_count', since: at('2026-09-01T00:00:00Z'), until: at('2026-09-08T00:00:00Z') })).resolves.toEqual({
      metric: 'follower_count',
      status: 'unavailable',
      points: [],
    });
  });

  it('splitIntoWindows and utcDayWindow', () => {
    expect(splitIntoWindows(0, 61 * 86_400)).toEqual([
      { since: 0, until: 30 * 86_400 },
      { since: 30 * 86_400, until: 60 * 86_400 },
      { since: 60 * 86_400, until: 61 * 86_400 },
    ]);
    expect(() => splitIntoWindows(10, 10)).toThrow(RangeError);
    expect(utcDayWindow('2026-09-14')).toEqual({ since: at('2026-09-14T00:00:00Z'), until: at('2026-09-15T00:00:00Z') });
    expect(() => utcDayWindow('14/09/2026')).toThrow(RangeError);
  });
});

describe('getAccountTotalValues', () => {
  it('returns the total_value fixtures for one day, one call', async () => {
    const metrics = ['views', 'reach', 'accounts_engaged', 'total_interactions', 'profile_links_taps', 'follows_and_unfollows'];
    const results = byMetric(await client.getAccountTotalValues(TOKEN, IG_ID, { metrics, day: '2026-09-14' }));
    const fixtureTotals = Object.fromEntries(fixtures.userInsightsTotalValue.map((entry) => [entry['name'], (entry['total_value'] as JsonObject)['value']]));
    for (const metric of ['views', 'reach', 'accounts_engaged', 'total_interactions', 'profile_links_taps']) {
      expect(results[metric]).toMatchObject({ value: fixtureTotals[metric], status: 'ok' });
    }
    expect(results['views']?.value).toBe(412630);
    // No top-level value with a breakdown: the results are summed (§4.2).
    expect(results['follows_and_unfollows']).toEqual({
      metric: 'follows_and_unfollows',
      value: 1093 + 311,
      status: 'ok',
      breakdown: [
        { dimensionValues: ['FOLLOWER'], value: 1093 },
        { dimensionValues: ['NON_FOLLOWER'], value: 311 },
      ],
    });
    expect(insightCalls()).toEqual([
      { metric: metrics.join(','), period: 'day', metric_type: 'total_value', since: String(at('2026-09-14T00:00:00Z')), until: String(at('2026-09-15T00:00:00Z')) },
    ]);
  });

  it('with a breakdown some metrics refuse, falls back per metric and keeps the breakdown results', async () => {
    const results = byMetric(await client.getAccountTotalValues(TOKEN, IG_ID, { metrics: ['views', 'accounts_engaged', 'impressions'], day: new Date('2026-09-14T12:00:00Z'), breakdown: 'media_product_type' }));
    expect(results['views']).toMatchObject({ value: 412630, status: 'ok' });
    expect(results['views']?.breakdown?.map((result) => result.dimensionValues[0])).toEqual(['REEL', 'POST', 'CAROUSEL_CONTAINER', 'STORY']);
    expect(results['accounts_engaged']?.status).toBe('unavailable');
    expect(results['impressions']?.status).toBe('unavailable');
    expect(insightCalls()).toHaveLength(4);
  });

  it('synthetic accounts get deterministic numbers; under 100 followers follows_and_unfollows is unavailable', async () => {
    const small = fake.state.addAccount({ followersCount: 60 });
    const first = await client.getAccountTotalValues(small.token, small.igUserId, { metrics: ['reach', 'follows_and_unfollows'], day: '2026-09-01' });
    const again = await client.getAccountTotalValues(small.token, small.igUserId, { metrics: ['reach', 'follows_and_unfollows'], day: '2026-09-01' });
    expect(first).toEqual(again);
    expect(byMetric(first)['reach']?.status).toBe('ok');
    expect(byMetric(first)['follows_and_unfollows']).toEqual({ metric: 'follows_and_unfollows', value: null, status: 'unavailable' });
  });
});

describe('getOnlineFollowers', () => {
  it('returns the hour maps of online_followers.json, the empty day as null', async () => {
    const result = await client.getOnlineFollowers(TOKEN, IG_ID);
    const values = fixtures.onlineFollowers['values'] as Array<{ value: Record<string, number>; end_time: string }>;
    expect(result.status).toBe('ok');
    expect(result.days).toEqual([
      { endTime: '2026-09-12T07:00:00+0000', hours: values[0]?.value },
      { endTime: '2026-09-13T07:00:00+0000', hours: values[1]?.value },
      { endTime: '2026-09-14T07:00:00+0000', hours: null },
    ]);
    expect(result.days[0]?.hours?.['12']).toBe(2443);
    expect(insightCalls()[0]).toMatchObject({ metric: 'online_followers', period: 'lifetime' });
  });

  it('is unavailable (not an error) when the API returns nothing or refuses the metric', async () => {
    const small = fake.state.addAccount({ followersCount: 40 });
    await expect(client.getOnlineFollowers(small.token, small.igUserId)).resolves.toEqual({ status: 'unavailable', days: [], reason: 'no data returned' });
    fake.state.rejectMetric('online_followers');
    const refused = await client.getOnlineFollowers(TOKEN, IG_ID);
    expect(refused.status).toBe('unavailable');
    expect(refused.reason).toContain('100');
  });

  it('still propagates an expired token', async () => {
    fake.state.expireToken(TOKEN);
    await expect(client.getOnlineFollowers(TOKEN, IG_ID)).rejects.toBeInstanceOf(InstagramTokenExpired);
  });
});
