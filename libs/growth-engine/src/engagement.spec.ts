import {
  engagementSummary,
  followerEngagementRate,
  followersAtPosting,
  followerTier,
  interactions,
  postEngagement,
  postFormat,
  reachEngagementRate,
  tierBand,
} from './engagement.js';
import { input, post, snap } from './testing/fixtures.js';

describe('engagement', () => {
  const post = { likes: 90, comments: 6, saves: 3, shares: 1, reach: 2_000 };

  it('places accounts in follower tiers', () => {
    expect(followerTier(0)).toBe('nano');
    expect(followerTier(9_999)).toBe('nano');
    expect(followerTier(10_000)).toBe('micro');
    expect(followerTier(2_000_000)).toBe('mega');
  });

  it('computes follower- and reach-based rates', () => {
    expect(interactions(post)).toBe(100);
    expect(followerEngagementRate(post, 5_000)).toBeCloseTo(2);
    expect(reachEngagementRate(post)).toBeCloseTo(5);
  });

  it('keeps unavailable data unavailable instead of zero', () => {
    const unknown = { likes: null, comments: null, saves: null, shares: null, reach: null };
    expect(interactions(unknown)).toBeNull();
    expect(followerEngagementRate(unknown, 1000)).toBeNull();
    expect(reachEngagementRate({ ...post, reach: null })).toBeNull();
    expect(followerEngagementRate(post, 0)).toBeNull();
  });
});

describe('post engagement rates', () => {
  const snapshots = [snap('2026-11-01', { followers: 1000 }), snap('2026-11-10', { followers: 2000 }), snap('2026-11-05')];
  const p = post('a', '2026-11-05T10:00:00Z', { likes: 40, comments: 10, saves: 5, shares: 5, reach: 4000, totalInteractions: 120 });

  it('uses the nearest earlier snapshot with a follower count', () => {
    expect(followersAtPosting(snapshots, '2026-11-05')).toEqual({ day: '2026-11-01', followers: 1000 });
    expect(followersAtPosting(snapshots, '2026-11-10')?.followers).toBe(2000);
    expect(followersAtPosting(snapshots, '2026-10-31')).toBeNull();
  });

  it('computes (likes + comments) / followers and total interactions / reach', () => {
    const e = postEngagement(p, snapshots, 'UTC');
    // (40 + 10) / 1000 × 100 = 5; 120 / 4000 × 100 = 3.
    expect(e.followerRate).toMatchObject({ status: 'ok', value: 5, unit: '%', inputs: { likes: 40, comments: 10, followers: 1000, followersDay: '2026-11-01' } });
    expect(e.reachRate).toMatchObject({ status: 'ok', value: 3, formula: 'total_interactions / reach × 100' });
    expect(e.day).toBe('2026-11-05');
    expect(e.format).toBe('image');
  });

  it('reads followers on the local posting day (23:30 UTC is the next day in Tokyo)', () => {
    const late = post('b', '2026-11-09T23:30:00Z', { likes: 40, comments: 10 });
    // UTC: 9 Nov → 1000 followers → 5 %; Tokyo: 10 Nov → 2000 followers → 2.5 %.
    expect(postEngagement(late, snapshots, 'UTC').followerRate).toMatchObject({ value: 5 });
    expect(postEngagement(late, snapshots, 'Asia/Tokyo').followerRate).toMatchObject({ value: 2.5 });
    expect(postEngagement(late, snapshots, 'Asia/Tokyo').day).toBe('2026-11-10');
  });

  it('falls back to the sum of interactions when total_interactions is unavailable, and says so', () => {
    const e = postEngagement({ ...p, totalInteractions: null }, snapshots, 'UTC');
    // (40 + 10 + 5 + 5) / 4000 × 100 = 1.5.
    expect(e.reachRate).toMatchObject({ status: 'ok', value: 1.5 });
    expect((e.reachRate as { formula: string }).formula).toContain('total_interactions unavailable');
  });

  it('answers insufficient_data for unavailable inputs, never 0', () => {
    expect(postEngagement({ ...p, reach: null }, snapshots, 'UTC').reachRate.status).toBe('insufficient_data');
    expect(postEngagement({ ...p, reach: 0 }, snapshots, 'UTC').reachRate.status).toBe('insufficient_data');
    expect(postEngagement({ ...p, likes: null }, snapshots, 'UTC').followerRate.status).toBe('insufficient_data');
    const early = postEngagement({ ...p, postedAt: '2026-10-20T10:00:00Z' }, snapshots, 'UTC');
    expect(early.followerRate).toMatchObject({ status: 'insufficient_data', need: 'a follower count on or before 2026-10-20' });
    const bare = postEngagement({ ...p, totalInteractions: null, saves: null }, snapshots, 'UTC');
    expect(bare.reachRate.status).toBe('insufficient_data');
  });

  it('buckets formats from media and product type', () => {
    expect(postFormat({ mediaType: 'VIDEO', productType: 'REELS' })).toBe('reel');
    expect(postFormat({ mediaType: 'CAROUSEL_ALBUM', productType: 'FEED' })).toBe('carousel');
    expect(postFormat({ mediaType: 'IMAGE', productType: 'STORY' })).toBe('story');
    expect(postFormat({ mediaType: 'VIDEO', productType: 'FEED' })).toBe('video');
  });
});

