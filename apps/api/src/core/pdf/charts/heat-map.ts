import { isNum, MUTED, n, PRIMARY, short, svgOpen, xml } from './svg.js';

export interface HeatMapInput {
  title: string;
  description?: string;
  /** `cells[weekday][hour]`: 7 rows (Monday first unless `rowLabels` says otherwise) × 24 hours; `null` = no sample. */
  cells: (number | null)[][];
  rowLabels?: string[];
  unit?: string;
  width?: number;
}

const DAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/** Weekday × hour grid; the darker the cell, the higher its value. Empty cells are hatched grey. */
export function heatMap(input: HeatMapInput): string {
  const width = input.width ?? 640;
  const labels = input.rowLabels ?? DAYS;
  const left = 40;
  const top = 8;
  const cell = (width - left - 4) / 24;
  const rows = input.cells.length;
  const height = top + rows * cell + 22;
  const values = input.cells.flat().filter(isNum);
  const lo = values.length ? Math.min(...values) : 0;
  const hi = values.length ? Math.max(...values) : 0;
  const unit = input.unit ?? '';
  let out = svgOpen('heatmap', width, Math.ceil(height), input.title, input.description);
  input.cells.forEach((row, d) => {
    const y = top + d * cell;
    out += `<text x="${left - 6}" y="${n(y + cell / 2 + 4)}" text-anchor="end" font-size="11" fill="${MUTED}">${xml(labels[d] ?? '')}</text>`;
    for (let h = 0; h < 24; h++) {
      const v = row[h];
      const x = left + h * cell;
      const label = `${labels[d] ?? ''} ${String(h).padStart(2, '0')}:00`;
      if (!isNum(v)) {
        out += `<rect x="${n(x + 1)}" y="${n(y + 1)}" width="${n(cell - 2)}" height="${n(cell - 2)}" fill="#f3f4f6"><title>${xml(`${label}: no data`)}</title></rect>`;
        continue;
      }
      const opacity = hi === lo ? 0.6 : 0.1 + (0.9 * (v - lo)) / (hi - lo);
      out += `<rect class="ig-heat" x="${n(x + 1)}" y="${n(y + 1)}" width="${n(cell - 2)}" height="${n(cell - 2)}" rx="2" style="fill:${PRIMARY}" fill-opacity="${n(opacity)}"><title>${xml(`${label}: ${short(v)}${unit}`)}</title></rect>`;
    }
  });
  for (let h = 0; h < 24; h += 3) {
    out += `<text x="${n(left + h * cell + cell / 2)}" y="${n(top + rows * cell + 14)}" text-anchor="middle" font-size="10" fill="${MUTED}">${String(h).padStart(2, '0')}h</text>`;
  }
  return `${out}</svg>`;
}
