import { buildRoadmap } from './roadmap.js';
import type { BestPostingTimes, ContentConsistency, Recommendation } from './types.js';

const times = {
  source: 'own_posts',
  sampleSize: 40,
  timeZone: 'Europe/Berlin',
  slots: [
    { weekday: 1, hour: 18, score: 5, sampleSize: 4 },
    { weekday: 4, hour: 12, score: 4, sampleSize: 3 },
  ],
  grid: [],
  fallbackReasons: [],
  metric: { status: 'ok', id: 'best_times', value: 'Tuesday 18:00', formula: '', inputs: {} },
} as BestPostingTimes;
const consistency = {
  postsPerWeek: { status: 'ok', id: 'consistency.posts_per_week', value: 1, formula: '', inputs: {} },
  bestFormat: { status: 'ok', id: 'consistency.best_format', value: 'reel', formula: '', inputs: {} },
} as unknown as ContentConsistency;
const rec = (id: string, area: Recommendation['area'], priority: number): Recommendation => ({ id, area, priority, title: id, detail: '', evidence: [] });

describe('30-day roadmap', () => {
  // Day 1 is the day after 2026-11-29 (a Sunday), so day 1 = Monday 30 November.
  it('posts on the best weekdays at their hours, fills other days with recommendation steps', () => {
    const recs = [rec('remove-banned-hashtags', 'content', 1), rec('post-at-best-times', 'consistency', 2)];
    const weeks = buildRoadmap('2026-11-29', recs, times, consistency);
    const week1 = weeks[0].days;
    expect(week1[0]).toEqual({ day: 1, action: 'Edit captions that use banned or restricted hashtags and remove those tags', recommendationId: 'remove-banned-hashtags' });
    // Tuesday 18:00 and Friday 12:00 from the slots, then Thursday (next in Tue/Thu/Sat…) for 3 a week.
    expect(week1[1]).toEqual({ day: 2, action: 'Publish a reel on Tuesday at 18:00 (Europe/Berlin)', recommendationId: 'post-at-best-times' });
    expect(week1[3].action).toBe('Publish a reel on Thursday at 18:00 (Europe/Berlin)');
    expect(week1[4].action).toBe('Publish a reel on Friday at 12:00 (Europe/Berlin)');
    expect(week1[2]).toMatchObject({ action: 'Check next week’s planned captions against the banned-hashtag list', recommendationId: 'remove-banned-hashtags' });
    // Steps run out: the rest are plain engagement days, not tied to a recommendation.
    expect(week1[5]).toMatchObject({ recommendationId: null });
    expect(week1[6]).toMatchObject({ day: 7, recommendationId: null });
    expect(weeks.flatMap((w) => w.days).filter((d) => d.action.startsWith('Publish'))).toHaveLength(12);
  });

  it('pauses publishing in week 1 when Instagram reported a restriction', () => {
    const recs = [rec('check-account-status', 'risk', 1), rec('post-at-best-times', 'consistency', 2)];
    const weeks = buildRoadmap('2026-11-29', recs, times, consistency);
    expect(weeks[0].days.some((d) => d.action.startsWith('Publish'))).toBe(false);
    expect(weeks[0].days[0].recommendationId).toBe('check-account-status');
    expect(weeks[1].days.some((d) => d.action.startsWith('Publish'))).toBe(true);
  });
});
