import type { FakeProductType } from './fake-types.js';

// The fake's own copy of Meta's validity rules (API.md §4). Deliberately not shared with the client,
// so a wrong table in the client is caught by the fake instead of being mirrored by it.

const MEDIA_VALID: Record<'FEED' | 'REELS' | 'STORY', ReadonlySet<string>> = {
  FEED: new Set(['views', 'reach', 'likes', 'comments', 'saved', 'shares', 'total_interactions', 'reposts', 'follows', 'profile_visits', 'profile_activity', 'facebook_views']),
  REELS: new Set([
    'views',
    'reach',
    'likes',
    'comments',
    'saved',
    'shares',
    'total_interactions',
    'reposts',
    'ig_reels_avg_watch_time',
    'ig_reels_video_view_total_time',
    'reels_skip_rate',
    'crossposted_views',
    'facebook_views',
  ]),
  STORY: new Set(['views', 'reach', 'shares', 'total_interactions', 'reposts', 'follows', 'profile_visits', 'profile_activity', 'navigation', 'replies', 'facebook_views']),
};

/** Removed metrics that now answer code 100 (§4.1 "Deprecated / removed"). */
export const DEPRECATED_MEDIA_METRICS: ReadonlySet<string> = new Set([
  'impressions',
  'plays',
  'clips_replays_count',
  'ig_reels_aggregated_all_plays_count',
  'video_views',
  'engagement',
  'carousel_album_engagement',
  'carousel_album_impressions',
  'carousel_album_reach',
  'carousel_album_saved',
  'carousel_album_video_views',
  'taps_forward',
  'taps_back',
  'exits',
  'total_likes',
  'total_comments',
  'total_views',
  'link_clicks',
]);

/** Metrics that only exist when the media was also shared to Facebook. */
export const FACEBOOK_ONLY_METRICS: ReadonlySet<string> = new Set(['crossposted_views', 'facebook_views']);

export function isValidMediaMetric(metric: string, productType: FakeProductType): boolean {
  const surface = productType === 'AD' ? 'FEED' : productType;
  return MEDIA_VALID[surface].has(metric);
}

/** Account metrics that support `period=day` with a time series (§4.2). */
export const ACCOUNT_TIME_SERIES_METRICS: ReadonlySet<string> = new Set(['reach', 'follower_count']);

/** Account metrics answered with `metric_type=total_value`, and the breakdowns each accepts. */
export const ACCOUNT_TOTAL_VALUE_METRICS: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ['reach', new Set(['media_product_type', 'follow_type'])],
  ['views', new Set(['media_product_type', 'follow_type', 'follower_type'])],
  ['accounts_engaged', new Set<string>()],
  ['total_interactions', new Set(['media_product_type'])],
  ['likes', new Set(['media_product_type'])],
  ['comments', new Set(['media_product_type'])],
  ['saves', new Set(['media_product_type'])],
  ['shares', new Set(['media_product_type'])],
  ['replies', new Set<string>()],
  ['reposts', new Set<string>()],
  ['profile_links_taps', new Set(['contact_button_type'])],
  ['follows_and_unfollows', new Set(['follow_type'])],
]);

export const ACCOUNT_LIFETIME_METRICS: ReadonlySet<string> = new Set(['online_followers', 'follower_demographics', 'engaged_audience_demographics', 'reached_audience_demographics']);

export const DEPRECATED_ACCOUNT_METRICS: ReadonlySet<string> = new Set([
  'impressions',
  'profile_views',
  'website_clicks',
  'email_contacts',
  'phone_call_clicks',
  'text_message_clicks',
  'get_direction_clicks',
  'audience_city',
  'audience_country',
  'audience_gender_age',
  'audience_locale',
]);

export const WEBHOOK_FIELDS: ReadonlySet<string> = new Set([
  'comments',
  'live_comments',
  'messages',
  'message_echoes',
  'message_reactions',
  'message_edit',
  'messaging_seen',
  'messaging_postbacks',
  'messaging_referral',
  'messaging_optins',
  'mentions',
]);

export const CURRENT_SCOPES: ReadonlySet<string> = new Set([
  'instagram_business_basic',
  'instagram_business_manage_insights',
  'instagram_business_manage_comments',
  'instagram_business_manage_messages',
  'instagram_business_content_publish',
]);

export const MEDIA_FIELD_NAMES: ReadonlySet<string> = new Set([
  'id',
  'caption',
  'media_type',
  'media_product_type',
  'media_url',
  'thumbnail_url',
  'permalink',
  'shortcode',
  'timestamp',
  'like_count',
  'comments_count',
  'is_comment_enabled',
  'children',
  'username',
]);

/**
 * The fields Meta's /me accepts (API.md §2.2), written out here on purpose rather than imported from
 * the client's PROFILE_FIELDS: if the client ever asks for a field Meta does not have, the fake must
 * refuse it instead of agreeing with the client's own list.
 */
export const PROFILE_FIELD_NAMES: ReadonlySet<string> = new Set([
  'id',
  'user_id',
  'username',
  'name',
  'account_type',
  'profile_picture_url',
  'followers_count',
  'follows_count',
  'media_count',
  'biography',
  'website',
]);
