import type { AccountOverview, ContentConsistency, EngineInput, HashtagReach, Metric, MixTarget } from './types.js';
import { contentConsistency } from './consistency.js';
import { engagementSummary, postFormat, postsInWindow } from './engagement.js';
import { followerSeries } from './followers.js';
import { parseHashtags } from './hashtags.js';
import { insufficient, isOk, ok } from './metric.js';
import { mean, median } from './stats.js';
import { THRESHOLDS } from './thresholds.js';
import { addDays, localDay } from './time.js';

/** Dashboard figures for one account; the same functions as the audit, so the numbers match. */
export function accountOverview(input: EngineInput): AccountOverview {
  const series = followerSeries(input);
  const engagement = engagementSummary(input, [...input.snapshots, ...series.points]);
  const today = localDay(input.now, input.account.timeZone);
  const followers: Metric =
    input.account.followers === null
      ? insufficient('overview.followers', 'the account’s current follower count')
      : ok('overview.followers', input.account.followers, 'followers now', { followers: input.account.followers }, 'followers');

  const pts = series.points;
  const last = pts[pts.length - 1];
  const before = last ? [...pts].reverse().find((p) => p.day <= addDays(last.day, -28)) : undefined;
  const followerChange28d: Metric =
    last && before
      ? ok('overview.followers.change_28d', last.followers - before.followers, `followers on ${last.day} − followers on ${before.day}`, { lastDay: last.day, lastFollowers: last.followers, earlierDay: before.day, earlierFollowers: before.followers, estimated: last.estimated || before.estimated }, 'followers')
      : insufficient('overview.followers.change_28d', 'follower counts 28 days apart', { days: pts.length });

  const from = addDays(today, -27);
  const reach = input.snapshots.filter((s) => s.day >= from && s.day <= today && typeof s.reach === 'number').map((s) => s.reach as number);
  const dailyReach28d: Metric =
    reach.length >= THRESHOLDS.minBaselineReachDays
      ? ok('overview.reach.daily_28d', mean(reach)!, 'mean daily account reach over the last 28 days with data', { days: reach.length }, 'accounts')
      : insufficient('overview.reach.daily_28d', `daily account reach on at least ${THRESHOLDS.minBaselineReachDays} of the last 28 days`, { days: reach.length });

  return {
    followers,
    followerChange28d,
    dailyReach28d,
    engagementMedian: engagement.followerMedian,
    tier: engagement.tier,
    band: engagement.band,
    position: engagement.position,
    sparkline: pts.filter((p) => p.day >= from),
  };
}

/**
 * Content-mix targets for the planner: formats with at least `minPostsPerFormat` rated posts share
 * 100 % in proportion to their median reach-based engagement rate (largest-remainder rounding).
 */
export function contentMixTargets(input: EngineInput, consistency?: ContentConsistency): Metric<MixTarget[]> {
  const c = consistency ?? contentConsistency(input);
  const rated = c.formatMix.filter((f) => isOk(f.medianReachRate));
  if (rated.length < 2) {
    return insufficient('mix.targets', `at least ${THRESHOLDS.minPostsPerFormat} posts with reach in each of two formats`, { formats: rated.length });
  }
  const rate = (f: (typeof rated)[number]) => (f.medianReachRate as { value: number }).value;
  const total = rated.reduce((a, f) => a + rate(f), 0);
  if (total <= 0) return insufficient('mix.targets', 'some engagement on the rated formats');
  const raw = rated.map((f) => (rate(f) / total) * 100);
  const floors = raw.map(Math.floor);
  let left = 100 - floors.reduce((a, b) => a + b, 0);
  const order = raw.map((r, i) => ({ i, rem: r - floors[i] })).sort((a, b) => b.rem - a.rem || a.i - b.i);
  for (const o of order) if (left-- > 0) floors[o.i] += 1;
  const targets: MixTarget[] = rated.map((f, i) => ({ format: f.format, currentShare: f.share, targetShare: floors[i], medianReachRate: rate(f), posts: f.posts }));
  const inputs: Record<string, number> = {};
  for (const t of targets) inputs[t.format] = t.medianReachRate;
  return ok('mix.targets', targets, 'share of posts per format ∝ its median reach-based engagement rate (formats with enough posts)', inputs);
}

/** Every hashtag of the window's feed posts and reels with its sample size and median reach. */
export function hashtagReach(input: EngineInput): HashtagReach[] {
  const byTag = new Map<string, number[]>();
  for (const p of postsInWindow(input)) {
    if (postFormat(p) === 'story' || p.reach === null) continue;
    for (const tag of parseHashtags(p.caption)) {
      const list = byTag.get(tag);
      if (list) list.push(p.reach);
      else byTag.set(tag, [p.reach]);
    }
  }
  return [...byTag.entries()]
    .map(([tag, r]) => ({ tag, posts: r.length, medianReach: r.length >= THRESHOLDS.minPostsPerHashtag ? median(r) : null }))
    .sort((a, b) => (b.medianReach ?? -1) - (a.medianReach ?? -1) || b.posts - a.posts || a.tag.localeCompare(b.tag));
}
