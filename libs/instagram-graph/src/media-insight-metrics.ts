// Which media metrics to ask for, per surface, exactly as API.md §4.1's table says (v22+, after the
// Apr 21 2025 cut-over). Deprecated metrics (impressions, plays, video_views, …) are never asked.

export interface MediaKind {
  media_product_type?: string | undefined;
  media_type?: string | undefined;
}

export interface MediaMetricPlan {
  /** Asked together in one call. */
  primary: readonly string[];
  /** Asked one per call, best effort: they error on some media and one bad metric fails a whole call. */
  fragile: readonly string[];
}

const COMMON = ['views', 'reach', 'likes', 'comments', 'saved', 'shares', 'total_interactions'] as const;

/** FEED (image, carousel, legacy feed video): `follows`/`profile_visits`/`profile_activity` are valid here. */
export const FEED_METRICS: readonly string[] = [...COMMON, 'reposts', 'follows', 'profile_visits', 'profile_activity'];

/** REELS: watch-time and skip-rate; sources disagree on follows/profile_visits for reels, so they are not asked. */
export const REELS_METRICS: readonly string[] = [
  ...COMMON,
  'reposts',
  'ig_reels_avg_watch_time',
  'ig_reels_video_view_total_time',
  'reels_skip_rate',
];

/** STORY: no likes/comments/saved; navigation and replies are story-only. */
export const STORY_METRICS: readonly string[] = [
  'views',
  'reach',
  'shares',
  'total_interactions',
  'follows',
  'profile_visits',
  'profile_activity',
  'navigation',
  'replies',
];

/** Metrics that error when the content isn't cross-posted to Facebook ([M]) or whose support is
 * uncertain on that surface (`reposts` on stories is "✓?"). */
export const FRAGILE_METRICS: Readonly<Record<'FEED' | 'REELS' | 'STORY', readonly string[]>> = {
  FEED: ['facebook_views'],
  REELS: ['crossposted_views', 'facebook_views'],
  STORY: ['reposts', 'facebook_views'],
};

/** Carousel children and unknown surfaces: only the metrics valid everywhere that has likes. */
const UNKNOWN_SURFACE_METRICS: readonly string[] = [...COMMON];

export type InsightSurface = 'FEED' | 'REELS' | 'STORY' | 'UNKNOWN';

/** `media_product_type` decides; without it a VIDEO could be a reel or a legacy feed video, so only the common set is safe. */
export function insightSurface(media: MediaKind): InsightSurface {
  const product = media.media_product_type?.toUpperCase();
  if (product === 'REELS') return 'REELS';
  if (product === 'STORY') return 'STORY';
  if (product === 'FEED') return 'FEED';
  if (product === undefined && (media.media_type === 'IMAGE' || media.media_type === 'CAROUSEL_ALBUM')) return 'FEED';
  return 'UNKNOWN';
}

export function mediaMetricPlan(media: MediaKind): MediaMetricPlan {
  const surface = insightSurface(media);
  switch (surface) {
    case 'FEED':
      return { primary: FEED_METRICS, fragile: FRAGILE_METRICS.FEED };
    case 'REELS':
      return { primary: REELS_METRICS, fragile: FRAGILE_METRICS.REELS };
    case 'STORY':
      return { primary: STORY_METRICS, fragile: FRAGILE_METRICS.STORY };
    default:
      return { primary: UNKNOWN_SURFACE_METRICS, fragile: [] };
  }
}
