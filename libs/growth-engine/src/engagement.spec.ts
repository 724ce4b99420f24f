import { followerEngagementRate, followerTier, interactions, reachEngagementRate } from './engagement.js';

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
