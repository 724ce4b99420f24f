// Every number in an audit, and a check that a narrative quotes only those numbers.
import type { Audit, AuditNumber } from './types.js';

const SKIP = new Set(['numbers', 'grid']);
const SKIP_SUMMARY = new Set(['numbers', 'grid', 'perPost']);

export interface NumbersOptions {
  /**
   * `all` (default): every number, including each post's rates and inputs. `summary`: without the
   * per-post rows (engagement.perPost), a much smaller set — use it to check a narrative strictly,
   * since among thousands of per-post figures almost any invented number has a namesake.
   */
  scope?: 'all' | 'summary';
}

function walk(v: unknown, path: string, out: AuditNumber[], unit: string | undefined, skip: Set<string>): void {
  if (typeof v === 'number') {
    if (Number.isFinite(v)) out.push(unit ? { id: path, value: v, unit: unit as AuditNumber['unit'] } : { id: path, value: v });
    return;
  }
  if (v === null || typeof v !== 'object') return;
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) {
      const x = v[i];
      if (x !== null && (typeof x === 'object' || typeof x === 'number')) walk(x, `${path}[${i}]`, out, unit, skip);
    }
    return;
  }
  const o = v as Record<string, unknown>;
  const u = typeof o.unit === 'string' ? o.unit : undefined;
  // A metric's numbers are named after its stable id rather than where it sits in the audit.
  const base = o.status === 'ok' && typeof o.id === 'string' ? o.id : path;
  for (const k in o) {
    const x = o[k];
    if (x === null || (typeof x !== 'object' && typeof x !== 'number') || skip.has(k)) continue;
    walk(x, base ? `${base}.${k}` : k, out, k === 'value' ? u : undefined, skip);
  }
}

/** Every finite number in the audit with the path it sits at (the 7 × 24 best-time grid excluded). */
export function numbersIn(audit: Audit, options: NumbersOptions = {}): AuditNumber[] {
  const out: AuditNumber[] = [];
  walk(audit, '', out, undefined, options.scope === 'summary' ? SKIP_SUMMARY : SKIP);
  return out;
}

/** Every YYYY-MM-DD date mentioned anywhere in the audit. */
function datesIn(audit: Audit): Set<string> {
  const s = new Set<string>();
  for (const m of JSON.stringify(audit).matchAll(/\d{4}-\d{2}-\d{2}/g)) s.add(m[0]);
  return s;
}

export interface ForeignNumber {
  /** The text as written, e.g. "2.4 %", "1.2k". */
  text: string;
  /** Its value (1.2k → 1200); null for a date. */
  value: number | null;
}

// "2,400", "2.4", "2,4", "-3", "1.2k", "3M", "2.4 %", "18:00". Digits glued to letters or "#"
// (#summer2024, 2nd, v25) are not quantities.
const NUMBER = /(?<![\p{L}\p{N}_#.,])([-+−]?)(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:[.,]\d+)?)(\s?[kKmM](?![\p{L}]))?(?![\p{L}\p{N}_])/gu;
const DATE = /\b\d{4}-\d{2}-\d{2}\b/g;
const CLOCK = /\b([01]?\d|2[0-3]):([0-5]\d)\b/g;

function matches(value: number, decimals: number, known: number[]): boolean {
  const tol = 0.5 * 10 ** -decimals + 1e-9;
  const a = Math.abs(value);
  return known.some((k) => Math.abs(Math.abs(k) - a) <= tol || Math.abs(Math.abs(k * 100) - a) <= tol);
}

/**
 * Numbers in `text` that do not appear in the audit. Formatting is tolerated: thousands
 * separators (2,400), decimal commas (2,4), suffixes (1.2k, 3M), percent signs, signs, rounding to
 * the written precision (2.41 → "2.4"), ratios written as percent (0.42 → "42 %"), dates the audit
 * contains and clock times whose hour the audit contains (18:00).
 */
export function findForeignNumbers(text: string, audit: Audit, options: NumbersOptions = {}): ForeignNumber[] {
  const known = numbersIn(audit, options).map((n) => n.value);
  const dates = datesIn(audit);
  const foreign: ForeignNumber[] = [];
  let rest = text.replace(DATE, (d) => {
    if (!dates.has(d)) foreign.push({ text: d, value: null });
    return ' ';
  });
  rest = rest.replace(CLOCK, (t, h: string, m: string) => {
    if (!matches(Number(h), 0, known) || (m !== '00' && !matches(Number(m), 0, known))) foreign.push({ text: t, value: Number(h) });
    return ' ';
  });
  for (const m of rest.matchAll(NUMBER)) {
    let digits = m[2];
    // A comma followed by exactly three digits groups thousands; any other comma is a decimal comma.
    digits = /^\d{1,3}(,\d{3})+(\.\d+)?$/.test(digits) ? digits.replace(/,/g, '') : digits.replace(',', '.');
    let value = Number(digits);
    let decimals = digits.includes('.') ? digits.split('.')[1].length : 0;
    const suffix = m[3]?.trim().toLowerCase();
    if (suffix === 'k') {
      value *= 1_000;
      decimals -= 3;
    } else if (suffix === 'm') {
      value *= 1_000_000;
      decimals -= 6;
    }
    if (m[1] === '-' || m[1] === '−') value = -value;
    if (!matches(value, decimals, known)) foreign.push({ text: m[0].trim(), value });
  }
  return foreign;
}
