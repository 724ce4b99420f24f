/** Small pure helpers shared by the chart builders. Everything user-supplied goes through `xml`. */

const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for an SVG/HTML text node or a quoted attribute. */
export const xml = (value: unknown): string => String(value ?? '').replace(/[&<>"']/g, (c) => XML_ESCAPES[c]!);

/** Coordinates with at most two decimals, so output is short and stable. */
export const n = (value: number): string => String(Math.round(value * 100) / 100);

export const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** A value for an axis label or a tooltip: thousands as 12.3k, small numbers with up to one decimal. */
export function short(value: number): string {
  const abs = Math.abs(value);
  if (abs >= 1_000_000) return `${trim(value / 1_000_000)}M`;
  if (abs >= 10_000) return `${trim(value / 1_000)}k`;
  return trim(value);
}
const trim = (v: number) => String(Math.round(v * 10) / 10);

/** Rounded axis bounds and ticks covering [min, max] with about `count` steps. */
export function niceTicks(min: number, max: number, count = 4): number[] {
  if (min === max) {
    const pad = min === 0 ? 1 : Math.abs(min) * 0.1;
    min -= pad;
    max += pad;
  }
  const raw = (max - min) / count;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? 10 * mag;
  const lo = Math.floor(min / step) * step;
  const hi = Math.ceil(max / step) * step;
  const ticks: number[] = [];
  for (let v = lo; v <= hi + step / 2; v += step) ticks.push(Math.round(v / step) * step);
  return ticks;
}

/** The opening tag of every chart: a labelled image to screen readers, sized by viewBox. */
export function svgOpen(kind: string, width: number, height: number, title: string, desc?: string): string {
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" class="ig-chart ig-${kind}" role="img" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" font-family="system-ui, -apple-system, 'Segoe UI', sans-serif">` +
    `<title>${xml(title)}</title>${desc ? `<desc>${xml(desc)}</desc>` : ''}`
  );
}

/** Brand colours come from the report's CSS variables, with the platform's as fallback outside a report. */
export const PRIMARY = 'var(--ig-primary, #6d28d9)';
export const ACCENT = 'var(--ig-accent, #db2777)';
export const MUTED = '#6b7280';
export const GRID = '#e5e7eb';
