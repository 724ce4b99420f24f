import { barChart, heatMap, lineChart, scoreGauge, sparkline } from './index.js';
import { niceTicks, short, xml } from './svg.js';

const count = (s: string, re: RegExp) => (s.match(re) ?? []).length;

describe('chart helpers (inline SVG)', () => {
  it('every chart is a labelled image with an escaped <title> and no external reference', () => {
    const evil = '<script>alert(1)</script>&"';
    const charts = [
      lineChart({ title: evil, points: [{ label: evil, value: 1 }, { label: 'b', value: 2 }] }),
      barChart({ title: evil, bars: [{ label: evil, value: 3 }] }),
      scoreGauge({ title: evil, value: 50, label: evil }),
      heatMap({ title: evil, cells: [[1, null, ...Array(22).fill(2)]], rowLabels: [evil] }),
      sparkline({ title: evil, values: [1, 2, 3] }),
    ];
    for (const svg of charts) {
      expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
      expect(svg).toContain('role="img"');
      expect(svg).toContain('<title>&lt;script&gt;alert(1)&lt;/script&gt;&amp;&quot;</title>');
      expect(svg).not.toContain('<script');
      expect(svg).not.toMatch(/href|url\(|@import|@font-face/);
      expect(svg.endsWith('</svg>')).toBe(true);
    }
  });

  it('line chart: solid path for measured points, dashed path for segments touching an estimate, a gap for null', () => {
    const svg = lineChart({
      title: 'Followers',
      width: 300,
      height: 200,
      points: [
        { label: 'd1', value: 0 },
        { label: 'd2', value: 10 },
        { label: 'd3', value: 20, estimated: true },
        { label: 'd4', value: null },
        { label: 'd5', value: 30 },
        { label: 'd6', value: 40 },
      ],
    });
    const solid = /class="ig-line" d="([^"]+)"/.exec(svg)![1];
    const dashed = /class="ig-line-estimated" d="([^"]+)"/.exec(svg)![1];
    // d1→d2 and d5→d6 are measured; d2→d3 touches an estimate; d3→d4 and d4→d5 are gaps.
    expect(count(solid, /M/g)).toBe(2);
    expect(count(dashed, /M/g)).toBe(1);
    expect(svg).toContain('stroke-dasharray="6 4"');
    expect(svg).toContain('estimated');
    // Axis 0..40, plot from y=14 to y=170: the value 0 sits on the bottom edge, 40 on the top.
    expect(solid.startsWith('M48 170L')).toBe(true);
    expect(solid).toMatch(/L286 14$/);
  });

  it('line chart without any value says so instead of drawing an empty axis', () => {
    const svg = lineChart({ title: 'Empty', points: [{ label: 'a', value: null }] });
    expect(svg).toContain('No data yet');
    expect(svg).not.toContain('<path');
  });

  it('line chart without estimates has no dashed path and no legend', () => {
    const svg = lineChart({ title: 'Reach', points: [1, 2, 3].map((v) => ({ label: String(v), value: v })) });
    expect(svg).not.toContain('ig-line-estimated');
    expect(svg).not.toContain('estimated');
  });

  it('bar chart: bar heights are proportional from a zero baseline; null is n/a; non-finite is treated as missing', () => {
    const svg = barChart({ title: 'ER', width: 200, height: 148, bars: [{ label: 'A', value: 50 }, { label: 'B', value: 100 }, { label: 'C', value: null }, { label: 'D', value: Number.NaN }] });
    const heights = [...svg.matchAll(/class="ig-bar"[^>]*height="([\d.]+)"/g)].map((m) => Number(m[1]));
    expect(heights).toHaveLength(2);
    expect(heights[1]! / heights[0]!).toBeCloseTo(2, 5);
    expect(heights[1]).toBe(100); // plot height = 148 - 18 - 30
    expect(count(svg, /n\/a/g)).toBe(2);
    expect(svg).toContain('<title>B: 100</title>');
  });

  it('score gauge: the arc ends at the angle of the score; clamps; null says not enough data', () => {
    const half = scoreGauge({ title: 'Score', value: 50, size: 160 });
    // centre (80, 84), radius 68: 50 → the top of the arc (80, 16).
    expect(half).toMatch(/class="ig-gauge-value" d="M12 84A68 68 0 0 1 80 16"/);
    expect(half).toContain('>50</text>');
    const full = scoreGauge({ title: 'Score', value: 140, size: 160 });
    expect(full).toMatch(/class="ig-gauge-value" d="M12 84A68 68 0 0 1 148 84"/);
    expect(full).toContain('>100</text>');
    expect(scoreGauge({ title: 'Score', value: 0 })).not.toContain('ig-gauge-value');
    const none = scoreGauge({ title: 'Score', value: null });
    expect(none).toContain('not enough data');
    expect(none).not.toContain('ig-gauge-value');
  });

  it('heat map: 7 × 24 cells, opacity rises with the value, empty cells are labelled "no data"', () => {
    const cells = Array.from({ length: 7 }, (_, d) => Array.from({ length: 24 }, (_, h) => (h === 0 ? null : d * 24 + h)));
    const svg = heatMap({ title: 'Best times', cells, unit: '%' });
    expect(count(svg, /class="ig-heat"/g)).toBe(7 * 23);
    expect(count(svg, /no data/g)).toBe(7);
    const opacities = [...svg.matchAll(/fill-opacity="([\d.]+)"/g)].map((m) => Number(m[1]));
    expect(Math.min(...opacities)).toBeCloseTo(0.1, 5);
    expect(Math.max(...opacities)).toBeCloseTo(1, 5);
    expect(svg).toContain('<title>Sun 23:00: 167%</title>');
    expect(svg).toContain('>Mon</text>');
  });

  it('sparkline: one path across finite values, broken at gaps, a dot on the last value', () => {
    const svg = sparkline({ title: 'Trend', values: [1, 2, null, 4], width: 100, height: 20 });
    const d = /class="ig-spark" d="([^"]+)"/.exec(svg)![1];
    expect(count(d, /M/g)).toBe(2);
    expect(count(d, /L/g)).toBe(1);
    expect(svg).toMatch(/<circle cx="97" cy="3"/);
    expect(sparkline({ title: 'Empty', values: [] })).not.toContain('<path');
  });

  it('axis helpers: nice ticks cover the range; short numbers; xml escapes quotes', () => {
    expect(niceTicks(0, 40)).toEqual([0, 10, 20, 30, 40]);
    // range 2208 / 4 = 552 per step → rounded up to 1000.
    expect(niceTicks(12_003, 14_211)).toEqual([12_000, 13_000, 14_000, 15_000]);
    expect(niceTicks(5, 5)[0]).toBeLessThan(5);
    expect(short(12_345)).toBe('12.3k');
    expect(short(2_500_000)).toBe('2.5M');
    expect(short(3.14159)).toBe('3.1');
    expect(xml(`a"b'c<d>&`)).toBe('a&quot;b&#39;c&lt;d&gt;&amp;');
  });
});
