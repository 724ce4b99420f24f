// Diagnosis and recommendations are rules over the computed metrics. Each rule cites the metric
// ids it read, so the UI can link a recommendation to its evidence and the AI cannot invent one.
import type {
  BestPostingTimes,
  ContentConsistency,
  Diagnosis,
  EngagementSummary,
  GrowthAnalysis,
  HashtagAnalysis,
  Recommendation,
  ShadowbanRiskEstimate,
} from './types.js';
import { isOk } from './metric.js';
import { slotLabel } from './best-times.js';

export interface AdviceInput {
  engagement: EngagementSummary;
  growth: GrowthAnalysis;
  consistency: ContentConsistency;
  hashtags: HashtagAnalysis;
  risk: ShadowbanRiskEstimate;
  bestTimes: BestPostingTimes;
}

/** Target cadence used by the roadmap: at least 3 posts a week (documented in README). */
export const TARGET_POSTS_PER_WEEK = 3;
/** Instagram's @creators guidance is 3–5 hashtags per post. */
export const MAX_HASHTAGS_PER_POST = 5;

export function diagnose(a: AdviceInput): Diagnosis[] {
  const out: Diagnosis[] = [];
  const { engagement: e, consistency: c, growth: g, hashtags: h, risk: r } = a;
  if (isOk(e.position) && isOk(e.followerMedian) && e.band) {
    if (e.position.value === 'below') out.push({ id: 'engagement.below_band', severity: 'warning', area: 'engagement', message: `Median engagement of ${e.followerMedian.value} % is below the ${e.band.tier}-tier band (from ${e.band.low} %).`, evidence: [e.followerMedian.id, e.position.id] });
    else if (e.position.value === 'above') out.push({ id: 'engagement.above_band', severity: 'info', area: 'engagement', message: `Median engagement of ${e.followerMedian.value} % is above the ${e.band.tier}-tier band (up to ${e.band.high} %).`, evidence: [e.followerMedian.id, e.position.id] });
  } else out.push({ id: 'engagement.insufficient', severity: 'info', area: 'engagement', message: 'Not enough posts with likes, comments and follower counts yet for an engagement benchmark.', evidence: [e.followerMedian.id] });
  if (isOk(c.postsPerWeek) && c.postsPerWeek.value < TARGET_POSTS_PER_WEEK) out.push({ id: 'consistency.low_cadence', severity: 'warning', area: 'consistency', message: `The account posts ${c.postsPerWeek.value} times a week, below ${TARGET_POSTS_PER_WEEK}.`, evidence: [c.postsPerWeek.id] });
  if (isOk(c.gapCv) && c.gapCv.value > 1) out.push({ id: 'consistency.irregular', severity: 'warning', area: 'consistency', message: `Posting is irregular: the gaps between posts vary by a coefficient of ${c.gapCv.value}.`, evidence: [c.gapCv.id] });
  if (isOk(c.longestGapDays) && c.longestGapDays.value > 14) out.push({ id: 'consistency.long_gap', severity: 'warning', area: 'consistency', message: `The longest break without a post was ${c.longestGapDays.value} days.`, evidence: [c.longestGapDays.id] });
  if (isOk(c.bestFormat)) out.push({ id: 'content.best_format', severity: 'info', area: 'content', message: `${c.bestFormat.value} posts get the highest median reach-based engagement.`, evidence: [c.bestFormat.id] });
  if (isOk(g.changePerWeek) && g.changePerWeek.value < 0) out.push({ id: 'growth.losing', severity: 'warning', area: 'growth', message: `The account lost ${-g.changePerWeek.value} followers a week.`, evidence: [g.changePerWeek.id, g.trend.id] });
  if (isOk(g.anomalies)) {
    for (const an of g.anomalies.value) {
      out.push({ id: `growth.anomaly.${an.day}`, severity: an.direction === 'drop' ? 'warning' : 'info', area: 'growth', message: `Unusual follower ${an.direction} on ${an.day}: ${an.change} (robust z ${an.z}).`, evidence: [g.anomalies.id] });
    }
  }
  if (isOk(h.banned) && h.banned.value.length) out.push({ id: 'hashtags.banned', severity: 'critical', area: 'content', message: `${h.banned.value.length} banned or restricted hashtags used: ${h.banned.value.map((b) => `#${b.tag}`).join(', ')}.`, evidence: [h.banned.id] });
  if (isOk(h.reusedSets) && h.reusedSets.value.length) out.push({ id: 'hashtags.reused', severity: 'warning', area: 'content', message: `${h.reusedSets.value.length} identical hashtag sets are reused on ${h.reusedSets.inputs.postsWithReusedSet} posts.`, evidence: [h.reusedSets.id] });
  if (isOk(h.perPost) && h.perPost.value > MAX_HASHTAGS_PER_POST) out.push({ id: 'hashtags.too_many', severity: 'info', area: 'content', message: `Posts carry ${h.perPost.value} hashtags on average; Instagram recommends 3 to 5.`, evidence: [h.perPost.id] });
  if (r.level !== 'low') out.push({ id: 'risk.level', severity: r.level === 'high' ? 'critical' : 'warning', area: 'risk', message: `Shadowban-risk estimate: ${r.level} (${(r.score as { value: number }).value} of 100). This is an estimate from indirect signals.`, evidence: [r.score.id, ...r.factors.filter((f) => f.severity > 0).map((f) => f.evidence.id)] });
  const order = { critical: 0, warning: 1, info: 2 };
  return out.sort((x, y) => order[x.severity] - order[y.severity]);
}

export function recommend(a: AdviceInput): Recommendation[] {
  const { engagement: e, consistency: c, growth: g, hashtags: h, risk: r, bestTimes: t } = a;
  const recs: Omit<Recommendation, 'priority'>[] = [];
  const factor = (id: string) => r.factors.find((f) => f.id === id)!;
  const errors = factor('publish_errors');
  if (errors.severity > 0) recs.push({ id: 'check-account-status', area: 'risk', title: 'Check Account Status and pause automation', detail: `Instagram returned ${(errors.evidence as { value: number }).value} restriction, spam or policy-block errors in the last 30 days. Open Settings → Account Status in the app, fix any violation, and pause scheduled posting until it clears.`, evidence: [errors.evidence.id] });
  if (isOk(h.banned) && h.banned.value.length) recs.push({ id: 'remove-banned-hashtags', area: 'content', title: 'Remove banned and restricted hashtags', detail: `Edit the captions that use ${h.banned.value.map((b) => `#${b.tag}`).join(', ')} and stop using them.`, evidence: [h.banned.id, factor('banned_hashtags').evidence.id] });
  const reach = factor('reach_drop');
  if (reach.severity > 0) recs.push({ id: 'recover-reach', area: 'risk', title: 'Rebuild reach with original, non-repetitive posts', detail: `Daily reach changed by ${(reach.evidence as { value: number }).value} % against the account's 28-day baseline. Post original content, avoid reposts and engagement bait, and watch reach daily.`, evidence: [reach.evidence.id] });
  const burst = factor('posting_burst');
  if (burst.severity > 0) recs.push({ id: 'spread-posts', area: 'risk', title: 'Spread posts out instead of bursts', detail: `Up to ${(burst.evidence as { value: number }).value} posts went out within 24 hours. Keep to at most 3 a day.`, evidence: [burst.evidence.id] });
  if (isOk(h.reusedSets) && h.reusedSets.value.length) recs.push({ id: 'vary-hashtags', area: 'content', title: 'Vary hashtag sets per post', detail: `${h.reusedSets.value.length} identical sets were copied across posts. Pick 3 to 5 tags that describe each post.`, evidence: [h.reusedSets.id] });
  if (isOk(c.postsPerWeek) && c.postsPerWeek.value < TARGET_POSTS_PER_WEEK) recs.push({ id: 'post-more-often', area: 'consistency', title: `Post at least ${TARGET_POSTS_PER_WEEK} times a week`, detail: `The account averaged ${c.postsPerWeek.value} posts a week.`, evidence: [c.postsPerWeek.id] });
  if ((isOk(c.gapCv) && c.gapCv.value > 0.6) || (isOk(c.longestGapDays) && c.longestGapDays.value > 7)) recs.push({ id: 'keep-a-schedule', area: 'consistency', title: 'Keep a fixed weekly schedule', detail: 'Plan posts on the same weekdays each week so there are no long silences.', evidence: [c.gapCv.id, c.longestGapDays.id] });
  if (isOk(c.bestFormat)) {
    const best = c.formatMix.find((f) => f.format === (c.bestFormat as { value: string }).value)!;
    if (best.share < 50) recs.push({ id: 'lean-into-best-format', area: 'content', title: `Publish more ${best.format}s`, detail: `${best.format.charAt(0).toUpperCase()}${best.format.slice(1)}s have the highest median reach-based engagement (${(best.medianReachRate as { value: number }).value} %) but are only ${best.share} % of posts.`, evidence: [c.bestFormat.id, best.medianReachRate.id] });
  }
  if (isOk(e.followerMedian) && e.band && e.followerMedian.value < e.band.typical) recs.push({ id: 'raise-engagement', area: 'engagement', title: 'Invite conversation on every post', detail: `Median engagement is ${e.followerMedian.value} % against a typical ${e.band.typical} % for the ${e.band.tier} tier. End captions with a question, reply to every comment within the first hour.`, evidence: [e.followerMedian.id, e.position.id] });
  if (isOk(g.changePerWeek) && g.changePerWeek.value <= 0) recs.push({ id: 'grow-audience', area: 'growth', title: 'Reach new people every week', detail: `Followers changed by ${g.changePerWeek.value} a week. Use reels and collaborations to reach non-followers.`, evidence: [g.changePerWeek.id] });
  recs.push({ id: 'post-at-best-times', area: 'consistency', title: 'Post at the best times', detail: `Best slots (${t.source.replace('_', ' ')}, sample ${t.sampleSize}): ${t.slots.slice(0, 3).map(slotLabel).join(', ')} in ${t.timeZone}.`, evidence: [t.metric.id] });
  return recs.map((x, i) => ({ ...x, priority: i + 1 }));
}
