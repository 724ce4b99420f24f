import { followerSeries, growthAnalysis } from './followers.js';
import { input, snap } from './testing/fixtures.js';
import { addDays } from './time.js';

const now = '2026-11-10T12:00:00Z';

describe('followers over time', () => {
  const snapshots = [
    snap('2026-11-01', { followers: 100 }),
    snap('2026-11-02', { followsAndUnfollows: { follows: 5, unfollows: 1 } }),
    snap('2026-11-03', { followsAndUnfollows: { follows: 3, unfollows: 0 } }),
    snap('2026-11-04', { followers: 110, followsAndUnfollows: { follows: 3, unfollows: 0 } }),
    snap('2026-11-06', { followsAndUnfollows: { follows: 2, unfollows: 1 } }),
    snap('2026-11-07', { followers: 120, followsAndUnfollows: { follows: 4, unfollows: 0 } }),
  ];
  const base = input({ now, windowDays: 10, snapshots });

  it('keeps snapshots and estimates missing days from follows_and_unfollows, anchored on real ones', () => {
    const s = followerSeries(base);
    // Forward: 100 + (5 − 1) = 104, + 3 = 107. Backward from 120 on 7 Nov: 120 − 4 = 116 (6 Nov), 116 − 1 = 115 (5 Nov).
    expect(s.points).toEqual([
      { day: '2026-11-01', followers: 100, estimated: false },
      { day: '2026-11-02', followers: 104, estimated: true },
      { day: '2026-11-03', followers: 107, estimated: true },
      { day: '2026-11-04', followers: 110, estimated: false },
      { day: '2026-11-05', followers: 115, estimated: true },
      { day: '2026-11-06', followers: 116, estimated: true },
      { day: '2026-11-07', followers: 120, estimated: false },
    ]);
    expect(s.estimatedCount).toBe(4);
    // Nothing links 8–10 Nov to an anchor, so they stay missing rather than guessed.
    expect(s.missingDays).toEqual(['2026-11-08', '2026-11-09', '2026-11-10']);
  });

  it('computes change per day and week, percentage and least-squares trend', () => {
    const g = growthAnalysis(base);
    // (120 − 100) / 6 days = 3.33 a day, 23.33 a week, +20 %.
    expect(g.changePerDay).toMatchObject({ status: 'ok', value: 3.33, unit: 'followers/day' });
    expect(g.changePerWeek).toMatchObject({ value: 23.33 });
    expect(g.changePct).toMatchObject({ value: 20 });
    // Σ(x − 3)·y = 92, Σ(x − 3)² = 28 → 3.29 a day.
    expect(g.trend).toMatchObject({ value: 3.29, inputs: { days: 7, estimated: 4 } });
    expect(g.anomalies.status).toBe('insufficient_data');
  });

  it('needs seven days of counts for growth figures', () => {
    const g = growthAnalysis({ ...base, snapshots: snapshots.slice(0, 3) });
    expect(g.changePerDay).toMatchObject({ status: 'insufficient_data', have: { days: 3 } });
    expect(g.trend.status).toBe('insufficient_data');
  });
});

describe('follower anomalies', () => {
  function daily(changes: number[]) {
    let f = 1000;
    const snapshots = [snap('2026-11-01', { followers: f })];
    changes.forEach((c, i) => {
      f += c;
      snapshots.push(snap(addDays('2026-11-01', i + 1), { followers: f }));
    });
    return input({ now: `${addDays('2026-11-01', changes.length)}T12:00:00Z`, windowDays: changes.length + 1, snapshots });
  }

  it('flags a change with robust z above 3.5 (median / MAD)', () => {
    const changes: number[] = Array.from({ length: 20 }, (_, i) => (i % 2 ? 11 : 9));
    changes[9] = 100;
    // median 10, MAD 1 → z = 0.6745 × 90 / 1 = 60.71.
    const a = growthAnalysis(daily(changes)).anomalies;
    expect(a).toMatchObject({ status: 'ok', inputs: { changes: 20, medianChange: 10, mad: 1, anomalies: 1 } });
    expect((a as { value: unknown }).value).toEqual([{ day: '2026-11-11', change: 100, z: 60.71, direction: 'spike' }]);
  });

  it('uses the mean absolute deviation when MAD is 0, and finds drops', () => {
    const changes = Array.from({ length: 20 }, () => 10);
    changes[4] = -30;
    // median 10, MAD 0, mean |x − 10| = 40 / 20 = 2 → z = −40 / (2 × 1.253314) = −15.96.
    const a = growthAnalysis(daily(changes)).anomalies as { value: { z: number; direction: string; day: string }[] };
    expect(a.value).toEqual([{ day: '2026-11-06', change: -30, z: -15.96, direction: 'drop' }]);
  });

  it('needs fourteen consecutive daily changes', () => {
    const a = growthAnalysis(daily(Array.from({ length: 13 }, () => 5))).anomalies;
    expect(a).toMatchObject({ status: 'insufficient_data', have: { changes: 13 } });
  });
});
