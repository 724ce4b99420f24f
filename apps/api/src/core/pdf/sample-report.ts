import type { BarChartInput, HeatMapInput, LineChartInput } from './charts/index.js';
import { definePdfTemplate } from './pdf-templates.js';

/**
 * A ten-page report that uses every partial and chart of the pack with fixed, made-up numbers.
 * It is the renderer's own fixture (integration test, `npm run bench`, a feature author's
 * example), never shown to a user as real data: its cover says "Sample".
 */
export interface SampleReportData {
  handle: string;
  generatedAt: string;
  scores: { label: string; value: number | null; delta?: number; detail: string }[];
  followers: LineChartInput;
  engagement: BarChartInput;
  bestTimes: HeatMapInput;
  posts: { caption?: string; columns: string[]; rows: (string | number | null)[][]; numeric: number[] };
  hashtags: { columns: string[]; rows: (string | number | null)[][]; numeric: number[] };
  risks: { tone: string; title: string; text: string }[];
  recommendations: { text: string; detail: string }[];
  roadmap: { title: string; items: { text: string; detail?: string; done?: boolean }[] }[];
  trend: (number | null)[];
}

const BODY = `
{{> cover kicker="Sample report" title="Instagram account audit" subtitle=handle date=generatedAt meta=coverMeta}}

{{#> section title="Summary" lead="Each score is 0–100 and comes with the formula and inputs behind it."}}
  {{> scoreCards cards=scores}}
  <p>Follower trend over the period: {{sparkline title="Follower trend" values=trend width=160 height=36}}</p>
{{/section}}

{{#> section title="Followers" lead="Stored daily snapshots; the dashed part is estimated from follows and unfollows." breakBefore=true}}
  {{lineChart followers}}
  {{#> callout tone="info" heading="How to read this"}}Solid line: measured. Dashed line: estimated where no snapshot exists.{{/callout}}
{{/section}}

{{#> section title="Engagement" lead="Median engagement rate per format." breakBefore=true}}
  {{barChart engagement}}
{{/section}}

{{#> section title="Best times to post" lead="Engagement by weekday and hour in the account's time zone." breakBefore=true}}
  {{heatMap bestTimes}}
{{/section}}

{{#> section title="Recent posts" breakBefore=true}}
  {{> table table=posts}}
{{/section}}

{{#> section title="Hashtags" breakBefore=true}}
  {{> table table=hashtags}}
{{/section}}

{{#> section title="Risk factors" lead="An estimate from evidence, never a verdict." breakBefore=true}}
  {{#each risks}}{{#> callout tone=tone heading=title}}{{text}}{{/callout}}{{/each}}
{{/section}}

{{#> section title="Recommendations" breakBefore=true}}
  {{> checklist items=recommendations}}
{{/section}}

{{#> section title="30-day roadmap" breakBefore=true}}
  {{#each roadmap}}{{> checklist heading=title items=items}}{{/each}}
{{/section}}
`;

export const SAMPLE_REPORT = definePdfTemplate<SampleReportData & { coverMeta?: { label: string; value: string }[] }>({
  name: 'sample-report',
  body: BODY,
  title: (d, b) => `${b.name} · Sample audit of ${d.handle}`,
});

