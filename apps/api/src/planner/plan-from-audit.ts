import { contentMixTargets, isOk, TARGET_POSTS_PER_WEEK, type Audit, type EngineInput } from '@instagrowth/growth-engine';
import { formatSequence, postingSlots, tasksForDay, type BuiltPlan, type PlanGoal, type PlannedTask } from './plan-builder.js';

const round = (v: number, d = 2) => Math.round(v * 10 ** d) / 10 ** d;

/**
 * A 7/14/30-day plan from a completed audit: its best times, its content mix (formats ∝ their
 * median reach rate, as the engine computes it), its posting pace, its roadmap's recommendation
 * steps as daily tasks (with the recommendation they come from), and goals whose baselines are
 * the audit's numbers. `reachBaseline` is the mean daily reach of the last 28 days (the audit does
 * not store daily account reach), or null. Pure: same audit, same plan.
 */
export function buildPlanFromAudit(audit: Audit, days: 7 | 14 | 30, startDate: string, niche = '', reachBaseline: number | null = null): BuiltPlan {
  const best = audit.bestTimes;
  // The mix only reads the consistency it is given (the engine input is not consulted then).
  const mixMetric = contentMixTargets(undefined as unknown as EngineInput, audit.consistency);
  const mix = isOk(mixMetric) ? { available: true, reason: null, targets: mixMetric.value } : { available: false, reason: `Needs ${mixMetric.need}`, targets: [] };
  const current = isOk(audit.consistency.postsPerWeek) ? audit.consistency.postsPerWeek.value : 0;
  const postsPerWeek = Math.min(7, Math.max(TARGET_POSTS_PER_WEEK, Math.ceil(current)));
  const slots = postingSlots(best, postsPerWeek);
  const formats = formatSequence(mix.targets, Math.ceil((days / 7) * postsPerWeek) + 7);
  const recs = new Map(audit.recommendations.map((r) => [r.id, r]));
  const steps = new Map(audit.roadmap.flatMap((w) => w.days).filter((d) => d.recommendationId && recs.has(d.recommendationId) && !d.action.startsWith('Publish')).map((d) => [d.day, d]));
  const tasks: PlannedTask[] = [];
  let posts = 0;
  for (let day = 1; day <= days; day++) {
    const dayTasks = tasksForDay(day, startDate, slots, (i) => formats[i % formats.length], posts, days, niche);
    posts += dayTasks.filter((t) => t.type === 'post').length;
    const step = steps.get(day);
    if (step) {
      const rec = recs.get(step.recommendationId!)!;
      // The roadmap step replaces the generic engagement block on its day.
      const at = dayTasks.findIndex((t) => t.type === 'engage');
      const task: PlannedTask = { day, type: rec.area === 'engagement' || rec.area === 'growth' ? 'engage' : 'analyse', title: step.action, details: `From the audit: ${rec.title}. ${rec.detail}`, format: null, suggestedTime: null };
      if (at >= 0) dayTasks.splice(at, 1, task);
      else dayTasks.push(task);
    }
    tasks.push(...dayTasks);
  }
  return {
    days,
    startDate,
    timeZone: audit.timeZone,
    bestTimes: { source: best.source, sampleSize: best.sampleSize, slots: best.slots.slice(0, 10), grid: best.grid, fallbackReasons: best.fallbackReasons },
    mix,
    postsPerWeek,
    goals: auditGoals(audit, days, reachBaseline),
    tasks,
  };
}

/**
 * The weekly goals of `weeklyGoals`, from the audit's baselines: followers (last point of its
 * series) grow by the larger of its weekly change + 20 % and 0.5 % of followers; reach +5 % a
 * week; its median follower-based engagement +0.1 points a week. No baseline → no target.
 */
export function auditGoals(audit: Audit, days: number, reachBaseline: number | null): PlanGoal[] {
  const points = audit.growth.series.points;
  const followers = points.length ? points[points.length - 1].followers : null;
  const weekly = isOk(audit.growth.changePerWeek) ? audit.growth.changePerWeek.value : 0;
  const step = followers === null ? null : Math.max(Math.ceil(weekly * 1.2), Math.ceil(followers * 0.005), 1);
  const reach = reachBaseline === null ? null : round(reachBaseline, 0);
  const engagement = isOk(audit.engagement.followerMedian) ? round(audit.engagement.followerMedian.value) : null;
  const on = audit.computedAt.slice(0, 10);
  const goals: PlanGoal[] = [];
  for (let week = 1; week <= Math.ceil(days / 7); week++) {
    goals.push({ week, metric: 'followers', baseline: followers, target: followers === null || step === null ? null : followers + step * week, unit: 'followers', basis: followers === null ? 'the audit had no follower count' : `followers in the audit of ${on} + ${step}/week (larger of its weekly change + 20 % and 0.5 % of followers)` });
    goals.push({ week, metric: 'reach', baseline: reach, target: reach === null ? null : round(reach * (1 + 0.05 * week), 0), unit: 'accounts/day', basis: reach === null ? 'needs 20 days of daily reach' : 'mean daily reach of the last 28 days, +5 % a week' });
    goals.push({ week, metric: 'engagement', baseline: engagement, target: engagement === null ? null : round(engagement + 0.1 * week), unit: '%', basis: engagement === null ? 'the audit had too few rated posts' : `median engagement rate in the audit of ${on}, +0.1 points a week` });
  }
  return goals;
}
