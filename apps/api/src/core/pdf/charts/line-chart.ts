import { GRID, isNum, MUTED, n, niceTicks, PRIMARY, short, svgOpen, xml } from './svg.js';

export interface LinePoint {
  label: string;
  /** `null` (or a non-finite number) is a gap: the line breaks there. */
  value: number | null;
  /** Estimated values are drawn dashed, so a reader never mistakes them for measurements. */
  estimated?: boolean;
}

export interface LineChartInput {
  title: string;
  description?: string;
  points: LinePoint[];
  unit?: string;
  width?: number;
  height?: number;
}

const PAD = { left: 48, right: 14, top: 14, bottom: 30 };

/** A line chart as an inline SVG string; segments touching an estimated point are dashed. */
export function lineChart(input: LineChartInput): string {
  const width = input.width ?? 640;
  const height = input.height ?? 240;
  const unit = input.unit ?? '';
  const pts = input.points;
  const values = pts.map((p) => p.value).filter(isNum);
  let out = svgOpen('line', width, height, input.title, input.description);
  if (values.length === 0) {
    return `${out}<text x="${width / 2}" y="${height / 2}" text-anchor="middle" fill="${MUTED}" font-size="13">No data yet</text></svg>`;
  }
  const ticks = niceTicks(Math.min(...values), Math.max(...values));
  const lo = ticks[0]!;
  const hi = ticks[ticks.length - 1]!;
  const plotW = width - PAD.left - PAD.right;
  const plotH = height - PAD.top - PAD.bottom;
  const x = (i: number) => PAD.left + (pts.length === 1 ? plotW / 2 : (i * plotW) / (pts.length - 1));
  const y = (v: number) => PAD.top + plotH - ((v - lo) / (hi - lo)) * plotH;

  for (const t of ticks) {
    out += `<line x1="${PAD.left}" x2="${width - PAD.right}" y1="${n(y(t))}" y2="${n(y(t))}" stroke="${GRID}" stroke-width="1"/>`;
    out += `<text x="${PAD.left - 6}" y="${n(y(t) + 4)}" text-anchor="end" font-size="11" fill="${MUTED}">${xml(short(t) + unit)}</text>`;
  }
  const labelEvery = Math.max(1, Math.ceil(pts.length / 6));
  pts.forEach((p, i) => {
    if (i % labelEvery === 0 || i === pts.length - 1) {
      out += `<text x="${n(x(i))}" y="${height - 10}" text-anchor="middle" font-size="11" fill="${MUTED}">${xml(p.label)}</text>`;
    }
  });

  // One path per run of solid or dashed segments; a gap (null) ends the run.
  const solid: string[] = [];
  const dashed: string[] = [];
  for (let i = 1; i < pts.length; i++) {
    const a = pts[i - 1]!;
    const b = pts[i]!;
    if (!isNum(a.value) || !isNum(b.value)) continue;
    const seg = `M${n(x(i - 1))} ${n(y(a.value))}L${n(x(i))} ${n(y(b.value))}`;
    (a.estimated || b.estimated ? dashed : solid).push(seg);
  }
  if (solid.length) out += `<path class="ig-line" d="${solid.join('')}" fill="none" style="stroke:${PRIMARY}" stroke-width="2.5" stroke-linecap="round" stroke-linejoin="round"/>`;
  if (dashed.length) out += `<path class="ig-line-estimated" d="${dashed.join('')}" fill="none" style="stroke:${PRIMARY}" stroke-width="2" stroke-dasharray="6 4" stroke-linecap="round"/>`;
  // Isolated points (neighbours missing) would be invisible as a line: draw them as dots.
  pts.forEach((p, i) => {
    if (!isNum(p.value)) return;
    const prev = pts[i - 1]?.value;
    const next = pts[i + 1]?.value;
    if (!isNum(prev) && !isNum(next)) out += `<circle cx="${n(x(i))}" cy="${n(y(p.value))}" r="3" style="fill:${PRIMARY}"/>`;
  });
  if (dashed.length) {
    out += `<text x="${width - PAD.right}" y="${PAD.top - 2}" text-anchor="end" font-size="10" fill="${MUTED}">- - - estimated</text>`;
  }
  return `${out}</svg>`;
}