/** Deterministic sample data: same input, same report. */
export function sampleReportData(handle = '@sample.account'): SampleReportData & { coverMeta: { label: string; value: string }[] } {
  const days = Array.from({ length: 60 }, (_, i) => i);
  const followers = days.map((i) => 12_000 + i * 37 + ((i * 7919) % 113) - 56);
  const hours = (d: number) => Array.from({ length: 24 }, (_, h) => (h < 7 ? null : Math.round((2 + Math.sin((h + d) / 3) * 1.5 + d / 10) * 100) / 100));
  const formats = ['Reels', 'Carousels', 'Images', 'Stories'];
  return {
    handle,
    generatedAt: '2026-12-01T09:00:00Z',
    coverMeta: [
      { label: 'Account', value: handle },
      { label: 'Period', value: 'last 60 days' },
    ],
    scores: [
      { label: 'Engagement', value: 72, delta: 4, detail: 'Median 3.1 % against a 1.8–3.5 % tier band.' },
      { label: 'Consistency', value: 58, delta: -3, detail: '3.2 posts per week; longest gap 9 days.' },
      { label: 'Growth', value: 64, detail: '+37 followers per day on average.' },
      { label: 'Content', value: 81, detail: 'Reels reach 2.1× the account median.' },
      { label: 'Risk', value: 90, detail: 'No restricted hashtags, reach steady.' },
      { label: 'Hashtags', value: null, detail: 'Fewer than 10 posts with hashtags.' },
    ],
    trend: followers.filter((_, i) => i % 5 === 0),
    followers: {
      title: 'Followers, last 60 days',
      unit: '',
      points: days.map((i) => ({ label: `D${i + 1}`, value: followers[i]!, estimated: i >= 20 && i < 32 })),
    },
    engagement: { title: 'Median engagement rate by format', unit: '%', bars: formats.map((f, i) => ({ label: f, value: [4.2, 3.1, 1.9, null][i] ?? null, highlight: i === 0 })) },
    bestTimes: { title: 'Engagement by weekday and hour', unit: '%', cells: Array.from({ length: 7 }, (_, d) => hours(d)) },
    posts: {
      caption: 'The 24 most recent posts',
      columns: ['Date', 'Format', 'Likes', 'Comments', 'Reach', 'ER (reach)'],
      numeric: [2, 3, 4, 5],
      rows: Array.from({ length: 24 }, (_, i) => [
        `2026-11-${String(30 - i).padStart(2, '0')}`,
        formats[i % 3]!,
        300 + ((i * 37) % 211),
        12 + (i % 9),
        i % 7 === 3 ? null : 8_000 + ((i * 977) % 3_000),
        i % 7 === 3 ? null : Math.round((3 + (i % 5) / 3) * 10) / 10,
      ]),
    },
    hashtags: {
      columns: ['Hashtag', 'Posts', 'Median reach', 'vs account median'],
      numeric: [1, 2],
      rows: ['#growth', '#instagramtips', '#reels', '#smallbusiness', '#marketing', '#contentcreator', '#socialmedia', '#branding'].map((tag, i) => [
        tag,
        4 + i,
        7_000 + i * 450,
        i % 2 ? `+${i * 3} %` : `−${i * 2} %`,
      ]),
    },
    risks: [
      { tone: 'success', title: 'Reach against 28-day baseline: normal', text: 'Reach is 96 % of the account’s own 28-day median.' },
      { tone: 'warning', title: 'Posting burst', text: '5 posts within 2 hours on 14 November.' },
      { tone: 'info', title: 'Non-follower reach', text: 'Share of reach from non-followers is steady at 41 %.' },
    ],
    recommendations: [
      { text: 'Post Reels on Tuesday and Thursday evenings', detail: 'Reels reach 2.1× the median; best cells are 18:00–20:00.' },
      { text: 'Close the 9-day gaps', detail: 'Regularity (CV of gaps) is 0.8; aim for under 0.5.' },
      { text: 'Retire the reused hashtag set', detail: 'The same 12 hashtags appear on 9 posts.' },
      { text: 'Spread posts out', detail: 'Keep at least 3 hours between posts.' },
    ],
    roadmap: [1, 2, 3, 4].map((w) => ({
      title: `Week ${w}`,
      items: Array.from({ length: 5 }, (_, d) => ({ text: `Day ${(w - 1) * 7 + d + 1}: ${['Plan a Reel', 'Post a carousel', 'Reply to comments', 'Review insights', 'Test a new hook'][d]}`, done: w === 1 && d < 2 })),
    })),
  };
}
