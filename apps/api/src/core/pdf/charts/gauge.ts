import { GRID, isNum, MUTED, n, PRIMARY, svgOpen, xml } from './svg.js';

export interface GaugeInput {
  title: string;
  /** 0–100; clamped. `null` shows "not enough data" instead of a number. */
  value: number | null;
  /** Small caption under the number (e.g. "Engagement"). */
  label?: string;
  size?: number;
}

/** A half-circle score gauge: grey track, brand-coloured arc up to the score, the score in the middle. */
export function scoreGauge(input: GaugeInput): string {
  const size = input.size ?? 160;
  const height = Math.round(size * 0.68);
  const cx = size / 2;
  const cy = size / 2 + 4;
  const r = size / 2 - 12;
  const stroke = Math.max(6, size / 12);
  const point = (fraction: number) => {
    const angle = Math.PI - Math.PI * fraction;
    return `${n(cx + r * Math.cos(angle))} ${n(cy - r * Math.sin(angle))}`;
  };
  let out = svgOpen('gauge', size, height, input.title, isNum(input.value) ? `${Math.round(input.value)} out of 100` : 'Not enough data');
  out += `<path d="M${point(0)}A${n(r)} ${n(r)} 0 0 1 ${point(1)}" fill="none" stroke="${GRID}" stroke-width="${n(stroke)}" stroke-linecap="round"/>`;
  if (isNum(input.value)) {
    const v = Math.min(100, Math.max(0, input.value));
    if (v > 0) {
      out += `<path class="ig-gauge-value" d="M${point(0)}A${n(r)} ${n(r)} 0 0 1 ${point(v / 100)}" fill="none" style="stroke:${PRIMARY}" stroke-width="${n(stroke)}" stroke-linecap="round"/>`;
    }
    out += `<text x="${n(cx)}" y="${n(cy - 4)}" text-anchor="middle" font-size="${n(size / 5)}" font-weight="700" fill="#111827">${Math.round(v)}</text>`;
  } else {
    out += `<text x="${n(cx)}" y="${n(cy - 6)}" text-anchor="middle" font-size="${n(size / 12)}" fill="${MUTED}">not enough data</text>`;
  }
  if (input.label) out += `<text x="${n(cx)}" y="${n(cy + size / 9)}" text-anchor="middle" font-size="${n(size / 13)}" fill="${MUTED}">${xml(input.label)}</text>`;
  return `${out}</svg>`;
}
