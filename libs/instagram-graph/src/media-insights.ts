import type { ResolvedConfig } from './config.js';
import { InstagramPermissionDenied } from './errors.js';
import { assertNodeId, graphUrl } from './graph-url.js';
import type { HttpTransport } from './http-transport.js';
import { unavailable, type MetricResult } from './insight-values.js';
import { fetchMetrics, fetchMetricsSeparately } from './insights-request.js';
import { mediaMetricPlan, type MediaKind } from './media-insight-metrics.js';

// `GET /<MEDIA_ID>/insights` (API.md §4.1) with the metric list chosen per surface.

export interface MediaRef extends MediaKind {
  id: string;
}

export interface MediaInsightsOptions {
  /** Also ask the fragile metrics (crossposted_views, facebook_views, reposts on stories), one call each,
   * best effort. Off by default: they fail for most media and cost one call per metric. */
  includeFragile?: boolean;
  /** Override the metric list entirely (still with the invalid-metric fallback). */
  metrics?: readonly string[];
}

export async function getMediaInsights(config: ResolvedConfig, http: HttpTransport, token: string, media: MediaRef, options: MediaInsightsOptions = {}): Promise<MetricResult[]> {
  const mediaId = assertNodeId(media.id, 'media id');
  const plan = mediaMetricPlan(media);
  const primary = options.metrics ?? plan.primary;
  const fragile = options.metrics === undefined && options.includeFragile === true ? plan.fragile : [];
  const urlFor = (metrics: readonly string[]): URL => graphUrl(config, [mediaId, 'insights'], { metric: metrics.join(',') });
  try {
    const results = await fetchMetrics(http, token, primary, urlFor);
    return [...results, ...(await fetchMetricsSeparately(http, token, fragile, urlFor))];
  } catch (error) {
    // Stories with fewer than 5 viewers answer "(#10) Not enough viewers…" (§4.1): no data, not a failure.
    if (error instanceof InstagramPermissionDenied && error.code === 10 && /not enough viewers/i.test(error.message)) {
      return [...primary, ...fragile].map((metric) => unavailable(metric, 'not enough viewers'));
    }
    throw error;
  }
}
