import type {
  BandPosition,
  EngagementSummary,
  EngineInput,
  EnginePost,
  FollowerTierName,
  Metric,
  PostEngagement,
  PostFormat,
  TierBand,
} from './types.js';
import { bandFor } from './data/tier-benchmarks.js';
import { insufficient, isOk, ok } from './metric.js';
import { mean, median } from './stats.js';
import { localDay, toMs } from './time.js';
import { THRESHOLDS } from './thresholds.js';

/** Follower tiers used to compare an account's engagement with accounts of its size. */
export const FOLLOWER_TIERS = [
  { name: 'nano', min: 0, max: 10_000 },
  { name: 'micro', min: 10_000, max: 100_000 },
  { name: 'mid', min: 100_000, max: 500_000 },
  { name: 'macro', min: 500_000, max: 1_000_000 },
  { name: 'mega', min: 1_000_000, max: Number.POSITIVE_INFINITY },
] as const;
export type FollowerTier = (typeof FOLLOWER_TIERS)[number]['name'];

export function followerTier(followers: number): FollowerTier {
  return (FOLLOWER_TIERS.find((t) => followers >= t.min && followers < t.max) ?? FOLLOWER_TIERS[0]).name;
}

export interface PostInteractions {
  likes: number | null;
  comments: number | null;
  saves: number | null;
  shares: number | null;
  reach: number | null;
}

/** Sum of the interactions that are known; null when none is (unavailable is not zero). */
export function interactions(p: PostInteractions): number | null {
  const known = [p.likes, p.comments, p.saves, p.shares].filter((v): v is number => v !== null);
  return known.length ? known.reduce((a, b) => a + b, 0) : null;
}

/** Interactions per follower, as a percentage. Null when followers or interactions are unknown. */
export function followerEngagementRate(p: PostInteractions, followers: number | null): number | null {
  const i = interactions(p);
  if (i === null || !followers) return null;
  return (i / followers) * 100;
}

/** Interactions per account reached, as a percentage. Null when reach is unknown or zero. */
export function reachEngagementRate(p: PostInteractions): number | null {
  const i = interactions(p);
  if (i === null || !p.reach) return null;
  return (i / p.reach) * 100;
}

// ---------------------------------------------------------------- audit-grade engagement


/** A follower count on a day; `estimated` when reconstructed from follows_and_unfollows. */
export interface FollowerCountOnDay {
  day: string;
  followers: number | null;
  estimated?: boolean;
}

export function tierBand(tier: FollowerTierName): TierBand {
  return bandFor(tier);
}

/** The engine's format bucket: reels are VIDEO + REELS, stories by product type. */
export function postFormat(post: Pick<EnginePost, 'mediaType' | 'productType'>): PostFormat {
  const product = (post.productType ?? '').toUpperCase();
  const media = (post.mediaType ?? '').toUpperCase();
  if (product === 'STORY') return 'story';
  if (product === 'REELS' || media === 'REELS') return 'reel';
  if (media === 'CAROUSEL_ALBUM' || media === 'CAROUSEL') return 'carousel';
  if (media === 'VIDEO') return 'video';
  return 'image';
}

/** Nearest follower count on or before `day` (snapshots need not be sorted). */
export function followersAtPosting(points: readonly FollowerCountOnDay[], day: string): FollowerCountOnDay | null {
  let best: FollowerCountOnDay | null = null;
  for (const p of points) {
    if (p.followers === null || p.day > day) continue;
    if (!best || p.day > best.day || (p.day === best.day && best.estimated && !p.estimated)) best = p;
  }
  return best;
}

/** Posts whose postedAt lies in (now − days, now], oldest first. */
export function postsInWindow(input: EngineInput, days = input.windowDays ?? 90): EnginePost[] {
  const end = toMs(input.now);
  const start = end - days * 86_400_000;
  const timed: { t: number; p: EnginePost }[] = [];
  for (const p of input.posts) {
    const t = toMs(p.postedAt);
    if (t > start && t <= end) timed.push({ t, p });
  }
  return timed.sort((a, b) => a.t - b.t || (a.p.id < b.p.id ? -1 : a.p.id > b.p.id ? 1 : 0)).map((x) => x.p);
}

/** Sorted lookup for many posts: binary search instead of a scan per post. */
export function followerLookup(points: readonly FollowerCountOnDay[]): (day: string) => FollowerCountOnDay | null {
  const best = new Map<string, FollowerCountOnDay>();
  for (const p of points) {
    if (p.followers === null) continue;
    const cur = best.get(p.day);
    if (!cur || (cur.estimated && !p.estimated)) best.set(p.day, p);
  }
  const days = [...best.keys()].sort();
  return (day) => {
    let lo = 0;
    let hi = days.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (days[mid] <= day) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found < 0 ? null : best.get(days[found])!;
  };
}

