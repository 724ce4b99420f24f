// Public types of the growth engine. Exported names are stable: add fields, never rename.
// Every number the engine produces travels as a Metric, so the app can show where it came from.

/** Instagram `media_type` as returned by the Graph API. */
export type MediaType = 'IMAGE' | 'VIDEO' | 'CAROUSEL_ALBUM';
/** Instagram `media_product_type`. */
export type ProductType = 'FEED' | 'REELS' | 'STORY' | 'AD';
/** The engine's own format buckets (a reel is a VIDEO with product type REELS). */
export type PostFormat = 'reel' | 'carousel' | 'image' | 'video' | 'story';

export type Unit =
  | '%'
  | 'followers'
  | 'followers/day'
  | 'followers/week'
  | 'posts/week'
  | 'days'
  | 'hashtags'
  | 'posts'
  | 'ratio'
  | 'score'
  | 'z'
  | 'accounts';

export type MetricInputs = Record<string, number | string | boolean | null>;

/** A computed number with the formula and the inputs behind it. */
export interface MetricValue<T = number> {
  status: 'ok';
  /** Stable id, e.g. `engagement.follower.median`; recommendations cite these as evidence. */
  id: string;
  value: T;
  /** Human-readable formula, e.g. "median of (likes + comments) / followers at posting × 100 over 12 posts". */
  formula: string;
  inputs: MetricInputs;
  unit?: Unit;
}

/** The data cannot support a number; `need` says what is missing (never a made-up default). */
export interface InsufficientData {
  status: 'insufficient_data';
  id: string;
  need: string;
  /** What was available, e.g. `{ posts: 5 }`. */
  have?: MetricInputs;
}

export type Metric<T = number> = MetricValue<T> | InsufficientData;

// ---------------------------------------------------------------- input

export interface EngineAccount {
  /** Followers now (null when unknown). */
  followers: number | null;
  /** IANA zone used for every day boundary and weekday × hour bucket, e.g. "Asia/Tokyo". */
  timeZone: string;
  /**
   * Zone in which `online_followers` hour keys are expressed. Meta's hours appear to be US-Pacific
   * (API.md §4.3, unconfirmed); defaults to "America/Los_Angeles".
   */
  onlineFollowersTimeZone?: string;
  /** Optional display name, only echoed back. */
  username?: string | null;
}

export interface EnginePost {
  id: string;
  /** ISO-8601 instant (`timestamp` of the media). */
  postedAt: string;
  mediaType: MediaType | string;
  productType: ProductType | string | null;
  caption: string | null;
  // Each metric: null = unavailable (not returned / not applicable), never 0.
  likes: number | null;
  comments: number | null;
  saves: number | null;
  shares: number | null;
  reach: number | null;
  views: number | null;
  totalInteractions: number | null;
}

export interface DailySnapshot {
  /** Calendar day `YYYY-MM-DD` in the account's time zone. */
  day: string;
  /** Followers at the end of that day (null when unknown). */
  followers: number | null;
  /** `follows_and_unfollows` (breakdown follow_type): follows = FOLLOWER, unfollows = NON_FOLLOWER. */
  followsAndUnfollows?: { follows: number; unfollows: number } | null;
  /** Account reach that day (time_series). */
  reach?: number | null;
  /** Reach split by follow_type when the breakdown is stored. */
  reachByFollowType?: { follower: number; nonFollower: number; unknown?: number } | null;
  /** `online_followers`: hour key "0".."23" (in onlineFollowersTimeZone) → followers online. */
  onlineFollowers?: Record<string, number> | null;
}

export interface PublishErrorEvent {
  /** ISO instant the error was seen. */
  at: string;
  code: number | null;
  subcode: number | null;
  message?: string | null;
}

export interface EngineInput {
  account: EngineAccount;
  posts: EnginePost[];
  snapshots: DailySnapshot[];
  publishErrors?: PublishErrorEvent[];
  /** ISO instant treated as "now" (the engine never reads the clock). */
  now: string;
  /** Analysis window in days ending at `now` (default 90). */
  windowDays?: number;
}

