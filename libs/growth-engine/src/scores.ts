// Area scores 0–100. Each is a documented formula over metrics the audit already shows, so a
// client can recompute it by hand from the inputs listed with it.
import type {
  AreaScore,
  AuditArea,
  ContentConsistency,
  EngagementSummary,
  GrowthAnalysis,
  HashtagAnalysis,
  Metric,
  ShadowbanRiskEstimate,
} from './types.js';
import { insufficient, isOk, ok } from './metric.js';
import { clamp, round } from './stats.js';
import { THRESHOLDS } from './thresholds.js';

export const AREA_WEIGHTS: Record<AuditArea, number> = {
  engagement: 0.3,
  consistency: 0.2,
  growth: 0.2,
  content: 0.15,
  risk: 0.15,
};

/** Piecewise-linear: 0 → 0, low → 25, typical → 60, high → 90, 1.5 × high → 100. */
export function bandScore(rate: number, low: number, typical: number, high: number): number {
  const knots: [number, number][] = [[0, 0], [low, 25], [typical, 60], [high, 90], [1.5 * high, 100]];
  if (rate >= knots[4][0]) return 100;
  for (let i = 1; i < knots.length; i++) {
    const [x0, y0] = knots[i - 1];
    const [x1, y1] = knots[i];
    if (rate <= x1) return y0 + ((rate - x0) / (x1 - x0)) * (y1 - y0);
  }
  return 100;
}

function missing(area: AuditArea, m: Metric<unknown>, what: string): AreaScore {
  const need = m.status === 'insufficient_data' ? m.need : what;
  return { area, score: insufficient(`score.${area}`, need), explanation: `Not enough data yet for a ${area} score: needs ${need}.` };
}

export function engagementScore(e: EngagementSummary): AreaScore {
  if (!isOk(e.followerMedian)) return missing('engagement', e.followerMedian, '');
  if (!e.band || !isOk(e.tier) || !isOk(e.position)) return missing('engagement', e.tier, 'the follower count');
  const m = e.followerMedian.value;
  const b = e.band;
  const v = bandScore(m, b.low, b.typical, b.high);
  const score = ok('score.engagement', v, `position of the median follower-based rate on the ${b.tier} band: 0 % → 0, low → 25, typical → 60, high → 90, 1.5 × high → 100, linear between`, { medianRate: m, bandLow: b.low, bandTypical: b.typical, bandHigh: b.high, posts: e.followerMedian.inputs.posts }, 'score');
  const where = e.position.value === 'within' ? 'within' : e.position.value === 'below' ? 'below' : 'above';
  const reach = isOk(e.reachMedian) ? ` Per account reached, the median is ${e.reachMedian.value} %.` : '';
  return {
    area: 'engagement',
    score,
    explanation: `Median engagement is ${m} % of followers per post over ${e.followerMedian.inputs.posts} posts, ${where} the ${b.tier}-tier band of ${b.low} % to ${b.high} % (typical ${b.typical} %).${reach}`,
  };
}

export function consistencyScore(c: ContentConsistency): AreaScore {
  if (!isOk(c.gapCv)) return missing('consistency', c.gapCv, '');
  const p = c.postsPerWeek.status === 'ok' ? c.postsPerWeek.value : 0;
  const cv = c.gapCv.value;
  const v = 60 * Math.min(p / 3, 1) + 40 * Math.max(0, 1 - Math.min(cv, 1));
  const score = ok('score.consistency', v, '60 × min(posts per week / 3, 1) + 40 × (1 − min(gap CV, 1))', { postsPerWeek: p, gapCv: cv }, 'score');
  const gap = isOk(c.longestGapDays) ? ` The longest gap was ${c.longestGapDays.value} days.` : '';
  return {
    area: 'consistency',
    score,
    explanation: `The account posted ${p} times a week; the gaps between posts vary by a coefficient of ${cv} (0 is perfectly regular).${gap}`,
  };
}

