import type { ResolvedConfig } from './config.js';
import { InstagramInvalidMetric, InstagramPermissionDenied } from './errors.js';
import { assertNodeId, graphUrl, toUnixSeconds } from './graph-url.js';
import type { HttpTransport } from './http-transport.js';
import { insightEntries, type InsightStatus, type MetricResult } from './insight-values.js';
import { fetchMetrics } from './insights-request.js';
import { isJsonObject, readArray, readNumber, readString, type JsonValue } from './json.js';
import { MAX_INSIGHTS_WINDOW_SECONDS, splitIntoWindows, utcDayWindow } from './time-windows.js';

// `GET /<IG_ID>/insights` (API.md §4.2, §4.3).

/** Only `reach` (and legacy `follower_count`) give a true per-day series; everything else is total_value. */
export type SeriesMetric = 'reach' | 'follower_count';

export interface SeriesOptions {
  metric: SeriesMetric;
  since: Date | number;
  until: Date | number;
}

export interface SeriesPoint {
  /** Meta's day end (07:00 UTC = midnight US-Pacific). */
  endTime: string;
  value: number | null;
}

export interface AccountSeries {
  metric: SeriesMetric;
  status: InsightStatus;
  points: SeriesPoint[];
}

function seriesPoints(body: JsonValue, metric: string): SeriesPoint[] {
  const entry = insightEntries(body).find(({ name }) => name === metric)?.entry;
  if (entry === undefined) return [];
  return (readArray(entry, 'values') ?? []).filter(isJsonObject).flatMap((item) => {
    const endTime = readString(item, 'end_time');
    if (endTime === undefined) return [];
    return [{ endTime, value: readNumber(item, 'value') ?? null }];
  });
}

export async function getAccountInsightsSeries(config: ResolvedConfig, http: HttpTransport, token: string, igUserId: string, options: SeriesOptions): Promise<AccountSeries> {
  const id = assertNodeId(igUserId, 'user id');
  const byEndTime = new Map<string, SeriesPoint>();
  for (const window of splitIntoWindows(options.since, options.until, MAX_INSIGHTS_WINDOW_SECONDS)) {
    const { body } = await http.send({
      method: 'GET',
      url: graphUrl(config, [id, 'insights'], { metric: options.metric, period: 'day', metric_type: 'time_series', since: window.since, until: window.until }),
      token,
      idempotent: true,
      envelope: 'graph',
      insightsCall: true,
    });
    // Windows share their boundary instant; a day reported twice keeps one row.
    for (const point of seriesPoints(body, options.metric)) byEndTime.set(point.endTime, point);
  }
  const points = [...byEndTime.values()].sort((a, b) => Date.parse(a.endTime) - Date.parse(b.endTime));
  return { metric: options.metric, status: points.some((point) => point.value !== null) ? 'ok' : 'unavailable', points };
}

export interface TotalValuesOptions {
  /** total_value metrics (views, reach, accounts_engaged, total_interactions, likes, comments, saves, shares, replies, reposts, profile_links_taps, follows_and_unfollows…). */
  metrics: readonly string[];
  /** One calendar day: `YYYY-MM-DD` or a Date, taken as [00:00 UTC, next 00:00 UTC). */
  day: string | Date;
  /** e.g. `media_product_type`, `follow_type`; metrics that don't support it fall back to unavailable. */
  breakdown?: string;
}

/** total_value metrics answer one number for the whole window, so per-day rows need one call per day (§4.2). */
export async function getAccountTotalValues(config: ResolvedConfig, http: HttpTransport, token: string, igUserId: string, options: TotalValuesOptions): Promise<MetricResult[]> {
  const id = assertNodeId(igUserId, 'user id');
  const window = utcDayWindow(options.day);
  const urlFor = (metrics: readonly string[]): URL =>
    graphUrl(config, [id, 'insights'], {
      metric: metrics.join(','),
      period: 'day',
      metric_type: 'total_value',
      since: window.since,
      until: window.until,
      breakdown: options.breakdown,
    });
  return fetchMetrics(http, token, options.metrics, urlFor);
}

export interface OnlineFollowersDay {
  endTime: string;
  /** Hour "0".."23" (apparently US-Pacific, UNCONFIRMED) → followers online; null when Meta sent `{}`. */
  hours: Record<string, number> | null;
}

export interface OnlineFollowers {
  status: InsightStatus;
  days: OnlineFollowersDay[];
  reason?: string;
}

export interface OnlineFollowersOptions {
  since?: Date | number;
  until?: Date | number;
}

function hourMap(value: JsonValue | undefined): Record<string, number> | null {
  if (!isJsonObject(value)) return null;
  const hours: Record<string, number> = {};
  for (const [hour, count] of Object.entries(value)) {
    if (typeof count === 'number' && /^\d{1,2}$/.test(hour)) hours[hour] = count;
  }
  return Object.keys(hours).length === 0 ? null : hours;
}

/** Best effort (§4.3): not in the current metric table, missing under 100 followers. Refusals and empty
 * answers become `unavailable`; token/throttle/transient errors still propagate. */
export async function getOnlineFollowers(config: ResolvedConfig, http: HttpTransport, token: string, igUserId: string, options: OnlineFollowersOptions = {}): Promise<OnlineFollowers> {
  const id = assertNodeId(igUserId, 'user id');
  let since = options.since === undefined ? undefined : toUnixSeconds(options.since);
  const until = options.until === undefined ? undefined : toUnixSeconds(options.until);
  // Only the last 30 days exist; keep an explicit range inside the 30-day limit.
  if (since !== undefined && until !== undefined && until - since > MAX_INSIGHTS_WINDOW_SECONDS) since = until - MAX_INSIGHTS_WINDOW_SECONDS;
  let body: JsonValue;
  try {
    ({ body } = await http.send({
      method: 'GET',
      url: graphUrl(config, [id, 'insights'], { metric: 'online_followers', period: 'lifetime', since, until }),
      token,
      idempotent: true,
      envelope: 'graph',
      insightsCall: true,
    }));
  } catch (error) {
    if (error instanceof InstagramInvalidMetric || (error instanceof InstagramPermissionDenied && error.code === 10)) {
      return { status: 'unavailable', days: [], reason: `refused by the API (code ${error.code ?? 'unknown'})` };
    }
    throw error;
  }
  const entry = insightEntries(body).find(({ name }) => name === 'online_followers')?.entry;
  const days = (entry === undefined ? [] : (readArray(entry, 'values') ?? []))
    .filter(isJsonObject)
    .flatMap((item) => {
      const endTime = readString(item, 'end_time');
      return endTime === undefined ? [] : [{ endTime, hours: hourMap(item['value']) }];
    });
  const status: InsightStatus = days.some((day) => day.hours !== null) ? 'ok' : 'unavailable';
  return status === 'ok' ? { status, days } : { status, days, reason: 'no data returned' };
}
