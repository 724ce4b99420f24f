import type { EngineInput, Metric, RiskFactor, RiskLevel, ShadowbanRiskEstimate } from './types.js';
import { postFormat, postsInWindow } from './engagement.js';
import { parseHashtags } from './hashtags.js';
import { BANNED_HASHTAGS } from './data/banned-hashtags.js';
import { insufficient, isOk, ok } from './metric.js';
import { clamp, mean } from './stats.js';
import { THRESHOLDS } from './thresholds.js';
import { addDays, localDay, toMs } from './time.js';

// Weights sum to 1. Reach against the account's own baseline is the strongest signal Meta gives;
// restriction/spam publish errors are the only first-party statement; the rest are weaker hints.
export const RISK_WEIGHTS = {
  reach_drop: 0.35,
  publish_errors: 0.25,
  non_follower_share: 0.15,
  banned_hashtags: 0.1,
  posting_burst: 0.1,
  repeated_hashtag_sets: 0.05,
} as const;

/** Error codes that say the account is restricted or blocked (API.md error table). */
export const RESTRICTION_SUBCODES = { restricted: 2207050, spam: 2207051 } as const;
export const POLICY_BLOCK_CODE = 368;

export const RISK_LABEL =
  'Estimate from indirect signals only: Instagram exposes no shadowban or reach-restriction status, so this is evidence to check, not a verdict.';

function recentAndBaseline(input: EngineInput) {
  const to = localDay(input.now, input.account.timeZone);
  const recentFrom = addDays(to, -(THRESHOLDS.riskRecentDays - 1));
  const baseFrom = addDays(recentFrom, -THRESHOLDS.riskBaselineDays);
  const recent = input.snapshots.filter((s) => s.day >= recentFrom && s.day <= to);
  const baseline = input.snapshots.filter((s) => s.day >= baseFrom && s.day < recentFrom);
  return { recent, baseline, recentFrom, baseFrom, to };
}

function reachFactor(input: EngineInput): RiskFactor {
  const id = 'risk.reach_vs_baseline';
  const { recent, baseline } = recentAndBaseline(input);
  const r = recent.flatMap((s) => (typeof s.reach === 'number' ? [s.reach] : []));
  const b = baseline.flatMap((s) => (typeof s.reach === 'number' ? [s.reach] : []));
  let evidence: Metric;
  let severity = 0;
  if (r.length < THRESHOLDS.minRecentReachDays || b.length < THRESHOLDS.minBaselineReachDays) {
    evidence = insufficient(id, `daily account reach on ≥ ${THRESHOLDS.minRecentReachDays} of the last ${THRESHOLDS.riskRecentDays} days and ≥ ${THRESHOLDS.minBaselineReachDays} of the ${THRESHOLDS.riskBaselineDays} days before`, { recentDays: r.length, baselineDays: b.length });
  } else {
    const mr = mean(r)!;
    const mb = mean(b)!;
    if (mb <= 0) {
      evidence = insufficient(id, 'a baseline with non-zero reach', { baselineDays: b.length });
    } else {
      const change = (mr / mb - 1) * 100;
      // A drop under 20 % is ordinary week-to-week noise; 60 % or more counts fully.
      severity = clamp((-change / 100 - 0.2) / 0.4, 0, 1);
      evidence = ok(id, change, `(mean daily reach, last ${THRESHOLDS.riskRecentDays} days / mean daily reach, ${THRESHOLDS.riskBaselineDays} days before − 1) × 100`, { recentMeanReach: mr, baselineMeanReach: mb, recentDays: r.length, baselineDays: b.length }, '%');
    }
  }
  return { id: 'reach_drop', label: 'Reach against the account’s own 28-day baseline', severity, weight: RISK_WEIGHTS.reach_drop, evidence };
}

function shareOf(s: { follower: number; nonFollower: number; unknown?: number }): number | null {
  const total = s.follower + s.nonFollower + (s.unknown ?? 0);
  return total > 0 ? s.nonFollower / total : null;
}

function nonFollowerFactor(input: EngineInput): RiskFactor {
  const id = 'risk.non_follower_share';
  const { recent, baseline } = recentAndBaseline(input);
  const shares = (xs: typeof recent) => xs.flatMap((s) => (s.reachByFollowType ? [shareOf(s.reachByFollowType)] : [])).filter((x): x is number => x !== null);
  const r = shares(recent);
  const b = shares(baseline);
  let evidence: Metric;
  let severity = 0;
  if (r.length < THRESHOLDS.minRecentReachDays || b.length < THRESHOLDS.minBaselineShareDays) {
    evidence = insufficient(id, `reach by follow type on ≥ ${THRESHOLDS.minRecentReachDays} recent and ≥ ${THRESHOLDS.minBaselineShareDays} baseline days`, { recentDays: r.length, baselineDays: b.length });
  } else {
    const rs = mean(r)! * 100;
    const bs = mean(b)! * 100;
    // Losing 20 percentage points of non-follower reach (Explore, hashtags, Reels tab) counts fully.
    severity = clamp((bs - rs) / 20, 0, 1);
    evidence = ok(id, rs - bs, 'non-follower share of reach, last 7 days − 28 days before, in percentage points', { recentSharePct: rs, baselineSharePct: bs, recentDays: r.length, baselineDays: b.length }, '%');
  }
  return { id: 'non_follower_share', label: 'Share of reach from non-followers over time', severity, weight: RISK_WEIGHTS.non_follower_share, evidence };
}

