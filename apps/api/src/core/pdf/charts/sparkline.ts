import { isNum, n, PRIMARY, svgOpen } from './svg.js';

export interface SparklineInput {
  title: string;
  values: (number | null)[];
  width?: number;
  height?: number;
}

/** A tiny trend line without axes (for table cells and score cards); gaps break the line. */
export function sparkline(input: SparklineInput): string {
  const width = input.width ?? 120;
  const height = input.height ?? 32;
  const finite = input.values.filter(isNum);
  let out = svgOpen('sparkline', width, height, input.title);
  if (finite.length === 0) return `${out}</svg>`;
  const lo = Math.min(...finite);
  const hi = Math.max(...finite);
  const pad = 3;
  const x = (i: number) => (input.values.length === 1 ? width / 2 : pad + (i * (width - 2 * pad)) / (input.values.length - 1));
  const y = (v: number) => (hi === lo ? height / 2 : pad + (height - 2 * pad) * (1 - (v - lo) / (hi - lo)));
  let d = '';
  let pen = false;
  input.values.forEach((v, i) => {
    if (!isNum(v)) {
      pen = false;
      return;
    }
    d += `${pen ? 'L' : 'M'}${n(x(i))} ${n(y(v))}`;
    pen = true;
  });
  out += `<path class="ig-spark" d="${d}" fill="none" style="stroke:${PRIMARY}" stroke-width="1.75" stroke-linecap="round" stroke-linejoin="round"/>`;
  const lastIndex = input.values.map(isNum).lastIndexOf(true);
  const last = input.values[lastIndex] as number;
  out += `<circle cx="${n(x(lastIndex))}" cy="${n(y(last))}" r="2.5" style="fill:${PRIMARY}"/>`;
  return `${out}</svg>`;
}
