import { contentConsistency } from './consistency.js';
import { input, post } from './testing/fixtures.js';

const now = '2026-11-29T00:00:00Z';
const at = (day: string) => `${day}T12:00:00Z`;

describe('content consistency', () => {
  const days = ['2026-11-02', '2026-11-04', '2026-11-06', '2026-11-08', '2026-11-10', '2026-11-12'];

  it('counts posts per week, the longest gap (including since the last post) and regularity', () => {
    const c = contentConsistency(input({ now, windowDays: 28, posts: days.map((d, i) => post(`p${i}`, at(d))) }));
    // 6 posts / 4 weeks = 1.5; gaps all 2 days → CV 0; 12 Nov 12:00 → 29 Nov 00:00 = 16.5 days.
    expect(c.postsPerWeek).toMatchObject({ status: 'ok', value: 1.5, unit: 'posts/week' });
    expect(c.gapCv).toMatchObject({ status: 'ok', value: 0 });
    expect(c.longestGapDays).toMatchObject({ status: 'ok', value: 16.5, inputs: { longestBetweenPosts: 2, daysSinceLastPost: 16.5 } });
  });

  it('computes the coefficient of variation of the gaps', () => {
    const ds = ['2026-11-01', '2026-11-02', '2026-11-04', '2026-11-07', '2026-11-11', '2026-11-16'];
    const c = contentConsistency(input({ now, windowDays: 28, posts: ds.map((d, i) => post(`p${i}`, at(d))) }));
    // Gaps 1,2,3,4,5: mean 3, sample sd √2.5 = 1.5811 → CV 0.53.
    expect(c.gapCv).toMatchObject({ value: 0.53, inputs: { gaps: 5, meanGapDays: 3, stdevGapDays: 1.58 } });
  });

  it('with five posts reports cadence but not regularity', () => {
    const c = contentConsistency(input({ now, windowDays: 28, posts: days.slice(0, 5).map((d, i) => post(`p${i}`, at(d))) }));
    expect(c.postsPerWeek).toMatchObject({ status: 'ok', value: 1.25 });
    expect(c.gapCv).toMatchObject({ status: 'insufficient_data', have: { posts: 5 } });
    expect(c.bestFormat.status).toBe('insufficient_data');
  });

  it('gives the format mix with each format’s medians and the best format; stories are left out', () => {
    const reel = { mediaType: 'VIDEO', productType: 'REELS', reach: 1000, totalInteractions: 100 };
    const image = { reach: 1000, totalInteractions: 50 };
    const posts = [
      ...days.slice(0, 3).map((d, i) => post(`r${i}`, at(d), reel)),
      ...days.slice(3).map((d, i) => post(`i${i}`, at(d), { ...image, reach: 1000 + i * 100 })),
      post('s', at('2026-11-13'), { productType: 'STORY', reach: 50 }),
    ];
    const c = contentConsistency(input({ now, windowDays: 28, posts }));
    expect(c.formatMix.map((f) => [f.format, f.posts, f.share])).toEqual([['image', 3, 50], ['reel', 3, 50]]);
    const img = c.formatMix[0];
    // 50/1000, 50/1100, 50/1200 → median 4.545 % → 4.55; median reach 1100.
    expect(img.medianReachRate).toMatchObject({ status: 'ok', value: 4.55 });
    expect(img.medianReach).toMatchObject({ value: 1100 });
    expect(img.medianFollowerRate.status).toBe('insufficient_data');
    expect(c.bestFormat).toMatchObject({ status: 'ok', value: 'reel', inputs: { reel: 10, image: 4.55 } });
    expect(c.postsPerWeek).toMatchObject({ value: 1.5 });
  });
});
