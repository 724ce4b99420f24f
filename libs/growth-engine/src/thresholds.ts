// Minimum samples before the engine reports a number. Below these it answers insufficient_data.
// Chosen so a five-post account gets "not enough data" for medians, regularity and best times,
// while counts that are exact at any size (posts per week, longest gap) are still reported.
export const THRESHOLDS = {
  /** Posts with a rate before median/mean engagement is reported. */
  minPostsEngagement: 10,
  /** Gaps between posts (posts − 1) before the coefficient of variation is reported. */
  minGapsRegularity: 5,
  /** Posts before posts per week / longest gap are reported. */
  minPostsCadence: 2,
  /** Posts of one format before its median performance is reported. */
  minPostsPerFormat: 3,
  /** Days of follower points before change per day / trend is reported. */
  minSeriesDays: 7,
  /** Daily changes before anomalies are searched for. */
  minChangesAnomaly: 14,
  /** |robust z| above which a daily change is an anomaly. */
  anomalyZ: 3.5,
  /** Posts with a reach figure before hashtag performance is compared. */
  minPostsHashtagBaseline: 10,
  /** Posts using one tag before its performance is reported. */
  minPostsPerHashtag: 3,
  /** Posts sharing an identical set (≥ 3 tags) before the set counts as reused. */
  minReusedSetPosts: 3,
  /** Posts with a rate before own-post best times are tried. */
  minPostsBestTimes: 15,
  /** Posts in a smoothed weekday × hour cell before it is scored. */
  minPostsPerCell: 3,
  /** Days of non-empty online_followers before they are used. */
  minOnlineFollowerDays: 7,
  /** Recent / baseline days of account reach for the reach-drop factor. */
  riskRecentDays: 7,
  riskBaselineDays: 28,
  minRecentReachDays: 5,
  minBaselineReachDays: 20,
  minBaselineShareDays: 14,
  /** Days of history for publish errors and banned-hashtag use in the risk estimate. */
  riskLookbackDays: 30,
  /** Audit needs this many area scores for an overall score. */
  minAreasOverall: 3,
} as const;
