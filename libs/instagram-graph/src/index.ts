// Public surface of @instagrowth/instagram-graph: a typed client for "Instagram API with Instagram Login".

export { InstagramClient, createInstagramClient } from './instagram-client.js';
export {
  DEFAULT_API_BASE_URL,
  DEFAULT_AUTHORIZE_URL,
  DEFAULT_GRAPH_BASE_URL,
  DEFAULT_GRAPH_VERSION,
  type InstagramClientConfig,
  type InstagramLogger,
  type TokenTransport,
  type UsageContext,
} from './config.js';
export type { ClientStats } from './http-transport.js';
export {
  InstagramError,
  InstagramInvalidMetric,
  InstagramOAuthError,
  InstagramPermissionDenied,
  InstagramRateLimited,
  InstagramTokenExpired,
  InstagramTransient,
  classify,
  type InstagramErrorAction,
  type InstagramErrorInit,
  type RateLimitScope,
} from './errors.js';
export { DEFAULT_RATE_LIMIT_BACKOFF_MS } from './error-mapping.js';
export { parseUsageHeaders, APP_USAGE_HEADER, BUSINESS_USE_CASE_USAGE_HEADER, type AppUsage, type BusinessUseCaseUsage, type HeaderBag, type InstagramUsage } from './usage-headers.js';
export { redactSecrets, redactUrl, REDACTED } from './redact.js';
export { parseJsonLossless } from './lossless-json.js';
export { INSTAGRAM_SCOPES, REQUIRED_SCOPE, missingScopes, type InstagramScope } from './scopes.js';
export { parseCallbackQuery, type AuthorizeUrlOptions, type CallbackQuery, type CallbackResult } from './oauth-authorize.js';
export type { LongLivedToken, ShortLivedToken } from './oauth-tokens.js';
export { PROFILE_FIELDS, isProfessionalAccount, type InstagramProfile, type ProfileField } from './profile.js';
export {
  MEDIA_EDGE_CAP,
  MEDIA_FIELDS,
  DEFAULT_MEDIA_PAGE_SIZE,
  MAX_MEDIA_PAGE_SIZE,
  type InstagramMedia,
  type InstagramMediaChild,
  type InstagramMediaPage,
  type ListMediaOptions,
  type MediaProductType,
  type MediaType,
} from './media-list.js';
export { FEED_METRICS, REELS_METRICS, STORY_METRICS, FRAGILE_METRICS, insightSurface, mediaMetricPlan, type InsightSurface, type MediaKind, type MediaMetricPlan } from './media-insight-metrics.js';
export type { BreakdownResult, InsightStatus, MetricResult } from './insight-values.js';
export type { MediaInsightsOptions, MediaRef } from './media-insights.js';
export type { AccountSeries, OnlineFollowers, OnlineFollowersDay, OnlineFollowersOptions, SeriesMetric, SeriesOptions, SeriesPoint, TotalValuesOptions } from './account-insights.js';
export { MAX_INSIGHTS_WINDOW_SECONDS, splitIntoWindows, utcDayWindow, type TimeWindow } from './time-windows.js';
export { DEFAULT_WEBHOOK_FIELDS } from './webhook-subscription.js';
export { verifyWebhookChallenge, verifyWebhookSignature, type ChallengeQuery, type ChallengeResult } from './webhook-verification.js';
