import { readObject, type JsonObject, type JsonValue } from '../json.js';
import { sendGraphError, sendJson, sendRaw } from './fake-http.js';
import {
  ACCOUNT_LIFETIME_METRICS,
  ACCOUNT_TIME_SERIES_METRICS,
  ACCOUNT_TOTAL_VALUE_METRICS,
  DEPRECATED_ACCOUNT_METRICS,
  DEPRECATED_MEDIA_METRICS,
  FACEBOOK_ONLY_METRICS,
  isValidMediaMetric,
} from './fake-metric-rules.js';
import { fakeUrl, type RouteContext } from './fake-route-context.js';
import type { FakeAccount, FakeMedia } from './fake-types.js';
import { fixtureReachByEndTime } from './fixtures.js';
import { syntheticDailyValue, syntheticOnlineHours, toMetaTimestamp } from './synthetic-data.js';

// /<media-id>/insights (§4.1) and /<ig-id>/insights (§4.2, §4.3), with Meta's failure modes: one
// invalid metric fails the whole call, ranges over 30 days are refused, missing data is empty.

const DAY = 86_400;
const MAX_RANGE_SECONDS = 30 * DAY;
// Meta's days end at 07:00 UTC (midnight US-Pacific), §4.2.
const DAY_END_OFFSET = 7 * 3600;
const MEDIA_SHARE_DIMENSIONS = ['REEL', 'POST', 'CAROUSEL_CONTAINER', 'STORY'];
const MEDIA_SHARE_WEIGHTS = [0.62, 0.2, 0.12, 0.06];

function metricList(context: RouteContext): string[] | undefined {
  const raw = context.request.query.get('metric');
  if (raw === null || raw.trim() === '') {
    sendGraphError(context.response, 400, { message: '(#100) The parameter metric is required', code: 100 }, context.headers);
    return undefined;
  }
  return raw.split(',').map((metric) => metric.trim()).filter((metric) => metric !== '');
}

/** The fixture's exact error for `impressions`, a generic code-100 one for anything else. */
function invalidMetric(context: RouteContext, metric: string, message: string): void {
  if (metric === 'impressions') return sendRaw(context.response, 400, context.state.fixtures.raw.errorInvalidMetric, context.headers);
  sendGraphError(context.response, 400, { message, code: 100 }, context.headers);
}

const titles = new Map<string, string>();

function titleOf(metric: string): string {
  let title = titles.get(metric);
  if (title === undefined) {
    const words = metric.replace(/^ig_reels_/, 'reels_').split('_');
    title = words.map((word, index) => (index === 0 ? `${word[0]?.toUpperCase() ?? ''}${word.slice(1)}` : word)).join(' ');
    titles.set(metric, title);
  }
  return title;
}

function breakdownValue(dimension: string, counts: Record<string, number>): JsonObject {
  const results = Object.entries(counts).map(([key, value]) => ({ dimension_values: [key], value }));
  return { value: Object.values(counts).reduce((sum, value) => sum + value, 0), breakdowns: [{ dimension_keys: [dimension], results }] };
}

function mediaEntry(media: FakeMedia, metric: string): JsonObject | undefined {
  const head = { name: metric, period: 'lifetime' };
  const tail = { title: titleOf(metric), description: `Fake ${metric} for ${media.productType.toLowerCase()} media.`, id: `${media.id}/insights/${metric}/lifetime` };
  const insights = media.insights;
  if (insights.kind === 'fixture') return insights.entries.find((entry) => entry['name'] === metric);
  if (insights.kind === 'empty') return { ...head, values: [], ...tail };
  const value = insights.values[metric];
  if (value === undefined) return undefined;
  const entry: JsonObject = { ...head, values: [{ value }], ...tail };
  if (metric === 'profile_activity') entry['total_value'] = breakdownValue('action_type', insights.profileActivity);
  if (metric === 'navigation') entry['total_value'] = breakdownValue('story_navigation_action_type', insights.navigation);
  return { ...entry, id: tail.id };
}

/** GET /<media-id>/insights?metric=a,b,c */
export function handleMediaInsights(context: RouteContext, media: FakeMedia): void {
  const metrics = metricList(context);
  if (metrics === undefined) return;
  for (const metric of metrics) {
    if (DEPRECATED_MEDIA_METRICS.has(metric)) {
      return invalidMetric(context, metric, `(#100) Starting from version 22 and above, the ${metric} metric is no longer supported for the queried media.`);
    }
    if (!isValidMediaMetric(metric, media.productType) || context.state.isMetricRejected(metric, media.id)) {
      return invalidMetric(context, metric, `(#100) The ${metric} metric is not supported for ${media.productType} media.`);
    }
    if (FACEBOOK_ONLY_METRICS.has(metric) && !media.sharedToFacebook) {
      return invalidMetric(context, metric, `(#100) The ${metric} metric is only available for media shared to Facebook.`);
    }
  }
  const data = metrics.flatMap((metric) => {
    const entry = mediaEntry(media, metric);
    return entry === undefined ? [] : [entry];
  });
  sendJson(context.response, 200, { data }, context.headers);
}

