import { isJsonObject, readNumber, readString, type JsonObject } from './json.js';

// Meta's usage headers (API.md §8.3): JSON strings whose figures are percentages of the allowance
// (throttling starts at 100). `estimated_time_to_regain_access` is in minutes; 0 means "not blocked
// right now", not "safe". The headers only appear after enough traffic, so absence is not 0 %.

export interface AppUsage {
  callCount: number;
  totalCputime: number;
  totalTime: number;
}

export interface BusinessUseCaseUsage {
  /** The object the budget belongs to (usually the IG professional account id). */
  businessId: string;
  type: string;
  callCount: number;
  totalCputime: number;
  totalTime: number;
  estimatedTimeToRegainAccessMinutes: number;
}

export interface InstagramUsage {
  /** From `X-App-Usage` (app/platform tokens). */
  app: AppUsage | undefined;
  /** From `X-Business-Use-Case-Usage` (what Instagram-user tokens get); one entry per object and type. */
  businessUseCase: BusinessUseCaseUsage[];
  /** Highest percentage across every figure of both headers. */
  maxPercent: number;
  /** Longest `estimated_time_to_regain_access`, converted to milliseconds. */
  regainAccessMs: number;
}

export type HeaderBag = Headers | Record<string, string | string[] | undefined>;

export const APP_USAGE_HEADER = 'x-app-usage';
export const BUSINESS_USE_CASE_USAGE_HEADER = 'x-business-use-case-usage';

function readHeader(headers: HeaderBag, name: string): string | undefined {
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() !== name) continue;
    return Array.isArray(value) ? value[0] : value;
  }
  return undefined;
}

function parseJsonHeader(raw: string | undefined): unknown {
  if (raw === undefined || raw.trim() === '') return undefined;
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    // A malformed header must never fail the call that carried it.
    return undefined;
  }
}

function toAppUsage(value: JsonObject): AppUsage {
  return {
    callCount: readNumber(value, 'call_count') ?? 0,
    totalCputime: readNumber(value, 'total_cputime') ?? 0,
    totalTime: readNumber(value, 'total_time') ?? 0,
  };
}

function toBusinessUseCase(businessId: string, value: JsonObject): BusinessUseCaseUsage {
  return {
    businessId,
    type: readString(value, 'type') ?? 'unknown',
    callCount: readNumber(value, 'call_count') ?? 0,
    totalCputime: readNumber(value, 'total_cputime') ?? 0,
    totalTime: readNumber(value, 'total_time') ?? 0,
    estimatedTimeToRegainAccessMinutes: readNumber(value, 'estimated_time_to_regain_access') ?? 0,
  };
}

/** Parses both usage headers; undefined when neither is present (or both are unreadable). */
export function parseUsageHeaders(headers: HeaderBag): InstagramUsage | undefined {
  const appRaw = parseJsonHeader(readHeader(headers, APP_USAGE_HEADER));
  const bucRaw = parseJsonHeader(readHeader(headers, BUSINESS_USE_CASE_USAGE_HEADER));
  const app = isJsonObject(appRaw) ? toAppUsage(appRaw) : undefined;
  const businessUseCase: BusinessUseCaseUsage[] = [];
  if (isJsonObject(bucRaw)) {
    for (const [businessId, entries] of Object.entries(bucRaw)) {
      const list = Array.isArray(entries) ? entries : [entries];
      for (const entry of list) {
        if (isJsonObject(entry)) businessUseCase.push(toBusinessUseCase(businessId, entry));
      }
    }
  }
  if (app === undefined && businessUseCase.length === 0) return undefined;
  const percents = [
    ...(app ? [app.callCount, app.totalCputime, app.totalTime] : []),
    ...businessUseCase.flatMap((entry) => [entry.callCount, entry.totalCputime, entry.totalTime]),
  ];
  const regainMinutes = Math.max(0, ...businessUseCase.map((entry) => entry.estimatedTimeToRegainAccessMinutes));
  return {
    app,
    businessUseCase,
    maxPercent: Math.max(0, ...percents),
    regainAccessMs: regainMinutes * 60_000,
  };
}
