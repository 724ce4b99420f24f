import type { EngineInput, FollowerPoint, FollowerSeries, GrowthAnalysis, GrowthAnomaly, Metric } from './types.js';
import { insufficient, ok } from './metric.js';
import { leastSquaresSlope, mad, mean, median } from './stats.js';
import { THRESHOLDS } from './thresholds.js';
import { addDays, dayDiff, daysBetween, localDay } from './time.js';

/** First and last local day of the analysis window. */
export function windowDays(input: EngineInput): { from: string; to: string } {
  const to = localDay(input.now, input.account.timeZone);
  return { from: addDays(to, -((input.windowDays ?? 90) - 1)), to };
}

/**
 * Stored follower snapshots plus an estimate for each missing day, reconstructed from
 * follows_and_unfollows (net = follows − unfollows during that day) and anchored on a real snapshot:
 * forward F(d) = F(d − 1) + net(d), backward F(d) = F(d + 1) − net(d + 1). A day without a chain to
 * an anchor stays missing rather than being guessed.
 */
export function followerSeries(input: EngineInput): FollowerSeries {
  const { from, to } = windowDays(input);
  const days = daysBetween(from, to);
  const real = new Map<string, number>();
  const net = new Map<string, number>();
  for (const s of input.snapshots) {
    if (s.day < from || s.day > to) continue;
    if (s.followers !== null && s.followers !== undefined) real.set(s.day, s.followers);
    if (s.followsAndUnfollows) net.set(s.day, s.followsAndUnfollows.follows - s.followsAndUnfollows.unfollows);
  }
  const value = new Map<string, { followers: number; estimated: boolean }>();
  for (const [d, f] of real) value.set(d, { followers: f, estimated: false });

  let last: number | null = null;
  for (const d of days) {
    const r = real.get(d);
    if (r !== undefined) last = r;
    else if (last !== null && net.has(d)) {
      last += net.get(d)!;
      value.set(d, { followers: last, estimated: true });
    } else last = null;
  }
  let next: number | null = null;
  let nextDay: string | null = null;
  for (let i = days.length - 1; i >= 0; i--) {
    const d = days[i];
    const v = value.get(d);
    if (v) {
      next = v.followers;
      nextDay = d;
    } else if (next !== null && nextDay !== null && net.has(nextDay)) {
      next -= net.get(nextDay)!;
      value.set(d, { followers: next, estimated: true });
      nextDay = d;
    } else {
      next = null;
      nextDay = null;
    }
  }
  const points: FollowerPoint[] = [];
  const missingDays: string[] = [];
  for (const d of days) {
    const v = value.get(d);
    if (v) points.push({ day: d, followers: v.followers, estimated: v.estimated });
    else missingDays.push(d);
  }
  return { points, missingDays, estimatedCount: points.filter((p) => p.estimated).length };
}

function anomalies(points: FollowerPoint[]): Metric<GrowthAnomaly[]> {
  const changes: { day: string; change: number }[] = [];
  for (let i = 1; i < points.length; i++) {
    if (dayDiff(points[i - 1].day, points[i].day) === 1) {
      changes.push({ day: points[i].day, change: points[i].followers - points[i - 1].followers });
    }
  }
  const need = THRESHOLDS.minChangesAnomaly;
  if (changes.length < need) {
    return insufficient('growth.anomalies', `at least ${need} consecutive daily follower changes`, { changes: changes.length });
  }
  const xs = changes.map((c) => c.change);
  const med = median(xs)!;
  const m = mad(xs)!;
  // With MAD = 0 (most days identical) the mean absolute deviation keeps the score finite.
  const meanAd = mean(xs.map((x) => Math.abs(x - med)))!;
  const scale = m > 0 ? m / 0.6745 : meanAd * 1.253314;
  const found: GrowthAnomaly[] = [];
  if (scale > 0) {
    for (const c of changes) {
      const z = (c.change - med) / scale;
      if (Math.abs(z) > THRESHOLDS.anomalyZ) {
        found.push({ day: c.day, change: c.change, z: Math.round(z * 100) / 100, direction: z > 0 ? 'spike' : 'drop' });
      }
    }
  }
  return ok(
    'growth.anomalies',
    found,
    `days whose follower change has |robust z| > ${THRESHOLDS.anomalyZ}, z = 0.6745 × (change − median) / MAD`,
    { changes: changes.length, medianChange: med, mad: m, anomalies: found.length },
  );
}

/** Follower change per day and week, least-squares trend and anomalies over the window. */
export function growthAnalysis(input: EngineInput): GrowthAnalysis {
  const series = followerSeries(input);
  const pts = series.points;
  const need = THRESHOLDS.minSeriesDays;
  const enough = pts.length >= need && dayDiff(pts[0].day, pts[pts.length - 1].day) >= 1;
  const miss = (id: string): Metric =>
    insufficient(id, `follower counts on at least ${need} days of the window`, { days: pts.length });
  if (!enough) {
    return {
      series,
      changePerDay: miss('growth.change.day'),
      changePerWeek: miss('growth.change.week'),
      trend: miss('growth.trend'),
      changePct: miss('growth.change.pct'),
      anomalies: anomalies(pts),
    };
  }
  const first = pts[0];
  const last = pts[pts.length - 1];
  const span = dayDiff(first.day, last.day);
  const delta = last.followers - first.followers;
  const inputs = { firstDay: first.day, firstFollowers: first.followers, lastDay: last.day, lastFollowers: last.followers, days: span };
  const changePerDay = ok('growth.change.day', delta / span, '(followers on last day − followers on first day) / days between', inputs, 'followers/day');
  const changePerWeek = ok('growth.change.week', (delta / span) * 7, '(followers on last day − followers on first day) / days between × 7', inputs, 'followers/week');
  const slope = leastSquaresSlope(pts.map((p) => ({ x: dayDiff(first.day, p.day), y: p.followers })));
  const trend: Metric =
    slope === null
      ? miss('growth.trend')
      : ok('growth.trend', slope, `least-squares slope of followers over ${pts.length} days (${series.estimatedCount} estimated)`, { days: pts.length, estimated: series.estimatedCount }, 'followers/day');
  const changePct: Metric =
    first.followers > 0
      ? ok('growth.change.pct', (delta / first.followers) * 100, '(last − first) / first × 100', inputs, '%')
      : insufficient('growth.change.pct', 'a non-zero follower count on the first day');
  return { series, changePerDay, changePerWeek, trend, changePct, anomalies: anomalies(pts) };
}