interface Window {
  since: number;
  until: number;
}

function readWindow(context: RouteContext, defaultDays: number): Window | undefined {
  const { query } = context.request;
  const since = query.get('since');
  const until = query.get('until');
  const now = context.state.settings.nowSeconds;
  const window = {
    since: since === null ? (until === null ? now - defaultDays * DAY : Number(until) - defaultDays * DAY) : Number(since),
    until: until === null ? now : Number(until),
  };
  if (!Number.isFinite(window.since) || !Number.isFinite(window.until) || window.until < window.since) {
    sendGraphError(context.response, 400, { message: '(#100) The since and until parameters must be unix timestamps with since before until', code: 100 }, context.headers);
    return undefined;
  }
  if (window.until - window.since > MAX_RANGE_SECONDS) {
    sendGraphError(context.response, 400, { message: '(#100) There cannot be more than 30 days (2592000 s) between since and until', code: 100 }, context.headers);
    return undefined;
  }
  return window;
}

/** 07:00 UTC instants e with since < e ≤ until. */
function dayEnds(window: Window): number[] {
  const ends: number[] = [];
  let end = Math.floor((window.since - DAY_END_OFFSET) / DAY) * DAY + DAY_END_OFFSET;
  if (end <= window.since) end += DAY;
  for (; end <= window.until; end += DAY) ends.push(end);
  return ends;
}

function insightsPaging(context: RouteContext, window: Window): JsonObject {
  const span = window.until - window.since;
  const shifted = (delta: number): string => {
    const params = new URLSearchParams(context.request.query);
    params.set('since', String(window.since + delta));
    params.set('until', String(window.until + delta));
    return fakeUrl(context, context.request.path, params, context.request.token);
  };
  return { previous: shifted(-span), next: shifted(span) };
}

function accountEntryHead(account: FakeAccount, metric: string, period: string): { head: JsonObject; tail: JsonObject } {
  return {
    head: { name: metric, period },
    tail: { title: titleOf(metric), description: `Fake ${metric}.`, id: `${account.igUserId}/insights/${metric}/${period}` },
  };
}

function seriesResponse(context: RouteContext, account: FakeAccount, metrics: string[], window: Window): void {
  const fixtureReach = account.fixture ? fixtureReachByEndTime(context.state.fixtures) : new Map<string, number>();
  const data = metrics.flatMap((metric): JsonObject[] => {
    // follower_count is not returned under 100 followers (§4.2).
    if (metric === 'follower_count' && account.followersCount < 100) return [];
    const values = dayEnds(window).map((end) => {
      const endTime = toMetaTimestamp(end);
      const value = (metric === 'reach' ? fixtureReach.get(endTime) : undefined) ?? syntheticDailyValue(context.state.settings.seed, account, metric, Math.floor(end / DAY));
      return { value, end_time: endTime };
    });
    const { head, tail } = accountEntryHead(account, metric, 'day');
    return [{ ...head, values, ...tail }];
  });
  sendJson(context.response, 200, { data, paging: insightsPaging(context, window) }, context.headers);
}

function fixtureTotalValue(context: RouteContext, metric: string): JsonObject | undefined {
  const { fixtures } = context.state;
  return [...fixtures.userInsightsTotalValue, ...fixtures.userInsightsFollowsBreakdown].find((entry) => entry['name'] === metric);
}

function withoutBreakdowns(entry: JsonObject): JsonObject {
  const total = readObject(entry, 'total_value');
  if (total === undefined || typeof total['value'] !== 'number') return entry;
  return { ...entry, total_value: { value: total['value'] } };
}

function totalValueEntry(context: RouteContext, account: FakeAccount, metric: string, window: Window, breakdown: string | undefined): JsonObject | undefined {
  if (account.fixture) {
    const fixture = fixtureTotalValue(context, metric);
    if (fixture !== undefined) return breakdown === undefined ? withoutBreakdowns(fixture) : fixture;
  }
  if (metric === 'follows_and_unfollows' && account.followersCount < 100) return undefined;
  const value = syntheticDailyValue(context.state.settings.seed, account, metric, Math.floor(window.since / DAY));
  const { head, tail } = accountEntryHead(account, metric, 'day');
  let totalValue: JsonObject = { value };
  if (breakdown === 'media_product_type') {
    const counts: Record<string, number> = {};
    MEDIA_SHARE_DIMENSIONS.forEach((dimension, index) => {
      counts[dimension] = Math.round(value * (MEDIA_SHARE_WEIGHTS[index] ?? 0));
    });
    totalValue = breakdownValue('media_product_type', counts);
  } else if (breakdown !== undefined) {
    totalValue = breakdownValue(breakdown, { FOLLOWER: Math.round(value * 0.7), NON_FOLLOWER: Math.round(value * 0.3) });
  }
  return { ...head, ...tail, total_value: totalValue, id: tail['id'] ?? '' };
}

