import type { Audit } from '@instagrowth/growth-engine';
import { auditGoals, buildPlanFromAudit } from './plan-from-audit.js';

const ok = (id: string, value: number, formula: string, inputs: Record<string, number>) => ({ status: 'ok' as const, id, value, formula, inputs });
const insufficient = (id: string, need: string) => ({ status: 'insufficient_data' as const, id, need });
const grid = Array.from({ length: 7 }, () => Array.from({ length: 24 }, () => null as number | null));

/** A hand-made audit: only the parts the plan reads, with numbers chosen so every result is computable by hand. */
function audit(): Audit {
  return {
    computedAt: '2026-12-01T09:00:00.000Z',
    timeZone: 'Europe/Berlin',
    bestTimes: {
      source: 'own_posts',
      sampleSize: 24,
      timeZone: 'Europe/Berlin',
      slots: [
        { weekday: 2, hour: 19, score: 9, sampleSize: 6 },
        { weekday: 4, hour: 12, score: 7, sampleSize: 5 },
        { weekday: 6, hour: 10, score: 5, sampleSize: 4 },
      ],
      grid,
      fallbackReasons: [],
    },
    consistency: {
      postsPerWeek: ok('c.ppw', 2.4, 'posts / weeks', {}),
      formatMix: [
        { format: 'reel', posts: 5, share: 50, medianReachRate: ok('r', 6, 'median', {}), medianFollowerRate: ok('f', 1, 'median', {}), medianReach: ok('m', 900, 'median', {}) },
        { format: 'carousel', posts: 5, share: 50, medianReachRate: ok('r', 2, 'median', {}), medianFollowerRate: ok('f', 1, 'median', {}), medianReach: ok('m', 300, 'median', {}) },
        { format: 'image', posts: 1, share: 0, medianReachRate: insufficient('r', '3 posts'), medianFollowerRate: insufficient('f', '3 posts'), medianReach: insufficient('m', '3 posts') },
      ],
    },
    recommendations: [
      { id: 'raise-engagement', priority: 1, area: 'engagement', title: 'Raise engagement', detail: 'Reply within the hour.', evidence: [] },
      { id: 'remove-banned-hashtags', priority: 2, area: 'risk', title: 'Remove banned hashtags', detail: 'Two posts use #followforfollow.', evidence: [] },
    ],
    roadmap: [
      {
        week: 1,
        theme: 'Fix what holds distribution back',
        days: [
          { day: 2, action: 'Reply to every comment from the last 7 days', recommendationId: 'raise-engagement' },
          { day: 3, action: 'Publish a reel on Wed at 19:00 (Europe/Berlin)', recommendationId: 'post-at-best-times' },
          { day: 4, action: 'Edit captions that use banned or restricted hashtags and remove those tags', recommendationId: 'remove-banned-hashtags' },
        ],
      },
    ],
    growth: { series: { points: [{ day: '2026-11-30', followers: 980, estimated: false }, { day: '2026-12-01', followers: 1000, estimated: false }], missingDays: [], estimatedCount: 0 }, changePerWeek: ok('g.w', 10, 'Δ/week', {}) },
    engagement: { followerMedian: ok('e.m', 3.456, 'median', {}) },
  } as unknown as Audit;
}

describe('plan from the latest audit', () => {
  // 2026-12-07 is a Monday: day 3 is Wednesday, day 5 Friday, day 7 Sunday.
  const plan = buildPlanFromAudit(audit(), 14, '2026-12-07', 'bakery', 1234.4);

  it('takes the audit’s best times and its content mix (shares ∝ median reach rate: 6 and 2 → 75 % and 25 %)', () => {
    expect(plan.bestTimes).toMatchObject({ source: 'own_posts', sampleSize: 24 });
    expect(plan.timeZone).toBe('Europe/Berlin');
    expect(plan.mix.targets.map((t) => [t.format, t.targetShare])).toEqual([
      ['reel', 75],
      ['carousel', 25],
    ]);
    // 2.4 posts a week → ceil 3 (the target pace is 3): Wed 19:00, Fri 12:00, Sun 10:00.
    // Weighted round robin over 75/25: [75,25] → reel, [50,50] → reel (tie: first), [25,75] → carousel.
    expect(plan.postsPerWeek).toBe(3);
    const posts = plan.tasks.filter((t) => t.type === 'post' && t.day <= 7);
    expect(posts.map((t) => [t.day, t.suggestedTime, t.format])).toEqual([
      [3, '19:00', 'reel'],
      [5, '12:00', 'reel'],
      [7, '10:00', 'carousel'],
    ]);
  });

  it('puts the roadmap’s recommendation steps on their days in place of the generic engagement block', () => {
    const day2 = plan.tasks.filter((t) => t.day === 2);
    expect(day2.find((t) => t.title === 'Reply to every comment from the last 7 days')).toMatchObject({ type: 'engage', details: 'From the audit: Raise engagement. Reply within the hour.' });
    expect(day2.some((t) => t.title === 'Engage for 15 minutes')).toBe(false);
    // A risk step is an analyse task; a "Publish …" day stays the planner's own post task.
    expect(plan.tasks.find((t) => t.day === 4 && t.details.startsWith('From the audit'))).toMatchObject({ type: 'analyse', title: 'Edit captions that use banned or restricted hashtags and remove those tags' });
    expect(plan.tasks.filter((t) => t.day === 3 && t.details.startsWith('From the audit'))).toEqual([]);
    expect(plan.tasks.find((t) => t.day === 3 && t.type === 'engage')?.title).toBe('Engage for 15 minutes');
  });

  it('starts the goals from the audit’s numbers', () => {
    // Followers 1000, +10/week observed → step max(ceil(12), ceil(5), 1) = 12.
    const followers = plan.goals.filter((g) => g.metric === 'followers');
    expect(followers.map((g) => [g.week, g.baseline, g.target])).toEqual([
      [1, 1000, 1012],
      [2, 1000, 1024],
    ]);
    expect(followers[0].basis).toContain('audit of 2026-12-01');
    // Engagement 3.456 → 3.46, +0.1 a week; reach 1234.4 → 1234, +5 % a week → 1296, 1357.
    expect(plan.goals.filter((g) => g.metric === 'engagement').map((g) => g.target)).toEqual([3.56, 3.66]);
    expect(plan.goals.filter((g) => g.metric === 'reach').map((g) => [g.baseline, g.target])).toEqual([
      [1234, 1296],
      [1234, 1357],
    ]);
  });

  it('sets no target where the audit has no baseline', () => {
    const a = audit();
    (a as unknown as { growth: { series: { points: unknown[] } } }).growth.series.points = [];
    (a as unknown as { engagement: { followerMedian: unknown } }).engagement.followerMedian = insufficient('e.m', '10 rated posts');
    const goals = auditGoals(a, 7, null);
    expect(goals.map((g) => [g.metric, g.baseline, g.target])).toEqual([
      ['followers', null, null],
      ['reach', null, null],
      ['engagement', null, null],
    ]);
  });
});
