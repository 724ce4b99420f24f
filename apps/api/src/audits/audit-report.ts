import { AUDIT_AREAS, type AuditNarrative } from '@instagrowth/contracts';
import type { Audit } from '@instagrowth/growth-engine';
import { definePdfTemplate } from '../core/pdf/index.js';

/** What the audit template renders (PDF and the logged-out share page). */
export interface AuditReportData {
  handle: string;
  generatedAt: string;
  sourceLabel: string;
  coverMeta: { label: string; value: string }[];
  summary: string;
  scores: { label: string; value: number | null; delta?: number; detail: string }[];
  followers: { title: string; unit: string; points: { label: string; value: number; estimated: boolean }[] } | null;
  bestTimes: { title: string; unit: string; cells: (number | null)[][] } | null;
  evidence: { columns: string[]; rows: (string | number | null)[][]; numeric: number[] };
  risks: { tone: string; title: string; text: string }[];
  recommendations: { text: string; detail: string }[];
  roadmap: { title: string; items: { text: string }[] }[];
}

const BODY = `
{{> cover kicker="Instagram account audit" title=handle subtitle=sourceLabel date=generatedAt meta=coverMeta}}

{{#> section title="Summary" lead="Each score is 0–100 and comes with the formula and inputs behind it."}}
  <p>{{summary}}</p>
  {{> scoreCards cards=scores}}
{{/section}}

{{#if followers}}{{#> section title="Followers" lead="Stored daily counts; dashed where estimated." breakBefore=true}}
  {{lineChart followers}}
{{/section}}{{/if}}

{{#if bestTimes}}{{#> section title="Best times to post" lead="By weekday and hour in the account's time zone." breakBefore=true}}
  {{heatMap bestTimes}}
{{/section}}{{/if}}

{{#> section title="Evidence" lead="Every number with its formula." breakBefore=true}}
  {{> table table=evidence}}
{{/section}}

{{#> section title="Risk factors" lead="An estimate from evidence, never a verdict." breakBefore=true}}
  {{#each risks}}{{#> callout tone=tone heading=title}}{{text}}{{/callout}}{{else}}<p>No risk factor had data.</p>{{/each}}
{{/section}}

{{#> section title="Recommendations" breakBefore=true}}
  {{> checklist items=recommendations}}
{{/section}}

{{#> section title="30-day roadmap" breakBefore=true}}
  {{#each roadmap}}{{> checklist heading=title items=items}}{{/each}}
{{/section}}
`;

export const AUDIT_REPORT = definePdfTemplate<AuditReportData>({
  name: 'audit-report',
  body: BODY,
  title: (d, b) => `${b.name} · Audit of ${d.handle}`,
});

const AREA_LABEL: Record<string, string> = { engagement: 'Engagement', consistency: 'Consistency', growth: 'Growth', content: 'Content', risk: 'Risk' };
const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/** The stored audit as report data; `changes` are the score deltas since the previous audit. */
export function auditReportData(input: { username: string; audit: Audit; narrative: AuditNarrative; source: 'ai' | 'offline'; createdAt: Date; changes: Record<string, number | null> }): AuditReportData {
  const { audit, narrative } = input;
  const areaText = new Map(narrative.areas.map((a) => [a.area, a.text]));
  const recText = new Map(narrative.recommendations.map((r) => [r.id, r.text]));
  const metrics = audit.numbers ? collectMetrics(audit) : [];
  const points = audit.growth.series.points;
  return {
    handle: `@${input.username}`,
    generatedAt: input.createdAt.toISOString(),
    sourceLabel: input.source === 'offline' ? 'Written without AI' : 'Written with AI from the computed numbers',
    coverMeta: [
      { label: 'Account', value: `@${input.username}` },
      { label: 'Time zone', value: audit.timeZone },
      { label: 'Overall score', value: audit.overall.score.status === 'ok' ? String(Math.round(audit.overall.score.value)) : 'not enough data yet' },
    ],
    summary: narrative.summary,
    scores: AUDIT_AREAS.map((area) => {
      const s = audit.scores[area].score;
      const delta = input.changes[area];
      return { label: AREA_LABEL[area], value: s.status === 'ok' ? Math.round(s.value) : null, ...(delta ? { delta } : {}), detail: areaText.get(area) ?? audit.scores[area].explanation };
    }),
    followers: points.length >= 2 ? { title: 'Followers', unit: '', points: points.map((p) => ({ label: p.day.slice(5), value: p.followers, estimated: p.estimated })) } : null,
    bestTimes: audit.bestTimes.source === 'tier_prior' ? null : { title: `Best times (${audit.bestTimes.source === 'own_posts' ? 'own posts' : 'followers online'})`, unit: '', cells: audit.bestTimes.grid },
    evidence: {
      columns: ['Metric', 'Value', 'Formula'],
      numeric: [1],
      rows: metrics.map((m) => [m.id, m.status === 'ok' ? (typeof m.value === 'number' ? Math.round(m.value * 100) / 100 : String(m.value)) : 'not enough data', m.status === 'ok' ? m.formula : m.need]),
    },
    risks: audit.risk.factors.map((f) => ({
      tone: f.severity >= 0.5 ? 'warning' : f.severity > 0 ? 'info' : 'success',
      title: `${f.label} (estimate)`,
      text: f.evidence.status === 'ok' ? `${f.evidence.formula}` : `Not enough data: ${f.evidence.need}`,
    })),
    recommendations: [...audit.recommendations].sort((a, b) => a.priority - b.priority).map((r) => ({ text: r.title, detail: recText.get(r.id) ?? r.detail })),
    roadmap: audit.roadmap.map((w) => ({ title: `Week ${w.week}: ${w.theme}`, items: w.days.map((d) => ({ text: `Day ${d.day}: ${d.action}` })) })),
  };
}

/** The audit's headline metrics (scores, engagement, growth, consistency, risk), for evidence panels and the evidence table. */
export function collectMetrics(audit: Audit) {
  const out = new Map<string, Audit['overall']['score']>();
  const visit = (v: unknown, depth: number) => {
    if (!v || typeof v !== 'object' || depth > 4) return;
    if (Array.isArray(v)) {
      if (v.length > 50) return; // per-post rows and grids are not evidence panels
      v.forEach((x) => visit(x, depth + 1));
      return;
    }
    const o = v as Record<string, unknown>;
    if ((o.status === 'ok' || o.status === 'insufficient_data') && typeof o.id === 'string') {
      // Metrics whose value is a list (anomalies, tag sets) are shown by their own sections, not as a number.
      if (o.status === 'ok' && (typeof o.value === 'object' || o.value === undefined)) return;
      if (!out.has(o.id)) out.set(o.id, o as unknown as Audit['overall']['score']);
      return;
    }
    for (const [k, x] of Object.entries(o)) if (k !== 'numbers' && k !== 'perPost' && k !== 'grid') visit(x, depth + 1);
  };
  visit({ overall: audit.overall, scores: audit.scores, engagement: audit.engagement, growth: audit.growth, consistency: audit.consistency, hashtags: audit.hashtags, risk: audit.risk, bestTimes: audit.bestTimes }, 0);
  return [...out.values()];
}

export const weekdayName = (i: number) => WEEKDAYS[i] ?? String(i);
