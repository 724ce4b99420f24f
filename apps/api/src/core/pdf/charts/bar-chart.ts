import { GRID, isNum, MUTED, n, niceTicks, PRIMARY, short, svgOpen, xml } from './svg.js';

export interface BarChartInput {
  title: string;
  description?: string;
  bars: { label: string; value: number | null; highlight?: boolean }[];
  unit?: string;
  width?: number;
  height?: number;
}

const PAD = { left: 48, right: 10, top: 18, bottom: 30 };

/** Vertical bars from a zero baseline (negative values go below it); `null` bars are left empty and labelled n/a. */
export function barChart(input: BarChartInput): string {
  const width = input.width ?? 640;
  const height = input.height ?? 240;
  const unit = input.unit ?? '';
  const values = input.bars.map((b) => b.value).filter(isNum);
  let out = svgOpen('bar', width, height, input.title, input.description);
  if (values.length === 0) {
    return `${out}<text x="${width / 2}" y="${height / 2}" text-anchor="middle" fill="${MUTED}" font-size="13">No data yet</text></svg>`;
  }
  const ticks = niceTicks(Math.min(0, ...values), Math.max(0, ...values));
  const lo = ticks[0]!;
  const hi = ticks[ticks.length - 1]!;
  const plotW = width - PAD.left - PAD.right;
  const plotH = height - PAD.top - PAD.bottom;
  const y = (v: number) => PAD.top + plotH - ((v - lo) / (hi - lo)) * plotH;
  for (const t of ticks) {
    out += `<line x1="${PAD.left}" x2="${width - PAD.right}" y1="${n(y(t))}" y2="${n(y(t))}" stroke="${GRID}" stroke-width="1"/>`;
    out += `<text x="${PAD.left - 6}" y="${n(y(t) + 4)}" text-anchor="end" font-size="11" fill="${MUTED}">${xml(short(t) + unit)}</text>`;
  }
  const slot = plotW / input.bars.length;
  const barW = Math.max(2, Math.min(48, slot * 0.7));
  input.bars.forEach((b, i) => {
    const cx = PAD.left + slot * i + slot / 2;
    out += `<text x="${n(cx)}" y="${height - 10}" text-anchor="middle" font-size="11" fill="${MUTED}">${xml(b.label)}</text>`;
    if (!isNum(b.value)) {
      out += `<text x="${n(cx)}" y="${n(y(0) - 4)}" text-anchor="middle" font-size="10" fill="${MUTED}">n/a</text>`;
      return;
    }
    const top = y(Math.max(0, b.value));
    const h = Math.abs(y(b.value) - y(0));
    const fill = b.highlight ? 'var(--ig-accent, #db2777)' : PRIMARY;
    out += `<rect class="ig-bar" x="${n(cx - barW / 2)}" y="${n(top)}" width="${n(barW)}" height="${n(Math.max(h, 0.5))}" rx="2" style="fill:${fill}"><title>${xml(`${b.label}: ${short(b.value)}${unit}`)}</title></rect>`;
    out += `<text x="${n(cx)}" y="${n(b.value >= 0 ? top - 4 : top + h + 12)}" text-anchor="middle" font-size="10" fill="#374151">${xml(short(b.value) + unit)}</text>`;
  });
  return `${out}</svg>`;
}
