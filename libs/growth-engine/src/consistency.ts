import type { ContentConsistency, EngagementSummary, EngineInput, FormatStat, Metric, PostFormat } from './types.js';
import { engagementSummary, postFormat, postsInWindow } from './engagement.js';
import { insufficient, isOk, ok } from './metric.js';
import { mean, median, stdev } from './stats.js';
import { THRESHOLDS } from './thresholds.js';
import { toMs } from './time.js';

const DAY = 86_400_000;

function formatMedian(id: string, label: string, values: number[], unit: '%' | 'posts' | undefined): Metric {
  const need = THRESHOLDS.minPostsPerFormat;
  if (values.length < need) return insufficient(id, `at least ${need} posts of this format with ${label}`, { posts: values.length });
  return ok(id, median(values)!, `median ${label} over ${values.length} posts`, { posts: values.length }, unit);
}

/**
 * Cadence and format mix of feed posts and reels in the window (stories are excluded: they expire
 * and carry no likes or comments). Pass an engagement summary to reuse its per-post rates.
 */
export function contentConsistency(input: EngineInput, engagement?: EngagementSummary): ContentConsistency {
  const windowDays = input.windowDays ?? 90;
  const posts = postsInWindow(input)
    .filter((p) => postFormat(p) !== 'story')
    ;
  const weeks = windowDays / 7;
  const postsPerWeek = ok('consistency.posts_per_week', posts.length / weeks, `posts in the last ${windowDays} days / ${windowDays} × 7`, { posts: posts.length, windowDays }, 'posts/week');

  const times = posts.map((p) => toMs(p.postedAt));
  const gaps = times.slice(1).map((t, i) => (t - times[i]) / DAY);
  let longestGapDays: Metric;
  if (posts.length < THRESHOLDS.minPostsCadence) {
    longestGapDays = insufficient('consistency.longest_gap', `at least ${THRESHOLDS.minPostsCadence} posts in the window`, { posts: posts.length });
  } else {
    const sinceLast = (toMs(input.now) - times[times.length - 1]) / DAY;
    const longest = Math.max(...gaps, sinceLast);
    longestGapDays = ok('consistency.longest_gap', longest, 'longest time between consecutive posts, or since the last post, in days', { posts: posts.length, longestBetweenPosts: Math.max(...gaps), daysSinceLastPost: sinceLast }, 'days');
  }
  let gapCv: Metric;
  if (gaps.length < THRESHOLDS.minGapsRegularity) {
    gapCv = insufficient('consistency.gap_cv', `at least ${THRESHOLDS.minGapsRegularity + 1} posts in the window (${THRESHOLDS.minGapsRegularity} gaps)`, { posts: posts.length });
  } else {
    const m = mean(gaps)!;
    const sd = stdev(gaps)!;
    gapCv = m > 0
      ? ok('consistency.gap_cv', sd / m, 'standard deviation of the gaps between posts / their mean (0 = perfectly regular)', { gaps: gaps.length, meanGapDays: m, stdevGapDays: sd }, 'ratio')
      : insufficient('consistency.gap_cv', 'posts at different times');
  }

  const eng = engagement ?? engagementSummary(input);
  const byId = new Map(eng.perPost.map((p) => [p.postId, p]));
  const groups = new Map<PostFormat, typeof posts>();
  for (const p of posts) {
    const f = postFormat(p);
    const list = groups.get(f);
    if (list) list.push(p);
    else groups.set(f, [p]);
  }
  const formatMix: FormatStat[] = [...groups.entries()]
    .sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]))
    .map(([format, ps]) => {
      const rates = ps.map((p) => byId.get(p.id)).filter((e) => e !== undefined);
      const rr = rates.flatMap((e) => (isOk(e.reachRate) ? [e.reachRate.value] : []));
      const fr = rates.flatMap((e) => (isOk(e.followerRate) ? [e.followerRate.value] : []));
      const reach = ps.flatMap((p) => (p.reach !== null ? [p.reach] : []));
      return {
        format,
        posts: ps.length,
        share: Math.round((ps.length / posts.length) * 10_000) / 100,
        medianReachRate: formatMedian(`consistency.format.${format}.reach_rate`, 'reach-based engagement rate', rr, '%'),
        medianFollowerRate: formatMedian(`consistency.format.${format}.follower_rate`, 'follower-based engagement rate', fr, '%'),
        medianReach: formatMedian(`consistency.format.${format}.reach`, 'reach', reach, undefined),
      };
    });
  const scored = formatMix.filter((f) => isOk(f.medianReachRate));
  let bestFormat: Metric<PostFormat>;
  if (scored.length < 2) {
    bestFormat = insufficient('consistency.best_format', `at least ${THRESHOLDS.minPostsPerFormat} posts with reach in each of two formats`, { formats: scored.length });
  } else {
    const best = scored.reduce((a, b) => ((b.medianReachRate as { value: number }).value > (a.medianReachRate as { value: number }).value ? b : a));
    const inputs: Record<string, number> = {};
    for (const f of scored) inputs[f.format] = (f.medianReachRate as { value: number }).value;
    bestFormat = ok('consistency.best_format', best.format, 'format with the highest median reach-based engagement rate', inputs);
  }
  return { postsPerWeek, longestGapDays, gapCv, formatMix, bestFormat };
}