describe('engagement summary', () => {
  const days = ['2026-11-02', '2026-11-04', '2026-11-06', '2026-11-08', '2026-11-10', '2026-11-12', '2026-11-14', '2026-11-16', '2026-11-18', '2026-11-20'];
  // Nine posts at 1 % and one at 10 % of 1000 followers.
  const posts = days.map((d, i) => post(`p${i}`, `${d}T12:00:00Z`, { likes: i === 9 ? 100 : 10, comments: 0, reach: 500, totalInteractions: i === 9 ? 100 : 10 }));
  const base = input({ posts, snapshots: [snap('2026-11-01', { followers: 1000 })] });

  it('gives median and mean over the window, the tier, its band and the position', () => {
    const s = engagementSummary(base);
    expect(s.followerMedian).toMatchObject({ status: 'ok', value: 1, inputs: { posts: 10 } });
    expect(s.followerMean).toMatchObject({ status: 'ok', value: 1.9 });
    // Reach-based: nine at 2 %, one at 20 % → median 2, mean 3.8.
    expect(s.reachMedian).toMatchObject({ value: 2 });
    expect(s.reachMean).toMatchObject({ value: 3.8 });
    expect(s.tier).toMatchObject({ status: 'ok', value: 'nano' });
    expect(s.band).toEqual(tierBand('nano'));
    // 1 % is under the nano band's low edge of 1.17 %.
    expect(s.position).toMatchObject({ status: 'ok', value: 'below' });
    expect(s.perPost).toHaveLength(10);
  });

  it('needs ten posts: five posts get insufficient_data for medians and position', () => {
    const s = engagementSummary({ ...base, posts: posts.slice(0, 5) });
    expect(s.followerMedian).toMatchObject({ status: 'insufficient_data', have: { posts: 5 } });
    expect((s.followerMedian as { need: string }).need).toContain('at least 10 posts');
    expect(s.reachMean.status).toBe('insufficient_data');
    expect(s.position.status).toBe('insufficient_data');
    expect(s.perPost.filter((p) => p.followerRate.status === 'ok')).toHaveLength(5);
  });

  it('leaves stories out of the benchmark', () => {
    const story = post('s', '2026-11-21T12:00:00Z', { productType: 'STORY', reach: 100, totalInteractions: 50 });
    const s = engagementSummary({ ...base, posts: [...posts, story] });
    expect(s.perPost.map((p) => p.postId)).not.toContain('s');
    expect(s.reachMedian).toMatchObject({ value: 2, inputs: { posts: 10 } });
  });

  it('ignores posts outside the window and needs the follower count for a tier', () => {
    const s = engagementSummary({ ...base, windowDays: 12 });
    // Window (18 Nov, 30 Nov]: posts of 18 and 20 Nov only.
    expect(s.perPost.map((p) => p.postId)).toEqual(['p8', 'p9']);
    const t = engagementSummary(input({ posts, followers: null }));
    expect(t.tier.status).toBe('insufficient_data');
    expect(t.band).toBeNull();
  });
});
