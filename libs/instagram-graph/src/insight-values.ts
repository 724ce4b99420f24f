import { isJsonObject, readArray, readNumber, readObject, readString, type JsonObject, type JsonValue } from './json.js';

// Reading insights answers (API.md §4). Missing data comes back as an empty `data` set or
// `values: []`: that is "unavailable", never 0.

export type InsightStatus = 'ok' | 'unavailable';

export interface BreakdownResult {
  dimensionValues: string[];
  value: number;
}

export interface MetricResult {
  metric: string;
  value: number | null;
  status: InsightStatus;
  /** `total_value.breakdowns[0].results`, when the answer carried a breakdown. */
  breakdown?: BreakdownResult[];
  /** Why the metric is unavailable (e.g. the API refused it), when known. */
  reason?: string;
}

export interface ParsedInsight {
  name: string;
  entry: JsonObject;
}

export function insightEntries(body: JsonValue): ParsedInsight[] {
  if (!isJsonObject(body)) return [];
  return (readArray(body, 'data') ?? []).filter(isJsonObject).flatMap((entry) => {
    const name = readString(entry, 'name');
    return name === undefined ? [] : [{ name, entry }];
  });
}

function breakdownResults(totalValue: JsonObject | undefined): BreakdownResult[] | undefined {
  if (totalValue === undefined) return undefined;
  const breakdowns = readArray(totalValue, 'breakdowns');
  const first = breakdowns?.find(isJsonObject);
  if (first === undefined) return undefined;
  return (readArray(first, 'results') ?? []).filter(isJsonObject).flatMap((result) => {
    const value = readNumber(result, 'value');
    const dimensionValues = (readArray(result, 'dimension_values') ?? []).filter((item): item is string => typeof item === 'string');
    return value === undefined ? [] : [{ dimensionValues, value }];
  });
}

/** One number per metric: `values[0].value`, else `total_value.value`, else the sum of the breakdown
 * results (with a breakdown the top-level value may be absent, §4.2). */
export function metricFromEntry(metric: string, entry: JsonObject): MetricResult {
  const totalValue = readObject(entry, 'total_value');
  const breakdown = breakdownResults(totalValue);
  const firstValue = (readArray(entry, 'values') ?? []).find(isJsonObject);
  let value = firstValue === undefined ? undefined : readNumber(firstValue, 'value');
  if (value === undefined && totalValue !== undefined) value = readNumber(totalValue, 'value');
  if (value === undefined && breakdown !== undefined && breakdown.length > 0) value = breakdown.reduce((sum, result) => sum + result.value, 0);
  const result: MetricResult = value === undefined ? { metric, value: null, status: 'unavailable' } : { metric, value, status: 'ok' };
  if (breakdown !== undefined && breakdown.length > 0) result.breakdown = breakdown;
  return result;
}

export function unavailable(metric: string, reason?: string): MetricResult {
  return reason === undefined ? { metric, value: null, status: 'unavailable' } : { metric, value: null, status: 'unavailable', reason };
}

/** One result per requested metric, in the requested order; absent ones are unavailable. */
export function metricsFromBody(metrics: readonly string[], body: JsonValue): MetricResult[] {
  const byName = new Map(insightEntries(body).map(({ name, entry }) => [name, entry]));
  return metrics.map((metric) => {
    const entry = byName.get(metric);
    return entry === undefined ? unavailable(metric) : metricFromEntry(metric, entry);
  });
}
