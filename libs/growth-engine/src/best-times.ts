import type { BestPostingTimes, EngagementSummary, EngineInput, TimeSlot } from './types.js';
import { engagementSummary, followerTier, postFormat } from './engagement.js';
import { BEST_TIME_PRIOR_REVIEWED, priorWeight } from './data/best-time-prior.js';
import { isOk, ok } from './metric.js';
import { THRESHOLDS } from './thresholds.js';
import { WEEKDAYS, localWeekdayHour, zonedInstant } from './time.js';
import { windowDays } from './followers.js';

const CELLS = 7 * 24;
const TOP = 5;

interface Acc {
  sum: Float64Array;
  count: Float64Array;
}

function acc(): Acc {
  return { sum: new Float64Array(CELLS), count: new Float64Array(CELLS) };
}

function add(a: Acc, weekday: number, hour: number, value: number): void {
  a.sum[weekday * 24 + hour] += value;
  a.count[weekday * 24 + hour] += 1;
}

/**
 * Smooth each cell with its neighbouring hours (weights ½, 1, ½; 23:00 → 00:00 rolls into the next
 * weekday). A cell is scored only when it has observations of its own and the three hours together
 * hold `minSample` (an empty hour next to a good one is not recommended on its neighbour's data).
 */
export function smoothGrid(a: Acc, minSample: number): { grid: (number | null)[][]; samples: number[][] } {
  const grid: (number | null)[][] = [];
  const samples: number[][] = [];
  for (let d = 0; d < 7; d++) {
    grid.push([]);
    samples.push([]);
    for (let h = 0; h < 24; h++) {
      const i = d * 24 + h;
      const prev = (i + CELLS - 1) % CELLS;
      const next = (i + 1) % CELLS;
      const n = a.count[prev] + a.count[i] + a.count[next];
      const wc = 0.5 * a.count[prev] + a.count[i] + 0.5 * a.count[next];
      const ws = 0.5 * a.sum[prev] + a.sum[i] + 0.5 * a.sum[next];
      samples[d].push(n);
      grid[d].push(a.count[i] > 0 && n >= minSample ? Math.round((ws / wc) * 100) / 100 : null);
    }
  }
  return { grid, samples };
}

function topSlots(grid: (number | null)[][], samples: number[][]): TimeSlot[] {
  const slots: TimeSlot[] = [];
  for (let d = 0; d < 7; d++) for (let h = 0; h < 24; h++) {
    const score = grid[d][h];
    if (score !== null) slots.push({ weekday: d, hour: h, score, sampleSize: samples[d][h] });
  }
  slots.sort((a, b) => b.score - a.score || b.sampleSize - a.sampleSize || a.weekday - b.weekday || a.hour - b.hour);
  return slots.slice(0, TOP);
}

export function slotLabel(s: Pick<TimeSlot, 'weekday' | 'hour'>): string {
  return `${WEEKDAYS[s.weekday]} ${String(s.hour).padStart(2, '0')}:00`;
}

function ownPosts(input: EngineInput, eng: EngagementSummary): { a: Acc; n: number; label: string } | string {
  const posts = eng.perPost.filter((p) => p.format !== 'story');
  const tz = input.account.timeZone;
  for (const kind of ['reachRate', 'followerRate'] as const) {
    const rated = posts.filter((p) => isOk(p[kind]));
    if (rated.length < THRESHOLDS.minPostsBestTimes) continue;
    const a = acc();
    for (const p of rated) {
      const { weekday, hour } = localWeekdayHour(p.postedAt, tz);
      add(a, weekday, hour, (p[kind] as { value: number }).value);
    }
    return { a, n: rated.length, label: kind === 'reachRate' ? 'mean reach-based engagement rate' : 'mean follower-based engagement rate' };
  }
  return `own posts: ${posts.length} posts in the window, ${THRESHOLDS.minPostsBestTimes} with an engagement rate are needed`;
}

function onlineFollowers(input: EngineInput): { a: Acc; n: number } | string {
  const { from, to } = windowDays(input);
  const zone = input.account.onlineFollowersTimeZone ?? 'America/Los_Angeles';
  const days = input.snapshots.filter((s) => s.day >= from && s.day <= to && s.onlineFollowers && Object.keys(s.onlineFollowers).length);
  if (days.length < THRESHOLDS.minOnlineFollowerDays) {
    return `online_followers: ${days.length} days with data, ${THRESHOLDS.minOnlineFollowerDays} are needed`;
  }
  const a = acc();
  for (const s of days) {
    for (const [k, v] of Object.entries(s.onlineFollowers!)) {
      const hour = Number(k);
      if (!Number.isInteger(hour) || hour < 0 || hour > 23 || typeof v !== 'number') continue;
      // Meta's hour keys are in its own zone; move each hour to the account's wall clock.
      const at = zonedInstant(s.day, hour, zone);
      const local = localWeekdayHour(at, input.account.timeZone);
      add(a, local.weekday, local.hour, v);
    }
  }
  return { a, n: days.length };
}

/** Best weekday × hour slots in the account's zone: own posts → online_followers → tier prior. */
export function bestPostingTimes(input: EngineInput, engagement?: EngagementSummary): BestPostingTimes {
  const tz = input.account.timeZone;
  const reasons: string[] = [];
  const eng = engagement ?? engagementSummary(input);
  const own = ownPosts(input, eng);
  if (typeof own !== 'string') {
    const { grid, samples } = smoothGrid(own.a, THRESHOLDS.minPostsPerCell);
    const slots = topSlots(grid, samples);
    if (slots.length) {
      return result('own_posts', own.n, grid, slots, reasons, tz, `${own.label} of the account's posts by weekday × hour in ${tz}, smoothed over neighbouring hours, cells with ≥ ${THRESHOLDS.minPostsPerCell} posts`);
    }
    reasons.push(`own posts: no weekday × hour cell has ${THRESHOLDS.minPostsPerCell} posts`);
  } else reasons.push(own);

  const online = onlineFollowers(input);
  if (typeof online !== 'string') {
    const { grid, samples } = smoothGrid(online.a, 1);
    const slots = topSlots(grid, samples);
    if (slots.length) {
      return result('online_followers', online.n, grid, slots, reasons, tz, `mean followers online by weekday × hour in ${tz} over ${online.n} days of online_followers, smoothed over neighbouring hours`);
    }
  } else reasons.push(online);

  const grid = Array.from({ length: 7 }, (_, d) => Array.from({ length: 24 }, (_, h) => priorWeight(d, h)));
  const samples = grid.map((row) => row.map(() => 0));
  const tier = input.account.followers === null ? 'unknown' : followerTier(input.account.followers);
  return result('tier_prior', 0, grid, topSlots(grid, samples), reasons, tz, `generic prior for ${tier}-tier accounts from published studies (reviewed ${BEST_TIME_PRIOR_REVIEWED}), not this account's data`);
}

function result(
  source: BestPostingTimes['source'],
  sampleSize: number,
  grid: (number | null)[][],
  slots: TimeSlot[],
  fallbackReasons: string[],
  timeZone: string,
  formula: string,
): BestPostingTimes {
  const metric = ok('best_times', slotLabel(slots[0]), formula, { source, sampleSize, timeZone, topScore: slots[0].score, topSample: slots[0].sampleSize });
  return { source, sampleSize, timeZone, slots, grid, fallbackReasons, metric };
}

