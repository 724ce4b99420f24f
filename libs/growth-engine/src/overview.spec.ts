import { accountOverview, contentMixTargets, hashtagReach } from './overview.js';
import { input, post, snap } from './testing/fixtures.js';
import { addDays } from './time.js';

const now = '2026-11-30T10:00:00Z';

describe('account overview', () => {
  it('gives followers, their 28-day change, daily reach and a sparkline', () => {
    // 1 Nov … 30 Nov: followers 1000 + 10 a day, reach 500 on days 3–30.
    const snapshots = Array.from({ length: 30 }, (_, i) => snap(addDays('2026-11-01', i), { followers: 1000 + 10 * i, reach: i >= 2 ? 500 + i : null }));
    const o = accountOverview(input({ now, followers: 1290, snapshots }));
    expect(o.followers).toMatchObject({ status: 'ok', value: 1290 });
    // 30 Nov (1290) − 2 Nov (1010) = 280.
    expect(o.followerChange28d).toMatchObject({ status: 'ok', value: 280, inputs: { earlierDay: '2026-11-02', lastDay: '2026-11-30' } });
    // Days 3–30 Nov: reach 502 … 529 → mean 515.5 over 28 days.
    expect(o.dailyReach28d).toMatchObject({ status: 'ok', value: 515.5, inputs: { days: 28 }, unit: 'accounts' });
    expect(o.sparkline).toHaveLength(28);
    expect(o.sparkline[0]).toEqual({ day: '2026-11-03', followers: 1020, estimated: false });
    expect(o.tier).toMatchObject({ value: 'nano' });
    expect(o.engagementMedian.status).toBe('insufficient_data');
  });

  it('says what is missing for a new account', () => {
    const o = accountOverview(input({ now, followers: null, snapshots: [snap('2026-11-29', { followers: 50, reach: 10 })] }));
    expect(o.followers.status).toBe('insufficient_data');
    expect(o.followerChange28d).toMatchObject({ status: 'insufficient_data', have: { days: 1 } });
    expect(o.dailyReach28d).toMatchObject({ status: 'insufficient_data', have: { days: 1 } });
  });
});

describe('content-mix targets', () => {
  it('splits 100 % across formats in proportion to their median reach-based rate', () => {
    const reel = { mediaType: 'VIDEO', productType: 'REELS', reach: 100, totalInteractions: 6 };
    const posts = [
      ...[1, 2, 3].map((d) => post(`r${d}`, `2026-11-0${d}T12:00:00Z`, reel)),
      ...[4, 5, 6].map((d) => post(`c${d}`, `2026-11-0${d}T12:00:00Z`, { mediaType: 'CAROUSEL_ALBUM', reach: 100, totalInteractions: 3 })),
      ...[7, 8, 9].map((d) => post(`i${d}`, `2026-11-0${d}T12:00:00Z`, { reach: 100, totalInteractions: 2 })),
      post('x', '2026-11-10T12:00:00Z', { mediaType: 'VIDEO', productType: 'FEED', reach: 100, totalInteractions: 9 }),
    ];
    // Rates 6, 3, 2 → 54.5, 27.3, 18.2 → 54 / 27 / 18 plus the largest remainder (0.55 of 54.55) → 55 / 27 / 18.
    const m = contentMixTargets(input({ now, posts }));
    expect(m).toMatchObject({ status: 'ok', inputs: { reel: 6, carousel: 3, image: 2 } });
    expect((m as { value: unknown[] }).value).toEqual([
      { format: 'carousel', currentShare: 30, targetShare: 27, medianReachRate: 3, posts: 3 },
      { format: 'image', currentShare: 30, targetShare: 18, medianReachRate: 2, posts: 3 },
      { format: 'reel', currentShare: 30, targetShare: 55, medianReachRate: 6, posts: 3 },
    ]);
  });

  it('needs two formats with enough posts', () => {
    const posts = [1, 2, 3].map((d) => post(`i${d}`, `2026-11-0${d}T12:00:00Z`, { reach: 100, totalInteractions: 2 }));
    expect(contentMixTargets(input({ now, posts }))).toMatchObject({ status: 'insufficient_data', have: { formats: 1 } });
  });
});

describe('hashtag reach', () => {
  it('lists every tag with its sample size and a median only from three posts up', () => {
    const posts = [
      post('a', '2026-11-01T12:00:00Z', { caption: '#x #y', reach: 100 }),
      post('b', '2026-11-02T12:00:00Z', { caption: '#x', reach: 300 }),
      post('c', '2026-11-03T12:00:00Z', { caption: '#x', reach: 200 }),
      post('d', '2026-11-04T12:00:00Z', { caption: '#z', reach: null }),
    ];
    expect(hashtagReach(input({ now, posts }))).toEqual([
      { tag: 'x', posts: 3, medianReach: 200 },
      { tag: 'y', posts: 1, medianReach: null },
    ]);
  });
});
