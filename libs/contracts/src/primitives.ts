import { z } from 'zod';

/**
 * Edge primitives every request schema is built from, so nothing PostgreSQL cannot store reaches
 * it: text refuses NUL (text columns cannot hold it) and lone UTF-16 surrogates (not encodable as
 * UTF-8); numbers are bounded to their column; dates to a sane range.
 */

/** int4 columns (counts stored as `integer`). */
export const INT4_MAX = 2_147_483_647;
/** Dates outside this range are typos or probes, never real Instagram data. */
export const MIN_DATE = '1970-01-01';
export const MAX_DATE = '2100-12-31';

// A high surrogate not followed by a low one, or a low one not preceded by a high one.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Why a string cannot be stored, or null when it can. */
export function unsafeTextReason(value: string): string | null {
  if (value.includes('\u0000')) return 'must not contain NUL characters';
  if (LONE_SURROGATE.test(value)) return 'must not contain invalid Unicode (lone surrogates)';
  return null;
}

/**
 * The first unsafe string anywhere inside a parsed JSON value, with its path: the HTTP pipe runs
 * it on every body, query and param, so even a field a schema forgets is refused.
 */
export function findUnsafeText(value: unknown, path: string[] = [], depth = 0): { path: string; reason: string } | null {
  if (depth > 32) return null;
  if (typeof value === 'string') {
    const reason = unsafeTextReason(value);
    return reason ? { path: path.join('.'), reason } : null;
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const hit = findUnsafeText(value[i], [...path, String(i)], depth + 1);
      if (hit) return hit;
    }
    return null;
  }
  if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const keyReason = unsafeTextReason(k);
      if (keyReason) return { path: [...path, '(key)'].join('.'), reason: keyReason };
      const hit = findUnsafeText(v, [...path, k], depth + 1);
      if (hit) return hit;
    }
  }
  return null;
}

/** A string that PostgreSQL can store: no NUL, no lone surrogates. Not trimmed. */
export const safeString = () =>
  z.string().superRefine((s, ctx) => {
    const reason = unsafeTextReason(s);
    if (reason) ctx.addIssue({ code: 'custom', message: reason });
  });

/** Trimmed text with length bounds (in UTF-16 units, as the browser counts them). */
export function text(options: { max: number; min?: number; trim?: boolean }) {
  const base = options.trim === false ? z.string() : z.string().trim();
  let s = base.max(options.max, `must be at most ${options.max} characters`);
  if (options.min) s = s.min(options.min, options.min === 1 ? 'is required' : `must be at least ${options.min} characters`);
  return s.superRefine((v, ctx) => {
    const reason = unsafeTextReason(v);
    if (reason) ctx.addIssue({ code: 'custom', message: reason });
  });
}

/** A whole number ≥ 0 that fits an int4 column (or `max`). */
export const count = (max: number = INT4_MAX) =>
  z.number({ error: 'must be a number' }).int('must be a whole number').min(0, 'cannot be negative').max(max, `must be at most ${max}`);

/** Like `count`, for a query string or CSV cell. */
export const countFromString = (max: number = INT4_MAX) => z.coerce.number({ error: 'must be a number' }).int('must be a whole number').min(0, 'cannot be negative').max(max, `must be at most ${max}`);

/** A JavaScript-safe integer bound, for bigint counters. */
export const bigCount = () => count(Number.MAX_SAFE_INTEGER);

/** `YYYY-MM-DD` between 1970 and 2100. */
export const isoDate = () =>
  z.iso
    .date('must be a date like 2026-11-22')
    .refine((d) => d >= MIN_DATE && d <= MAX_DATE, `must be between ${MIN_DATE} and ${MAX_DATE}`);

/** True when a Date is inside the sane range (used for CSV cells and parsed timestamps). */
export function isSaneDate(d: Date): boolean {
  const t = d.getTime();
  return Number.isFinite(t) && t >= Date.parse(`${MIN_DATE}T00:00:00Z`) && t <= Date.parse(`${MAX_DATE}T23:59:59Z`);
}

/** Positive int4 id (e.g. a tenant id in a path). */
export const int4Id = () => z.coerce.number({ error: 'must be a number' }).int('must be a whole number').positive('must be positive').max(INT4_MAX, `must be at most ${INT4_MAX}`);
