/**
 * Generic best-time prior used only when an account has neither enough of its own posts nor
 * `online_followers` data. Relative weights (0–1) by local weekday (0 = Monday) and hour.
 *
 * Sources (reviewed 2026-12-03): Sprout Social "Best times to post on social media" (Instagram),
 * Later "Best time to post on Instagram", Hootsuite "Best time to post on Instagram" (2024–2025
 * editions). They disagree in detail and do not split by follower tier, so every tier shares one
 * coarse shape: weekday late morning to early afternoon and early evening, weekend late morning.
 * The result is labelled `tier_prior` with sample size 0 so nobody mistakes it for account data.
 */
export const BEST_TIME_PRIOR_REVIEWED = '2026-12-03';

export function priorWeight(weekday: number, hour: number): number {
  const weekend = weekday >= 5;
  if (weekend) {
    if (hour >= 10 && hour <= 12) return 0.8;
    if (hour >= 17 && hour <= 19) return 0.6;
    if (hour >= 8 && hour <= 21) return 0.35;
    return 0.05;
  }
  // Tuesday to Thursday carry slightly more weight in all three sources.
  const mid = weekday >= 1 && weekday <= 3 ? 0.1 : 0;
  if (hour >= 11 && hour <= 13) return 0.9 + mid;
  if (hour >= 18 && hour <= 20) return 0.8 + mid;
  if (hour >= 8 && hour <= 21) return 0.4 + mid;
  return 0.05;
}