function errorsFactor(input: EngineInput): RiskFactor {
  const id = 'risk.publish_errors';
  const label = 'Restricted, spam or policy-block errors when publishing';
  if (!input.publishErrors) {
    return { id: 'publish_errors', label, severity: 0, weight: RISK_WEIGHTS.publish_errors, evidence: insufficient(id, 'the publishing error log') };
  }
  const since = toMs(input.now) - THRESHOLDS.riskLookbackDays * 86_400_000;
  const recent = input.publishErrors.filter((e) => toMs(e.at) > since && toMs(e.at) <= toMs(input.now));
  const restricted = recent.filter((e) => e.subcode === RESTRICTION_SUBCODES.restricted).length;
  const spam = recent.filter((e) => e.subcode === RESTRICTION_SUBCODES.spam).length;
  const blocked = recent.filter((e) => e.code === POLICY_BLOCK_CODE).length;
  const severity = restricted || blocked ? 1 : spam ? 0.7 : 0;
  const evidence = ok(id, restricted + spam + blocked, `publish errors with subcode ${RESTRICTION_SUBCODES.restricted} (restricted), ${RESTRICTION_SUBCODES.spam} (spam) or code ${POLICY_BLOCK_CODE} (policy block) in the last ${THRESHOLDS.riskLookbackDays} days`, { restricted, spam, policyBlocked: blocked, errorsSeen: recent.length }, 'posts');
  return { id: 'publish_errors', label, severity, weight: RISK_WEIGHTS.publish_errors, evidence };
}

/** Feed posts and reels of the risk lookback, oldest first. */
function recentPosts(input: EngineInput) {
  return postsInWindow(input, THRESHOLDS.riskLookbackDays).filter((p) => postFormat(p) !== 'story');
}

function bannedFactor(input: EngineInput): RiskFactor {
  const posts = recentPosts(input);
  const hit = posts.filter((p) => parseHashtags(p.caption).some((t) => BANNED_HASHTAGS[t]));
  const severity = clamp(hit.length / 3, 0, 1);
  const evidence = ok('risk.banned_hashtags', hit.length, `posts in the last ${THRESHOLDS.riskLookbackDays} days using a banned or restricted hashtag`, { posts: posts.length, postsWithBannedTags: hit.length }, 'posts');
  return { id: 'banned_hashtags', label: 'Banned or restricted hashtags used', severity, weight: RISK_WEIGHTS.banned_hashtags, evidence };
}

function burstFactor(input: EngineInput): RiskFactor {
  const posts = recentPosts(input);
  const times = posts.map((p) => toMs(p.postedAt));
  let max = 0;
  let start = 0;
  for (let end = 0; end < times.length; end++) {
    while (times[end] - times[start] >= 86_400_000) start++;
    max = Math.max(max, end - start + 1);
  }
  // Three posts a day is a normal busy day; eight or more looks automated.
  const severity = clamp((max - 3) / 5, 0, 1);
  const evidence = ok('risk.posting_burst', max, `most posts within any 24 hours in the last ${THRESHOLDS.riskLookbackDays} days`, { posts: posts.length, maxPostsIn24h: max }, 'posts');
  return { id: 'posting_burst', label: 'Posting bursts', severity, weight: RISK_WEIGHTS.posting_burst, evidence };
}

function repeatedSetsFactor(input: EngineInput): RiskFactor {
  const posts = recentPosts(input);
  const bySet = new Map<string, number>();
  const keys = posts.map((p) => {
    const tags = parseHashtags(p.caption);
    const key = tags.length >= 3 ? [...tags].sort().join(' ') : null;
    if (key) bySet.set(key, (bySet.get(key) ?? 0) + 1);
    return key;
  });
  const repeated = keys.filter((k) => k !== null && bySet.get(k)! >= THRESHOLDS.minReusedSetPosts).length;
  // Copy-pasted hashtag blocks are a classic spam pattern; severity is the share of posts using one.
  const severity = posts.length ? repeated / posts.length : 0;
  const evidence = ok('risk.repeated_hashtag_sets', repeated, `posts in the last ${THRESHOLDS.riskLookbackDays} days whose set of ≥ 3 hashtags is used on ≥ ${THRESHOLDS.minReusedSetPosts} posts`, { posts: posts.length, postsWithRepeatedSet: repeated }, 'posts');
  return { id: 'repeated_hashtag_sets', label: 'The same hashtag block pasted on many posts', severity, weight: RISK_WEIGHTS.repeated_hashtag_sets, evidence };
}

export function riskLevel(score: number): RiskLevel {
  return score >= 50 ? 'high' : score >= 25 ? 'elevated' : 'low';
}

/** Shadowban-risk estimate: weighted evidence, normalised over the factors that have data. */
export function shadowbanRisk(input: EngineInput): ShadowbanRiskEstimate {
  const factors = [reachFactor(input), errorsFactor(input), nonFollowerFactor(input), bannedFactor(input), burstFactor(input), repeatedSetsFactor(input)];
  const known = factors.filter((f) => isOk(f.evidence));
  const weight = known.reduce((a, f) => a + f.weight, 0);
  const raw = known.reduce((a, f) => a + f.severity * f.weight, 0);
  const value = weight > 0 ? (raw / weight) * 100 : 0;
  const inputs: Record<string, number> = { weightWithData: weight };
  for (const f of known) inputs[f.id] = Math.round(f.severity * 100) / 100;
  const score = ok('risk.score', value, 'Σ(severity × weight) / Σ(weight of factors with data) × 100', inputs, 'score');
  let level = riskLevel(score.value);
  // A restriction or policy-block error is Meta's own statement, so it never reads as "low".
  const errors = factors.find((f) => f.id === 'publish_errors')!;
  if (errors.severity === 1 && level === 'low') level = 'elevated';
  return { estimate: true, label: RISK_LABEL, level, score, factors };
}
