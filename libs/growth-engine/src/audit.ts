import type { Audit, AuditArea, AreaScore, EngineInput } from './types.js';
import { diagnose, recommend, MAX_HASHTAGS_PER_POST, TARGET_POSTS_PER_WEEK } from './advice.js';
import { bestPostingTimes } from './best-times.js';
import { contentConsistency } from './consistency.js';
import { engagementSummary } from './engagement.js';
import { growthAnalysis } from './followers.js';
import { hashtagAnalysis } from './hashtags.js';
import { numbersIn } from './numbers.js';
import { shadowbanRisk } from './risk.js';
import { buildRoadmap } from './roadmap.js';
import { consistencyScore, contentScore, engagementScore, growthScore, overallScore, riskScore } from './scores.js';
import { THRESHOLDS } from './thresholds.js';
import { localDay } from './time.js';

export const ENGINE_VERSION = '1.0.0';

/** The whole audit in one call: scores, evidence, diagnosis, recommendations, roadmap, numbers. */
export function computeAudit(input: EngineInput): Audit {
  const growth = growthAnalysis(input);
  // Follower counts at posting time use the estimated days too (flagged in each post's inputs).
  const engagement = engagementSummary(input, [...input.snapshots, ...growth.series.points]);
  const consistency = contentConsistency(input, engagement);
  const hashtags = hashtagAnalysis(input);
  const risk = shadowbanRisk(input);
  const bestTimes = bestPostingTimes(input, engagement);
  const scores: Record<AuditArea, AreaScore> = {
    engagement: engagementScore(engagement),
    consistency: consistencyScore(consistency),
    growth: growthScore(growth),
    content: contentScore(consistency, hashtags),
    risk: riskScore(risk),
  };
  const advice = { engagement, growth, consistency, hashtags, risk, bestTimes };
  const recommendations = recommend(advice);
  const audit: Audit = {
    engineVersion: ENGINE_VERSION,
    computedAt: input.now,
    timeZone: input.account.timeZone,
    overall: overallScore(scores),
    scores,
    engagement,
    growth,
    consistency,
    hashtags,
    risk,
    bestTimes,
    diagnosis: diagnose(advice),
    recommendations,
    roadmap: buildRoadmap(localDay(input.now, input.account.timeZone), recommendations, bestTimes, consistency),
    numbers: [],
    thresholds: { ...THRESHOLDS, windowDays: input.windowDays ?? 90, targetPostsPerWeek: TARGET_POSTS_PER_WEEK, maxHashtagsPerPost: MAX_HASHTAGS_PER_POST },
  };
  audit.numbers = numbersIn(audit);
  return audit;
}