// ---------------------------------------------------------------- engagement

export type FollowerTierName = 'nano' | 'micro' | 'mid' | 'macro' | 'mega';

export interface TierBand {
  tier: FollowerTierName;
  minFollowers: number;
  /** Exclusive upper bound; null for the top tier. */
  maxFollowers: number | null;
  /** Follower-based engagement rate bands in %. */
  low: number;
  typical: number;
  high: number;
}

export type BandPosition = 'below' | 'within' | 'above';

export interface PostEngagement {
  postId: string;
  postedAt: string;
  /** Local day of the post in the account's zone. */
  day: string;
  format: PostFormat;
  /** (likes + comments) / followers at posting × 100. */
  followerRate: Metric;
  /** total interactions / reach × 100. */
  reachRate: Metric;
}

export interface EngagementSummary {
  perPost: PostEngagement[];
  followerMedian: Metric;
  followerMean: Metric;
  reachMedian: Metric;
  reachMean: Metric;
  tier: Metric<FollowerTierName>;
  band: TierBand | null;
  /** Where the follower-based median sits against the band. */
  position: Metric<BandPosition>;
}

// ---------------------------------------------------------------- followers / growth

export interface FollowerPoint {
  day: string;
  followers: number;
  /** true when reconstructed from follows_and_unfollows, false for a stored snapshot. */
  estimated: boolean;
}

export interface FollowerSeries {
  points: FollowerPoint[];
  /** Days in the window with neither a snapshot nor an estimate. */
  missingDays: string[];
  estimatedCount: number;
}

export interface GrowthAnomaly {
  day: string;
  change: number;
  /** Robust z = 0.6745 × (change − median) / MAD. */
  z: number;
  direction: 'spike' | 'drop';
}

export interface GrowthAnalysis {
  series: FollowerSeries;
  changePerDay: Metric;
  changePerWeek: Metric;
  /** Least-squares slope of followers over day index. */
  trend: Metric;
  /** Relative change over the window in %. */
  changePct: Metric;
  anomalies: Metric<GrowthAnomaly[]>;
}

// ---------------------------------------------------------------- consistency

export interface FormatStat {
  format: PostFormat;
  posts: number;
  /** Share of posts in %. */
  share: number;
  /** Median reach-based engagement rate of this format. */
  medianReachRate: Metric;
  /** Median follower-based engagement rate of this format. */
  medianFollowerRate: Metric;
  medianReach: Metric;
}

export interface ContentConsistency {
  postsPerWeek: Metric;
  longestGapDays: Metric;
  /** Coefficient of variation of the gaps between posts (stdev / mean). */
  gapCv: Metric;
  formatMix: FormatStat[];
  /** Best format by median reach-based rate (with ≥ min posts). */
  bestFormat: Metric<PostFormat>;
}

// ---------------------------------------------------------------- hashtags

export interface HashtagUse {
  tag: string;
  posts: number;
}

export interface BannedHashtagHit {
  tag: string;
  status: 'banned' | 'restricted';
  postIds: string[];
}

export interface HashtagPerformance {
  tag: string;
  posts: number;
  medianReach: number;
  /** medianReach / account median reach − 1, in %. */
  vsAccountPct: number;
  direction: 'above' | 'below';
}

export interface ReusedHashtagSet {
  tags: string[];
  postIds: string[];
}

export interface HashtagAnalysis {
  perPost: Metric;
  top: HashtagUse[];
  reusedSets: Metric<ReusedHashtagSet[]>;
  banned: Metric<BannedHashtagHit[]>;
  performance: Metric<HashtagPerformance[]>;
}

// ---------------------------------------------------------------- risk

export type RiskLevel = 'low' | 'elevated' | 'high';

export interface RiskFactor {
  id: string;
  label: string;
  /** 0..1 — how strongly this evidence points at distribution limits. */
  severity: number;
  /** Share of the total this factor can contribute (weights sum to 1). */
  weight: number;
  evidence: Metric<number | string | boolean>;
}

