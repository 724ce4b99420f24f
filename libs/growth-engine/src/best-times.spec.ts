import { bestPostingTimes } from './best-times.js';
import { input, post, snap } from './testing/fixtures.js';
import { addDays } from './time.js';

const now = '2026-11-30T00:00:00Z';

/** 5 posts on Mondays 00:00 UTC at 10 % and 10 on Wednesdays 11:00 UTC at 2 % (reach-based). */
function ownPosts() {
  const mondays = ['2026-10-26', '2026-11-02', '2026-11-09', '2026-11-16', '2026-11-23'];
  const wednesdays = ['2026-09-23', '2026-09-30', '2026-10-07', '2026-10-14', '2026-10-21', '2026-10-28', '2026-11-04', '2026-11-11', '2026-11-18', '2026-11-25'];
  return [
    ...mondays.map((d, i) => post(`m${i}`, `${d}T00:00:00Z`, { reach: 1000, totalInteractions: 100 })),
    ...wednesdays.map((d, i) => post(`w${i}`, `${d}T11:00:00Z`, { reach: 1000, totalInteractions: 20 })),
  ];
}

describe('best posting times', () => {
  it('uses the account’s own posts by weekday × hour in its time zone', () => {
    const tokyo = bestPostingTimes(input({ now, timeZone: 'Asia/Tokyo', posts: ownPosts() }));
    expect(tokyo.source).toBe('own_posts');
    expect(tokyo.sampleSize).toBe(15);
    // 00:00 UTC Monday is 09:00 Monday in Tokyo; 11:00 UTC Wednesday is 20:00 there.
    expect(tokyo.slots).toEqual([
      { weekday: 0, hour: 9, score: 10, sampleSize: 5 },
      { weekday: 2, hour: 20, score: 2, sampleSize: 10 },
    ]);
    expect(tokyo.metric).toMatchObject({ status: 'ok', value: 'Monday 09:00', inputs: { source: 'own_posts', sampleSize: 15, timeZone: 'Asia/Tokyo' } });
    expect(tokyo.grid[0][8]).toBeNull();
    const utc = bestPostingTimes(input({ now, posts: ownPosts() }));
    expect(utc.metric).toMatchObject({ value: 'Monday 00:00' });
  });

  it('smooths across neighbouring hours, also over midnight into the next weekday', () => {
    const posts = [
      post('s1', '2026-11-22T23:00:00Z', { reach: 100, totalInteractions: 4 }),
      post('s2', '2026-11-15T23:00:00Z', { reach: 100, totalInteractions: 4 }),
      post('m1', '2026-11-23T00:00:00Z', { reach: 100, totalInteractions: 8 }),
      post('m2', '2026-11-16T00:00:00Z', { reach: 100, totalInteractions: 8 }),
      ...Array.from({ length: 11 }, (_, i) => post(`w${i}`, `${addDays('2026-09-16', i * 7)}T12:00:00Z`, { reach: 100, totalInteractions: 1 })),
    ];
    const t = bestPostingTimes(input({ now, posts }));
    // Monday 00:00: (8 + 8 + ½(4 + 4)) / (2 + ½·2) = 20 / 3 = 6.67; Sunday 23:00: (8 + ½·16) / 3 = 5.33.
    expect(t.grid[0][0]).toBe(6.67);
    expect(t.grid[6][23]).toBe(5.33);
    expect(t.slots.slice(0, 2).map((s) => [s.weekday, s.hour, s.sampleSize])).toEqual([[0, 0, 4], [6, 23, 4]]);
  });

  it('falls back to online_followers, converting Meta’s Pacific hours to the account’s zone', () => {
    const snapshots = Array.from({ length: 7 }, (_, i) => snap(addDays('2026-11-23', i), { onlineFollowers: { 9: 100, 10: 50 } }));
    const t = bestPostingTimes(input({ now, posts: ownPosts().slice(0, 5), snapshots }));
    expect(t.source).toBe('online_followers');
    expect(t.sampleSize).toBe(7);
    expect(t.fallbackReasons[0]).toContain('15 with an engagement rate are needed');
    // 09:00 PST = 17:00 UTC: (100 + ½·50) / 1.5 = 83.33; 18:00: (50 + ½·100) / 1.5 = 66.67.
    expect(t.grid[0][17]).toBe(83.33);
    expect(t.grid[0][18]).toBe(66.67);
    expect(t.grid[0][9]).toBeNull();
    expect(t.metric).toMatchObject({ value: 'Monday 17:00' });
  });

  it('with five posts and no online_followers uses the generic prior, labelled with sample size 0', () => {
    const t = bestPostingTimes(input({ now, posts: ownPosts().slice(0, 5) }));
    expect(t.source).toBe('tier_prior');
    expect(t.sampleSize).toBe(0);
    expect(t.fallbackReasons).toHaveLength(2);
    expect(t.slots[0]).toMatchObject({ weekday: 1, hour: 11 });
    expect((t.metric as { formula: string }).formula).toContain('nano-tier');
  });
});
