import {
  accountOverview,
  addDays,
  bestPostingTimes,
  contentConsistency,
  contentMixTargets,
  isOk,
  TARGET_POSTS_PER_WEEK,
  weekdayOf,
  type BestPostingTimes,
  type EngineInput,
  type MixTarget,
} from '@instagrowth/growth-engine';
import type { TaskType } from '@instagrowth/contracts';

export interface PlannedTask {
  day: number;
  type: TaskType;
  title: string;
  details: string;
  format: string | null;
  suggestedTime: string | null;
}

export interface PlanGoal {
  week: number;
  metric: 'followers' | 'reach' | 'engagement';
  baseline: number | null;
  target: number | null;
  unit: string;
  basis: string;
}

export interface BuiltPlan {
  days: number;
  startDate: string;
  timeZone: string;
  bestTimes: { source: string; sampleSize: number; slots: BestPostingTimes['slots']; grid: BestPostingTimes['grid']; fallbackReasons: string[] };
  mix: { available: boolean; reason: string | null; targets: MixTarget[] };
  postsPerWeek: number;
  goals: PlanGoal[];
  tasks: PlannedTask[];
}

const FALLBACK_FORMATS = ['reel', 'carousel', 'image'];
const hh = (hour: number) => `${String(hour).padStart(2, '0')}:00`;
const round = (v: number, d = 2) => Math.round(v * 10 ** d) / 10 ** d;

/**
 * Format for each post in order, in proportion to the mix targets (smooth weighted round robin:
 * deterministic, and every prefix of the sequence stays close to the target shares).
 */
export function formatSequence(targets: readonly { format: string; targetShare: number }[], count: number): string[] {
  const weighted = targets.filter((t) => t.targetShare > 0);
  if (!weighted.length) return Array.from({ length: count }, (_, i) => FALLBACK_FORMATS[i % FALLBACK_FORMATS.length]);
  const total = weighted.reduce((s, t) => s + t.targetShare, 0);
  const current = weighted.map(() => 0);
  const out: string[] = [];
  for (let n = 0; n < count; n++) {
    weighted.forEach((t, i) => (current[i] += t.targetShare));
    let best = 0;
    for (let i = 1; i < weighted.length; i++) if (current[i] > current[best]) best = i;
    current[best] -= total;
    out.push(weighted[best].format);
  }
  return out;
}

/** The weekdays to post on (best slots first, one slot per weekday) and the hour for each. */
export function postingSlots(best: Pick<BestPostingTimes, 'slots' | 'grid'>, perWeek: number): Map<number, number> {
  const chosen = new Map<number, number>();
  for (const s of best.slots) {
    if (chosen.size >= perWeek) break;
    if (!chosen.has(s.weekday)) chosen.set(s.weekday, s.hour);
  }
  // Too few distinct weekdays among the top slots: take each remaining weekday's best grid hour.
  const rest = [0, 1, 2, 3, 4, 5, 6]
    .filter((w) => !chosen.has(w))
    .map((w) => {
      const row = best.grid[w] ?? [];
      let hour = 18;
      let score = -Infinity;
      row.forEach((v, h) => {
        if (v !== null && v > score) [score, hour] = [v, h];
      });
      return { w, hour, score };
    })
    .sort((a, b) => b.score - a.score || a.w - b.w);
  for (const r of rest) {
    if (chosen.size >= perWeek) break;
    chosen.set(r.w, r.hour);
  }
  return chosen;
}

/** The tasks of one plan day (1-based), given the posting slots and the format of each post. */
export function tasksForDay(day: number, startDate: string, slots: Map<number, number>, formatFor: (postIndex: number) => string, postIndexBefore: number, totalDays: number, niche: string): PlannedTask[] {
  const date = addDays(startDate, day - 1);
  const weekday = weekdayOf(date);
  const tasks: PlannedTask[] = [];
  const hour = slots.get(weekday);
  if (hour !== undefined) {
    const format = formatFor(postIndexBefore);
    tasks.push({ day, type: 'post', title: `Post a ${format}`, details: `Publish a ${format} about ${niche || 'your niche'} at ${hh(hour)}, one of this account's best hours.`, format, suggestedTime: hh(hour) });
    tasks.push({ day, type: 'reply', title: 'Reply to comments in the first hour', details: `Answer every comment on today's ${format} within an hour of posting.`, format: null, suggestedTime: hh((hour + 1) % 24) });
  } else {
    tasks.push({ day, type: 'reply', title: 'Reply to comments and messages', details: 'Clear comments and DMs from the last 24 hours.', format: null, suggestedTime: null });
  }
  const storyHour = hour ?? [...slots.values()][0] ?? 18;
  tasks.push({ day, type: 'story', title: hour !== undefined ? 'Share the post to stories' : 'Post a story with a sticker', details: hour !== undefined ? 'Reshare today\'s post to stories with a question sticker.' : 'Poll or question sticker about what you post next.', format: 'story', suggestedTime: hh(hour !== undefined ? (hour + 2) % 24 : storyHour) });
  tasks.push({ day, type: 'engage', title: 'Engage for 15 minutes', details: `Leave thoughtful comments on 10 posts from accounts in ${niche || 'your niche'} and reply to their stories.`, format: null, suggestedTime: null });
  if (day % 7 === 0 || day === totalDays) {
    tasks.push({ day, type: 'analyse', title: day === totalDays ? 'Review the plan and run a new audit' : `Review week ${Math.ceil(day / 7)}`, details: 'Compare followers, reach and engagement with this week\'s goals; keep the formats that beat them.', format: null, suggestedTime: null });
  }
  return tasks;
}