export function postEngagement(
  post: EnginePost,
  followerPoints: readonly FollowerCountOnDay[] | ((day: string) => FollowerCountOnDay | null),
  timeZone: string,
): PostEngagement {
  const day = localDay(post.postedAt, timeZone);
  const base = `post.${post.id}.engagement`;
  let followerRate: Metric;
  const at = typeof followerPoints === 'function' ? followerPoints(day) : followersAtPosting(followerPoints, day);
  if (post.likes === null || post.comments === null) {
    followerRate = insufficient(`${base}.follower`, 'likes and comments of the post', { likes: post.likes, comments: post.comments });
  } else if (!at || !at.followers) {
    followerRate = insufficient(`${base}.follower`, `a follower count on or before ${day}`);
  } else {
    followerRate = ok(
      `${base}.follower`,
      ((post.likes + post.comments) / at.followers) * 100,
      `(likes + comments) / followers on ${at.day}${at.estimated ? ' (estimated)' : ''} × 100`,
      { likes: post.likes, comments: post.comments, followers: at.followers, followersDay: at.day, followersEstimated: !!at.estimated },
      '%',
    );
  }
  let reachRate: Metric;
  const parts = [post.likes, post.comments, post.saves, post.shares];
  const summed = parts.every((v) => v !== null) ? (parts as number[]).reduce((a, b) => a + b, 0) : null;
  const total = post.totalInteractions ?? summed;
  if (!post.reach) {
    reachRate = insufficient(`${base}.reach`, 'the reach of the post', { reach: post.reach });
  } else if (total === null) {
    reachRate = insufficient(`${base}.reach`, 'total_interactions (or likes, comments, saves and shares) of the post');
  } else {
    reachRate = ok(
      `${base}.reach`,
      (total / post.reach) * 100,
      post.totalInteractions !== null
        ? 'total_interactions / reach × 100'
        : '(likes + comments + saves + shares) / reach × 100 (total_interactions unavailable)',
      { totalInteractions: total, reach: post.reach },
      '%',
    );
  }
  return { postId: post.id, postedAt: post.postedAt, day, format: postFormat(post), followerRate, reachRate };
}

function summarise(id: string, label: string, values: number[], fn: 'median' | 'mean', windowDays: number): Metric {
  const need = THRESHOLDS.minPostsEngagement;
  if (values.length < need) {
    return insufficient(id, `at least ${need} posts with ${label} in the last ${windowDays} days`, { posts: values.length });
  }
  const v = fn === 'median' ? median(values)! : mean(values)!;
  return ok(id, v, `${fn} of ${label} over ${values.length} posts in the last ${windowDays} days`, { posts: values.length, windowDays }, '%');
}

/** Engagement of the account's feed posts and reels over the window, with its tier and benchmark band. */
export function engagementSummary(input: EngineInput, followerPoints?: readonly FollowerCountOnDay[]): EngagementSummary {
  const windowDays = input.windowDays ?? 90;
  const lookup = followerLookup(followerPoints ?? input.snapshots);
  // Stories expire and carry no likes or comments; benchmarks are for feed posts and reels.
  const perPost = postsInWindow(input)
    .filter((p) => postFormat(p) !== 'story')
    .map((p) => postEngagement(p, lookup, input.account.timeZone));
  const fr = perPost.flatMap((p) => (isOk(p.followerRate) ? [p.followerRate.value] : []));
  const rr = perPost.flatMap((p) => (isOk(p.reachRate) ? [p.reachRate.value] : []));
  const followerLabel = '(likes + comments) / followers at posting × 100';
  const reachLabel = 'total interactions / reach × 100';
  const followerMedian = summarise('engagement.follower.median', followerLabel, fr, 'median', windowDays);
  const followerMean = summarise('engagement.follower.mean', followerLabel, fr, 'mean', windowDays);
  const reachMedian = summarise('engagement.reach.median', reachLabel, rr, 'median', windowDays);
  const reachMean = summarise('engagement.reach.mean', reachLabel, rr, 'mean', windowDays);

  const followers = input.account.followers;
  let tier: Metric<FollowerTierName>;
  let band: TierBand | null = null;
  if (followers === null) {
    tier = insufficient('engagement.tier', 'the account’s current follower count');
  } else {
    const name = followerTier(followers) as FollowerTierName;
    band = tierBand(name);
    const range = band.maxFollowers === null ? `≥ ${band.minFollowers}` : `${band.minFollowers} – ${band.maxFollowers - 1}`;
    tier = ok('engagement.tier', name, `follower tier for ${range} followers`, { followers });
  }
  let position: Metric<BandPosition>;
  if (!band || !isOk(followerMedian)) {
    position = insufficient('engagement.position', 'a follower-based median engagement rate and a follower tier');
  } else {
    const m = followerMedian.value;
    const where: BandPosition = m < band.low ? 'below' : m > band.high ? 'above' : 'within';
    position = ok(
      'engagement.position',
      where,
      `median ${m} % against the ${band.tier} band (low ${band.low} %, typical ${band.typical} %, high ${band.high} %)`,
      { median: m, bandLow: band.low, bandTypical: band.typical, bandHigh: band.high },
    );
  }
  return { perPost, followerMedian, followerMean, reachMedian, reachMean, tier, band, position };
}