export interface ShadowbanRiskEstimate {
  /** Always true: no Meta API exposes a restriction status; this is a heuristic estimate. */
  estimate: true;
  label: string;
  level: RiskLevel;
  /** Σ severity × weight × 100 over the factors with data. */
  score: Metric;
  factors: RiskFactor[];
}

// ---------------------------------------------------------------- best times

export type BestTimeSource = 'own_posts' | 'online_followers' | 'tier_prior';

export interface TimeSlot {
  /** 0 = Monday … 6 = Sunday, in the account's zone. */
  weekday: number;
  hour: number;
  /** Smoothed score (own_posts: median reach rate %, online_followers: mean followers online, prior: relative). */
  score: number;
  sampleSize: number;
}

export interface BestPostingTimes {
  source: BestTimeSource;
  /** Posts (own_posts), days of online_followers data, or 0 (tier_prior). */
  sampleSize: number;
  timeZone: string;
  /** Top slots, best first. */
  slots: TimeSlot[];
  /** 7 × 24 smoothed scores (null where no data), weekday-major. */
  grid: (number | null)[][];
  /** Why earlier sources were skipped. */
  fallbackReasons: string[];
  metric: Metric<string>;
}

// ---------------------------------------------------------------- audit

export type AuditArea = 'engagement' | 'consistency' | 'growth' | 'content' | 'risk';

export interface AreaScore {
  area: AuditArea;
  /** 0–100, or insufficient data. */
  score: Metric;
  /** Plain-language sentence built from the numbers. */
  explanation: string;
}

export interface Diagnosis {
  id: string;
  severity: 'info' | 'warning' | 'critical';
  area: AuditArea;
  message: string;
  evidence: string[];
}

export interface Recommendation {
  id: string;
  priority: number;
  area: AuditArea;
  title: string;
  detail: string;
  /** Metric ids that triggered it. */
  evidence: string[];
}

export interface RoadmapDay {
  day: number;
  action: string;
  recommendationId: string | null;
}

export interface RoadmapWeek {
  week: number;
  theme: string;
  days: RoadmapDay[];
}

export interface AuditNumber {
  /** Metric id or path (e.g. `scores.engagement`). */
  id: string;
  value: number;
  unit?: Unit;
}

export interface Audit {
  engineVersion: string;
  computedAt: string;
  timeZone: string;
  /** Weighted mean of the area scores that have data. */
  overall: { score: Metric; explanation: string };
  scores: Record<AuditArea, AreaScore>;
  engagement: EngagementSummary;
  growth: GrowthAnalysis;
  consistency: ContentConsistency;
  hashtags: HashtagAnalysis;
  risk: ShadowbanRiskEstimate;
  bestTimes: BestPostingTimes;
  diagnosis: Diagnosis[];
  recommendations: Recommendation[];
  roadmap: RoadmapWeek[];
  /** Every number in the audit, for checking an AI narrative (see numbersIn / findForeignNumbers). */
  numbers: AuditNumber[];
  /** The thresholds used (documented in README). */
  thresholds: Record<string, number>;
}

// ---------------------------------------------------------------- dashboard / planner helpers

/** Per-account figures for the dashboard, from the same functions as the audit. */
export interface AccountOverview {
  followers: Metric;
  /** Followers now − followers 28 days earlier (series points, estimated days allowed). */
  followerChange28d: Metric;
  /** Mean daily account reach over the last 28 days. */
  dailyReach28d: Metric;
  engagementMedian: Metric;
  tier: Metric<FollowerTierName>;
  band: TierBand | null;
  position: Metric<BandPosition>;
  /** Follower points of the last 28 days, for a sparkline. */
  sparkline: FollowerPoint[];
}

export interface MixTarget {
  format: PostFormat;
  /** Current share of posts in %. */
  currentShare: number;
  /** Suggested share in % (integers summing to 100 over the formats with data). */
  targetShare: number;
  medianReachRate: number;
  posts: number;
}

export interface HashtagReach {
  tag: string;
  /** Posts with this tag and a reach figure (the sample size). */
  posts: number;
  /** Median reach of those posts; null below `minPostsPerHashtag` (too few to say). */
  medianReach: number | null;
}
