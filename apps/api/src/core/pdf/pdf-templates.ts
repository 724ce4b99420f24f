import Handlebars from 'handlebars';
import { barChart, heatMap, lineChart, scoreGauge, sparkline } from './charts/index.js';
import { isNum } from './charts/svg.js';
import type { PdfTemplate, PdfTemplateSource, ReportBranding } from './pdf.types.js';
import { REPORT_PARTIALS } from './templates/report-pack.js';

type HelperOptions = Handlebars.HelperOptions;

/** Chart helpers take one object (`{{lineChart chart}}`) or hash arguments (`{{scoreGauge value=72 title="…"}}`). */
const chartHelper =
  <I extends object>(build: (input: I) => string) =>
  (...args: unknown[]): Handlebars.SafeString => {
    const options = args[args.length - 1] as HelperOptions;
    const input = (args.length > 1 ? args[0] : options.hash) as I | undefined;
    if (!input || typeof input !== 'object') return new Handlebars.SafeString('');
    // Our builders escape every label they print, so their output is safe to insert as markup.
    return new Handlebars.SafeString(build(input));
  };

const number = (v: unknown, decimals?: unknown): string => {
  if (!isNum(v)) return '–';
  const d = isNum(decimals) ? decimals : Number.isInteger(v) ? 0 : 1;
  return v.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d });
};

export const REPORT_HELPERS: Record<string, Handlebars.HelperDelegate> = {
  lineChart: chartHelper(lineChart),
  barChart: chartHelper(barChart),
  scoreGauge: chartHelper(scoreGauge),
  heatMap: chartHelper(heatMap),
  sparkline: chartHelper(sparkline),
  /** `{{formatNumber 12345.6 1}}` → 12,345.6; missing values print as a dash, never 0. */
  formatNumber: (v: unknown, d: unknown) => number(v, typeof d === 'object' ? undefined : d),
  /** `{{percent 2.41}}` → "2.4 %": the value is already in percent. */
  percent: (v: unknown, d: unknown) => (isNum(v) ? `${number(v, typeof d === 'object' ? 1 : d)} %` : '–'),
  /** `{{signed 3}}` → "+3". */
  signed: (v: unknown) => (isNum(v) ? `${v > 0 ? '+' : ''}${number(v)}` : '–'),
  /** `{{formatDate date}}` → "3 Dec 2026" (UTC; callers pass dates already in the account's zone when it matters). */
  formatDate: (v: unknown) => {
    const date = v instanceof Date ? v : typeof v === 'string' || typeof v === 'number' ? new Date(v) : null;
    if (!date || Number.isNaN(date.getTime())) return '';
    return date.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
  },
  /** A table cell: numbers formatted, null/undefined as a dash. */
  cell: (v: unknown) => (v === null || v === undefined ? '–' : isNum(v) ? number(v) : String(v)),
  scoreClass: (v: unknown) => (!isNum(v) ? 'none' : v >= 70 ? 'good' : v >= 40 ? 'fair' : 'poor'),
  concat: (...args: unknown[]) => args.slice(0, -1).map((a) => String(a ?? '')).join(''),
  eq: (a: unknown, b: unknown) => a === b,
  includes: (list: unknown, v: unknown) => Array.isArray(list) && list.includes(v),
};

/**
 * Compiles a feature's report template once (call it at module scope): its own Handlebars
 * environment holds the shared helpers and report pack plus the feature's partials and helpers,
 * so two features can never overwrite each other's `{{> cover}}`.
 */
export function definePdfTemplate<T>(source: PdfTemplateSource<T>): PdfTemplate<T> {
  const env = Handlebars.create();
  env.registerHelper({ ...REPORT_HELPERS, ...source.helpers });
  env.registerPartial({ ...REPORT_PARTIALS, ...source.partials });
  const body = env.compile<T>(source.body, { noEscape: false });
  return {
    name: source.name,
    body,
    title: source.title ?? ((_data: T, branding: ReportBranding) => `${branding.name} report`),
  };
}