/**
 * A 7/14/30-day plan from the growth engine's view of the account: best times (own posts, then
 * online followers, then the prior — each labelled), mix targets, weekly goals with baselines,
 * and the daily tasks. Pure: same input, same plan.
 */
export function buildPlan(input: EngineInput, days: 7 | 14 | 30, startDate: string, niche = ''): BuiltPlan {
  const consistency = contentConsistency(input);
  const best = bestPostingTimes(input);
  const mixMetric = contentMixTargets(input, consistency);
  const mix = isOk(mixMetric) ? { available: true, reason: null, targets: mixMetric.value } : { available: false, reason: `Needs ${mixMetric.need}`, targets: [] };
  const current = isOk(consistency.postsPerWeek) ? consistency.postsPerWeek.value : 0;
  const postsPerWeek = Math.min(7, Math.max(TARGET_POSTS_PER_WEEK, Math.ceil(current)));
  const slots = postingSlots(best, postsPerWeek);
  const totalPosts = Math.ceil((days / 7) * postsPerWeek) + 7;
  const formats = formatSequence(mix.targets, totalPosts);
  const tasks: PlannedTask[] = [];
  let posts = 0;
  for (let day = 1; day <= days; day++) {
    const dayTasks = tasksForDay(day, startDate, slots, (i) => formats[i % formats.length], posts, days, niche);
    posts += dayTasks.filter((t) => t.type === 'post').length;
    tasks.push(...dayTasks);
  }
  return {
    days,
    startDate,
    timeZone: input.account.timeZone,
    bestTimes: { source: best.source, sampleSize: best.sampleSize, slots: best.slots.slice(0, 10), grid: best.grid, fallbackReasons: best.fallbackReasons },
    mix,
    postsPerWeek,
    goals: weeklyGoals(input, days),
    tasks,
  };
}

/**
 * Weekly goals from the account's baselines: followers grow by the larger of the observed weekly
 * change + 20 % or 0.5 % of followers a week; daily reach +5 % a week over the 28-day mean; median
 * engagement +0.1 points a week. No baseline → no target (never a made-up number).
 */
export function weeklyGoals(input: EngineInput, days: number): PlanGoal[] {
  const o = accountOverview(input);
  const weeks = Math.ceil(days / 7);
  const followers = isOk(o.followers) ? o.followers.value : null;
  const change28 = isOk(o.followerChange28d) ? o.followerChange28d.value : null;
  const weeklyObserved = change28 === null ? 0 : (change28 / 28) * 7;
  const followerStep = followers === null ? null : Math.max(Math.ceil(weeklyObserved * 1.2), Math.ceil(followers * 0.005), 1);
  const reach = isOk(o.dailyReach28d) ? round(o.dailyReach28d.value, 0) : null;
  const engagement = isOk(o.engagementMedian) ? round(o.engagementMedian.value) : null;
  const goals: PlanGoal[] = [];
  for (let week = 1; week <= weeks; week++) {
    goals.push({ week, metric: 'followers', baseline: followers, target: followers === null || followerStep === null ? null : followers + followerStep * week, unit: 'followers', basis: followers === null ? 'no follower count stored yet' : `current followers + ${followerStep}/week (larger of the 28-day pace + 20 % and 0.5 % of followers)` });
    goals.push({ week, metric: 'reach', baseline: reach, target: reach === null ? null : round(reach * (1 + 0.05 * week), 0), unit: 'accounts/day', basis: reach === null ? 'needs 20 days of daily reach' : 'mean daily reach of the last 28 days, +5 % a week' });
    goals.push({ week, metric: 'engagement', baseline: engagement, target: engagement === null ? null : round(engagement + 0.1 * week), unit: '%', basis: engagement === null ? 'needs 10 rated posts' : 'median follower-based engagement rate, +0.1 points a week' });
  }
  return goals;
}
