import type { EngineInput } from '@instagrowth/growth-engine';
import { buildPlan, formatSequence, postingSlots, tasksForDay, weeklyGoals } from './plan-builder.js';
import { present, progressInput } from './planner.service.js';

const grid = (cells: Record<string, number>) => Array.from({ length: 7 }, (_, w) => Array.from({ length: 24 }, (_, h) => cells[`${w}:${h}`] ?? null));

describe('plan builder', () => {
  it('spreads formats in proportion to the mix targets (smooth weighted round robin)', () => {
    // 50/30/20 over 10 posts → 5 reels, 3 carousels, 2 images; the first pick is the heaviest.
    const seq = formatSequence(
      [
        { format: 'reel', targetShare: 50 },
        { format: 'carousel', targetShare: 30 },
        { format: 'image', targetShare: 20 },
      ],
      10,
    );
    expect(seq[0]).toBe('reel');
    expect(seq.filter((f) => f === 'reel')).toHaveLength(5);
    expect(seq.filter((f) => f === 'carousel')).toHaveLength(3);
    expect(seq.filter((f) => f === 'image')).toHaveLength(2);
    // No data: a fixed rotation, never an invented mix.
    expect(formatSequence([], 4)).toEqual(['reel', 'carousel', 'image', 'reel']);
  });

  it('posts on the best slots’ weekdays, one slot per weekday, then the best grid hours', () => {
    const slots = postingSlots(
      {
        slots: [
          { weekday: 2, hour: 19, score: 9, sampleSize: 4 },
          { weekday: 2, hour: 20, score: 8, sampleSize: 4 },
          { weekday: 5, hour: 11, score: 7, sampleSize: 3 },
        ],
        grid: grid({ '0:8': 5, '6:21': 6 }),
      },
      4,
    );
    // Wednesday 19:00 and Saturday 11:00 from the slots; then Sunday (grid 6) before Monday (grid 5).
    expect([...slots.entries()]).toEqual([
      [2, 19],
      [5, 11],
      [6, 21],
      [0, 8],
    ]);
  });

  it('plans a post day and a rest day with the right tasks and times', () => {
    // 2026-12-02 is a Wednesday (weekday 2).
    const slots = new Map([[2, 19]]);
    const wed = tasksForDay(1, '2026-12-02', slots, () => 'carousel', 0, 7, 'bakery');
    expect(wed.map((t) => [t.type, t.suggestedTime])).toEqual([
      ['post', '19:00'],
      ['reply', '20:00'],
      ['story', '21:00'],
      ['engage', null],
    ]);
    expect(wed[0]).toMatchObject({ title: 'Post a carousel', format: 'carousel' });
    const sunday = tasksForDay(7, '2026-12-02', slots, () => 'reel', 1, 7, 'bakery');
    expect(sunday.map((t) => t.type)).toEqual(['reply', 'story', 'engage', 'analyse']);
    expect(sunday.at(-1)!.title).toBe('Review the plan and run a new audit');
  });

  const input = (posts: number, followers: number | null): EngineInput => ({
    account: { followers, timeZone: 'UTC' },
    posts: Array.from({ length: posts }, (_, i) => ({
      id: `p${i}`,
      postedAt: `2026-11-${String(1 + i * 2).padStart(2, '0')}T18:00:00Z`,
      mediaType: 'IMAGE',
      productType: 'FEED',
      caption: null,
      likes: 90,
      comments: 10,
      saves: null,
      shares: null,
      reach: 1000,
      views: null,
      totalInteractions: 100,
    })),
    snapshots: followers === null ? [] : [{ day: '2026-11-01', followers: followers - 280 }, { day: '2026-11-29', followers }],
    now: '2026-11-30T12:00:00Z',
  });

  it('derives weekly goals from baselines and leaves them empty without data', () => {
    // 280 followers in 28 days → 70/week; ×1.2 = 84 > 0.5 % of 2,000 (10) → +84 a week.
    const goals = weeklyGoals(input(12, 2000), 14);
    const followers = goals.filter((g) => g.metric === 'followers');
    expect(followers.map((g) => [g.week, g.baseline, g.target])).toEqual([
      [1, 2000, 2084],
      [2, 2000, 2168],
    ]);
    // Median follower rate (90 + 10) / followers × 100; follower count from the nearest snapshot before each post.
    const engagement = goals.find((g) => g.metric === 'engagement' && g.week === 1)!;
    expect(engagement.baseline).toBeCloseTo(100 / 1720 * 100, 2);
    expect(engagement.target).toBeCloseTo(engagement.baseline! + 0.1, 2);
    // No daily reach stored: no reach target.
    expect(goals.find((g) => g.metric === 'reach')).toMatchObject({ baseline: null, target: null });
    expect(weeklyGoals(input(0, null), 7).every((g) => g.target === null)).toBe(true);
  });

  it('builds a whole plan deterministically with a labelled best-time source', () => {
    const a = buildPlan(input(12, 2000), 30, '2026-12-01', 'bakery');
    const b = buildPlan(input(12, 2000), 30, '2026-12-01', 'bakery');
    expect(a).toEqual(b);
    expect(new Set(a.tasks.map((t) => t.day)).size).toBe(30);
    // 12 posts in the window is < 3/week, so the plan asks for 3 posts a week.
    expect(a.postsPerWeek).toBe(3);
    expect(a.tasks.filter((t) => t.type === 'post' && t.day <= 7)).toHaveLength(3);
    expect(a.tasks.filter((t) => t.type === 'analyse').map((t) => t.day)).toEqual([7, 14, 21, 28, 30]);
    expect(['own_posts', 'online_followers', 'tier_prior']).toContain(a.bestTimes.source);
    expect(a.mix.available).toBe(false);
  });

  it('measures progress from data that arrived after the start', () => {
    const data = input(0, 2000);
    data.snapshots.push({ day: '2026-12-03', followers: 2042, reach: 500 }, { day: '2026-12-04', followers: null, reach: 700 });
    data.now = '2026-12-05T12:00:00Z';
    const current = progressInput(data, '2026-12-02');
    expect(current).toEqual({ followers: 2042, reach: 600, engagement: null });
    const plan = present(
      { id: 'p', accountId: 'a', days: 14, startDate: '2026-12-02', timeZone: 'UTC', basis: 'engine', bestTimes: { source: 'tier_prior', sampleSize: 0, slots: [], grid: [], fallbackReasons: [] }, mix: { available: false, reason: null, targets: [] }, createdAt: new Date('2026-12-01T00:00:00Z'), auditId: null, auditAt: null, goals: [
        { week: 1, metric: 'followers', baseline: 2000, target: 2084, unit: 'followers', basis: '' },
        { week: 2, metric: 'followers', baseline: 2000, target: 2168, unit: 'followers', basis: '' },
      ] },
      [],
      current,
      new Date('2026-12-05T12:00:00Z'),
    );
    // Week 1: (2042 − 2000) / (2084 − 2000) = 50 %; week 2 has not started.
    expect(plan.goals.map((g) => [g.current, g.progress])).toEqual([
      [2042, 50],
      [null, null],
    ]);
  });
});