function totalValueResponse(context: RouteContext, account: FakeAccount, metrics: string[], window: Window): void {
  const breakdown = context.request.query.get('breakdown') ?? undefined;
  if (breakdown !== undefined) {
    const unsupported = metrics.find((metric) => !ACCOUNT_TOTAL_VALUE_METRICS.get(metric)?.has(breakdown));
    if (unsupported !== undefined) {
      return sendGraphError(context.response, 400, { message: `(#100) The breakdown ${breakdown} is not supported for the ${unsupported} metric`, code: 100 }, context.headers);
    }
  }
  const data = metrics.flatMap((metric) => {
    const entry = totalValueEntry(context, account, metric, window, breakdown);
    return entry === undefined ? [] : [entry];
  });
  sendJson(context.response, 200, { data, paging: insightsPaging(context, window) }, context.headers);
}

function onlineFollowersEntry(context: RouteContext, account: FakeAccount, window: Window): JsonObject | undefined {
  if (account.fixture) return context.state.fixtures.onlineFollowers;
  // Not available under 100 followers (§4.3).
  if (account.followersCount < 100) return undefined;
  const values: JsonValue[] = dayEnds(window).map((end) => ({ value: syntheticOnlineHours(context.state.settings.seed, account, Math.floor(end / DAY)), end_time: toMetaTimestamp(end) }));
  const { head, tail } = accountEntryHead(account, 'online_followers', 'lifetime');
  return { ...head, values, ...tail };
}

function demographicsEntry(context: RouteContext, account: FakeAccount, metric: string): JsonObject | undefined {
  const fixture = context.state.fixtures.followerDemographics[0];
  if (account.fixture && fixture !== undefined) return { ...fixture, name: metric, id: `${account.igUserId}/insights/${metric}/lifetime` };
  if (account.followersCount < 100) return undefined;
  const { head, tail } = accountEntryHead(account, metric, 'lifetime');
  const share = (fraction: number): number => Math.round(account.followersCount * fraction);
  return { ...head, ...tail, total_value: breakdownValue('country', { US: share(0.4), BR: share(0.2), PT: share(0.1) }) };
}

function lifetimeResponse(context: RouteContext, account: FakeAccount, metrics: string[]): void {
  const timeframe = context.request.query.get('timeframe');
  const needsTimeframe = metrics.some((metric) => metric !== 'online_followers');
  if (needsTimeframe && timeframe !== 'this_week' && timeframe !== 'this_month') {
    return sendGraphError(context.response, 400, { message: '(#100) Demographic metrics require timeframe=this_week or this_month', code: 100 }, context.headers);
  }
  const window = readWindow(context, 3);
  if (window === undefined) return;
  const data = metrics.flatMap((metric) => {
    const entry = metric === 'online_followers' ? onlineFollowersEntry(context, account, window) : demographicsEntry(context, account, metric);
    return entry === undefined ? [] : [entry];
  });
  sendJson(context.response, 200, { data }, context.headers);
}

/** GET /<ig-id>/insights?metric=…&period=day|lifetime[&metric_type=time_series|total_value][&since&until][&breakdown][&timeframe] */
export function handleAccountInsights(context: RouteContext, account: FakeAccount): void {
  const metrics = metricList(context);
  if (metrics === undefined) return;
  const { query } = context.request;
  const period = query.get('period');
  for (const metric of metrics) {
    const known = ACCOUNT_TIME_SERIES_METRICS.has(metric) || ACCOUNT_TOTAL_VALUE_METRICS.has(metric) || ACCOUNT_LIFETIME_METRICS.has(metric);
    if (DEPRECATED_ACCOUNT_METRICS.has(metric) || !known || context.state.isMetricRejected(metric, account.igUserId)) {
      return invalidMetric(context, metric, `(#100) The ${metric} metric is not supported for this account.`);
    }
  }
  if (period === 'lifetime') {
    const wrong = metrics.find((metric) => !ACCOUNT_LIFETIME_METRICS.has(metric));
    if (wrong !== undefined) return invalidMetric(context, wrong, `(#100) The period lifetime is not supported for the ${wrong} metric.`);
    return lifetimeResponse(context, account, metrics);
  }
  if (period !== 'day') return sendGraphError(context.response, 400, { message: '(#100) The parameter period is required and must be day or lifetime', code: 100 }, context.headers);
  const window = readWindow(context, 1);
  if (window === undefined) return;
  if (query.get('metric_type') === 'total_value') {
    const wrong = metrics.find((metric) => !ACCOUNT_TOTAL_VALUE_METRICS.has(metric));
    if (wrong !== undefined) return invalidMetric(context, wrong, `(#100) metric_type=total_value is not supported for the ${wrong} metric.`);
    return totalValueResponse(context, account, metrics, window);
  }
  const wrong = metrics.find((metric) => !ACCOUNT_TIME_SERIES_METRICS.has(metric));
  if (wrong !== undefined) return invalidMetric(context, wrong, `(#100) The following metrics (${wrong}) should be specified with parameter metric_type=total_value`);
  seriesResponse(context, account, metrics, window);
}
