import { InstagramInvalidMetric } from './errors.js';
import type { HttpTransport } from './http-transport.js';
import { metricsFromBody, unavailable, type MetricResult } from './insight-values.js';

// Asking several metrics in one call is cheap, but one invalid metric fails the whole call (§4.1).
// So: one call for all; if the API rejects a metric, one call per metric, and a rejected metric
// becomes 'unavailable' while the others still come back. Token, throttle and transient errors
// are not about a metric and propagate.

function rejectionReason(error: InstagramInvalidMetric): string {
  return `rejected by the API (code ${error.code ?? 'unknown'}): ${error.apiMessage ?? ''}`.trim();
}

export async function fetchMetrics(http: HttpTransport, token: string, metrics: readonly string[], urlFor: (metrics: readonly string[]) => URL): Promise<MetricResult[]> {
  if (metrics.length === 0) return [];
  try {
    const { body } = await http.send({ method: 'GET', url: urlFor(metrics), token, idempotent: true, envelope: 'graph', insightsCall: true });
    return metricsFromBody(metrics, body);
  } catch (error) {
    if (!(error instanceof InstagramInvalidMetric)) throw error;
    if (metrics.length === 1) return [unavailable(metrics[0] ?? '', rejectionReason(error))];
  }
  const results: MetricResult[] = [];
  // Sequential on purpose: the fallback already multiplies calls against the account's budget.
  for (const metric of metrics) results.push(...(await fetchMetrics(http, token, [metric], urlFor)));
  return results;
}

/** Each metric in its own call, errors of the metric itself → unavailable (for fragile metrics). */
export async function fetchMetricsSeparately(http: HttpTransport, token: string, metrics: readonly string[], urlFor: (metrics: readonly string[]) => URL): Promise<MetricResult[]> {
  const results: MetricResult[] = [];
  for (const metric of metrics) results.push(...(await fetchMetrics(http, token, [metric], urlFor)));
  return results;
}
