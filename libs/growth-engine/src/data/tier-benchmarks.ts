import type { FollowerTierName, TierBand } from '../types.js';

/**
 * Follower-based engagement-rate bands ((likes + comments) / followers × 100) per follower tier.
 *
 * Sources (reviewed 2026-12-03):
 * - The Social Cat, "Instagram Engagement Rate Calculator" benchmark table by follower range
 *   (https://thesocialcat.com/instagram-engagement-rate-calculator): bands Low / Below average /
 *   Average / Above average / High for 1k–5k, 5k–10k, 10k–50k, 50k–100k, 100k–500k, 500k–1M.
 * - HypeAuditor help centre, "Engagement rate" (average Instagram ER ≈ 1.66 %, accounts over 1M
 *   rarely above 1 %), and HypeAuditor / Statista 2023 (nano 1k–10k ≈ 2.19 %, all tiers ≈ 1.85 %).
 *
 * Derivation: `low` = the lower edge of "Below average" (under it is "Low"), `typical` = the middle
 * of "Average", `high` = the lower edge of "High"; a tier spanning two source columns takes their
 * mean. The sources stop at 1M, so `mega` is extrapolated from `macro` using HypeAuditor's remark
 * that >1M accounts rarely exceed 1 %. Review yearly: benchmarks drift as reach mechanics change.
 */
export const TIER_BENCHMARKS_REVIEWED = '2026-12-03';

export const TIER_BANDS: readonly TierBand[] = [
  { tier: 'nano', minFollowers: 0, maxFollowers: 10_000, low: 1.17, typical: 2.67, high: 5.76 },
  { tier: 'micro', minFollowers: 10_000, maxFollowers: 100_000, low: 0.36, typical: 0.93, high: 2.54 },
  { tier: 'mid', minFollowers: 100_000, maxFollowers: 500_000, low: 0.41, typical: 1.01, high: 2.63 },
  { tier: 'macro', minFollowers: 500_000, maxFollowers: 1_000_000, low: 0.46, typical: 1.01, high: 2.46 },
  { tier: 'mega', minFollowers: 1_000_000, maxFollowers: null, low: 0.3, typical: 0.8, high: 2.0 },
];

export function bandFor(tier: FollowerTierName): TierBand {
  return TIER_BANDS.find((b) => b.tier === tier)!;
}