export function growthScore(g: GrowthAnalysis): AreaScore {
  if (!isOk(g.changePerWeek)) return missing('growth', g.changePerWeek, '');
  const first = Number(g.changePerWeek.inputs.firstFollowers);
  if (!(first > 0)) return missing('growth', insufficient('growth', 'a non-zero follower count at the start'), '');
  const weekly = (g.changePerWeek.value / first) * 100;
  const v = clamp(50 + 25 * weekly, 0, 100);
  const score = ok('score.growth', v, '50 + 25 × weekly follower change in % of the starting followers, clamped to 0–100', { changePerWeek: g.changePerWeek.value, firstFollowers: first, weeklyChangePct: round(weekly) }, 'score');
  const trend = isOk(g.trend) ? ` The least-squares trend is ${g.trend.value} followers a day.` : '';
  return {
    area: 'growth',
    score,
    explanation: `Followers changed by ${g.changePerWeek.value} a week, ${round(weekly)} % of the ${first} at the start of the period.${trend}`,
  };
}

export function contentScore(c: ContentConsistency, h: HashtagAnalysis): AreaScore {
  if (!isOk(c.bestFormat)) return missing('content', c.bestFormat, '');
  const formats = c.formatMix.length;
  const best = c.formatMix.find((f) => f.format === (c.bestFormat as { value: string }).value)!;
  const posts = c.formatMix.reduce((a, f) => a + f.posts, 0);
  const bannedPosts = isOk(h.banned) ? Number(h.banned.inputs.postsWithBannedTags) : 0;
  const clean = posts ? 1 - bannedPosts / posts : 1;
  const v = 40 * Math.min(formats / 3, 1) + 40 * Math.min(best.share / 50, 1) + 20 * clean;
  const score = ok('score.content', v, '40 × min(formats used / 3, 1) + 40 × min(share of posts in the best format / 50 %, 1) + 20 × (1 − posts with banned hashtags / posts)', { formats, bestFormatSharePct: best.share, postsWithBannedTags: bannedPosts, posts }, 'score');
  return {
    area: 'content',
    score,
    explanation: `The account used ${formats} formats; ${best.format}s perform best and make up ${best.share} % of posts. ${bannedPosts} of ${posts} posts used a banned or restricted hashtag.`,
  };
}

export function riskScore(r: ShadowbanRiskEstimate): AreaScore {
  const s = r.score as { value: number };
  const known = r.factors.filter((f) => isOk(f.evidence)).length;
  const score = ok('score.risk', 100 - s.value, '100 − shadowban-risk estimate score', { riskScore: s.value, factorsWithData: known }, 'score');
  return {
    area: 'risk',
    score,
    explanation: `The shadowban-risk estimate is ${r.level} (${s.value} of 100 from ${known} of ${r.factors.length} signals with data). It is an estimate from indirect signals, not a verdict.`,
  };
}

export function overallScore(scores: Record<AuditArea, AreaScore>): { score: Metric; explanation: string } {
  const have = (Object.keys(scores) as AuditArea[]).filter((a) => isOk(scores[a].score));
  if (have.length < THRESHOLDS.minAreasOverall) {
    const need = `scores in at least ${THRESHOLDS.minAreasOverall} of the 5 areas`;
    return { score: insufficient('score.overall', need, { areas: have.length }), explanation: `Not enough data yet for an overall score: needs ${need} (has ${have.length}).` };
  }
  const w = have.reduce((a, k) => a + AREA_WEIGHTS[k], 0);
  const inputs: Record<string, number> = {};
  let sum = 0;
  for (const k of have) {
    const v = (scores[k].score as { value: number }).value;
    inputs[k] = v;
    sum += v * AREA_WEIGHTS[k];
  }
  const weights = have.map((k) => `${k} ${AREA_WEIGHTS[k]}`).join(', ');
  const score = ok('score.overall', sum / w, `weighted mean of the area scores with data (weights: ${weights})`, inputs, 'score');
  return { score, explanation: `Overall score ${score.value} of 100, the weighted mean of ${have.length} area scores.` };
}
