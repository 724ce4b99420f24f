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
