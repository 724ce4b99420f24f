import { WEEKDAYS } from '@instagrowth/growth-engine';
import type { GrowthPlan } from '@instagrowth/contracts';
import { definePdfTemplate } from '../core/pdf/index.js';

export interface PlanPdfData {
  plan: GrowthPlan;
  username: string;
  generatedAt: string;
  heat: { title: string; description: string; cells: (number | null)[][] };
  goals: { table: { columns: string[]; rows: (string | number | null)[][]; numeric: number[] } };
  weeks: { heading: string; items: { text: string; detail: string; done: boolean }[] }[];
  mix: { table: { columns: string[]; rows: (string | number | null)[][]; numeric: number[] } } | null;
  bestTimesLead: string;
}

/** The plan as a branded PDF: cover, heat map, goals, mix, then the tasks week by week. */
export const PLAN_PDF = definePdfTemplate<PlanPdfData>({
  name: 'growth-plan',
  title: (d, brand) => `${brand.name} · ${d.plan.days}-day growth plan for @${d.username}`,
  body: `{{> cover kicker="Growth plan" title=(concat plan.days "-day growth plan") subtitle=(concat "@" username) date=generatedAt}}
{{#> section title="Best posting times" lead=bestTimesLead}}
  {{heatMap heat}}
{{/section}}
{{#> section title="Weekly goals" lead="Each goal starts from the account's baseline; progress fills in as syncs arrive."}}
  {{> table table=goals.table}}
{{/section}}
{{#if mix}}{{#> section title="Content mix" lead="Formats in proportion to what performs for this account."}}{{> table table=mix.table}}{{/section}}{{/if}}
{{#each weeks}}{{> checklist heading=heading items=items}}{{/each}}`,
});

export function planPdfData(plan: GrowthPlan, username: string, now: Date): PlanPdfData {
  const weeks: PlanPdfData['weeks'] = [];
  for (let w = 0; w * 7 < plan.days; w++) {
    const items = plan.tasks
      .filter((t) => t.day > w * 7 && t.day <= (w + 1) * 7)
      .map((t) => ({ text: `Day ${t.day} (${t.date}) · ${t.title}${t.suggestedTime ? ` at ${t.suggestedTime}` : ''}`, detail: t.details, done: t.done }));
    weeks.push({ heading: `Week ${w + 1}`, items });
  }
  const source = { own_posts: "the account's own posts", online_followers: 'when followers are online', tier_prior: 'a generic prior (not enough own data yet)' }[plan.bestTimes.source] ?? plan.bestTimes.source;
  return {
    plan,
    username,
    weeks,
    generatedAt: now.toISOString(),
    heat: { title: 'Weekday × hour', description: `Source: ${source}; sample size ${plan.bestTimes.sampleSize}; zone ${plan.timeZone}`, cells: plan.bestTimes.grid },
    bestTimesLead: `From ${source} (sample size ${plan.bestTimes.sampleSize}), in ${plan.timeZone}. Top slots: ${plan.bestTimes.slots.slice(0, 3).map((s) => `${WEEKDAYS[s.weekday]} ${String(s.hour).padStart(2, '0')}:00`).join(', ') || 'none'}.`,
    goals: { table: { columns: ['Week', 'Goal', 'Baseline', 'Target', 'Now', 'Progress %'], rows: plan.goals.map((g) => [g.week, `${g.metric} (${g.unit})`, g.baseline, g.target, g.current, g.progress]), numeric: [0, 2, 3, 4, 5] } },
    mix: plan.mix.available ? { table: { columns: ['Format', 'Current %', 'Target %', 'Median reach rate %', 'Posts'], rows: plan.mix.targets.map((m) => [m.format, m.currentShare, m.targetShare, m.medianReachRate, m.posts]), numeric: [1, 2, 3, 4] } } : null,
  };
}
