import { shadowbanRisk } from './risk.js';
import { input, post, snap } from './testing/fixtures.js';
import { addDays } from './time.js';

const now = '2026-11-29T12:00:00Z';

function reachDays(recent: number, baseline: number, share?: { recent: [number, number]; baseline: [number, number] }) {
  const out = [];
  // Recent: 23–29 Nov; baseline: the 28 days before (26 Oct – 22 Nov).
  for (let i = 0; i < 35; i++) {
    const day = addDays('2026-10-26', i);
    const isRecent = day >= '2026-11-23';
    const split = share && (isRecent ? share.recent : share.baseline);
    out.push(snap(day, { reach: isRecent ? recent : baseline, reachByFollowType: split ? { follower: split[0], nonFollower: split[1] } : null }));
  }
  return out;
}

describe('shadowban-risk estimate', () => {
  it('weighs every factor from its evidence', () => {
    const posts = [
      ...[0, 1, 2, 3, 4].map((i) => post(`b${i}`, `2026-11-20T0${i}:00:00Z`)),
      post('t1', '2026-11-10T10:00:00Z', { caption: '#likeforlike' }),
      post('t2', '2026-11-11T10:00:00Z', { caption: '#F4F hello' }),
    ];
    const publishErrors = [
      { at: '2026-11-25T10:00:00Z', code: 25, subcode: 2207050 },
      { at: '2026-11-26T10:00:00Z', code: 4, subcode: 2207051 },
      { at: '2026-10-01T10:00:00Z', code: 25, subcode: 2207050 },
      { at: '2026-11-27T10:00:00Z', code: 9, subcode: 2207042 },
    ];
    const snapshots = reachDays(500, 1000, { recent: [400, 100], baseline: [600, 400] });
    const r = shadowbanRisk(input({ now, posts, publishErrors, snapshots }));
    const f = Object.fromEntries(r.factors.map((x) => [x.id, x]));
    // Reach −50 % → (0.5 − 0.2) / 0.4 = 0.75.
    expect(f.reach_drop.evidence).toMatchObject({ status: 'ok', value: -50, inputs: { recentMeanReach: 500, baselineMeanReach: 1000, recentDays: 7, baselineDays: 28 } });
    expect(f.reach_drop.severity).toBeCloseTo(0.75);
    // Non-follower share 20 % vs 40 % → −20 points → severity 1.
    expect(f.non_follower_share.evidence).toMatchObject({ value: -20 });
    expect(f.non_follower_share.severity).toBe(1);
    // One restricted + one spam error in 30 days (the October one and the cap error do not count).
    expect(f.publish_errors.evidence).toMatchObject({ value: 2, inputs: { restricted: 1, spam: 1, policyBlocked: 0, errorsSeen: 3 } });
    expect(f.publish_errors.severity).toBe(1);
    expect(f.banned_hashtags.evidence).toMatchObject({ value: 2 });
    expect(f.banned_hashtags.severity).toBeCloseTo(2 / 3);
    // Five posts within 24 h → (5 − 3) / 5 = 0.4.
    expect(f.posting_burst.evidence).toMatchObject({ value: 5 });
    expect(f.posting_burst.severity).toBeCloseTo(0.4);
    expect(f.repeated_hashtag_sets.evidence).toMatchObject({ value: 0, inputs: { posts: 7 } });
    // 0.75×0.35 + 1×0.25 + 1×0.15 + ⅔×0.1 + 0.4×0.1 + 0×0.05 = 0.7692 → 76.92.
    expect(r.score).toMatchObject({ status: 'ok', value: 76.92 });
    expect(r.level).toBe('high');
    expect(r.estimate).toBe(true);
    expect(r.label).toContain('Estimate');
  });

  it('is low on a clean account and normalises over the factors that have data', () => {
    const r = shadowbanRisk(input({ now, posts: [post('a', '2026-11-20T10:00:00Z')], snapshots: reachDays(1000, 1000) }));
    expect(r.level).toBe('low');
    expect(r.score).toMatchObject({ value: 0, inputs: { weightWithData: 0.85 } });
    expect(r.factors.find((x) => x.id === 'non_follower_share')!.evidence.status).toBe('insufficient_data');
  });

  it('counts posts that reuse one pasted hashtag block', () => {
    const posts = [0, 1, 2, 3].map((i) => post(`p${i}`, `2026-11-1${i}T10:00:00Z`, { caption: i < 3 ? '#a #b #c' : '#d' }));
    const r = shadowbanRisk(input({ now, posts }));
    const f = r.factors.find((x) => x.id === 'repeated_hashtag_sets')!;
    // 3 of 4 posts share one set → severity 0.75.
    expect(f.evidence).toMatchObject({ value: 3, inputs: { posts: 4, postsWithRepeatedSet: 3 } });
    expect(f.severity).toBe(0.75);
  });

  it('says which evidence is missing instead of assuming none', () => {
    const r = shadowbanRisk({ ...input({ now }), publishErrors: undefined });
    const missing = r.factors.filter((x) => x.evidence.status === 'insufficient_data').map((x) => x.id);
    expect(missing).toEqual(['reach_drop', 'publish_errors', 'non_follower_share']);
    // A restriction error alone: 0.25 / (0.25 + 0.1 + 0.1 + 0.05) = 50 → high.
    const e = shadowbanRisk(input({ now, publishErrors: [{ at: '2026-11-28T00:00:00Z', code: 25, subcode: 2207050 }] }));
    expect(e.score).toMatchObject({ value: 50 });
    expect(e.level).toBe('high');
  });
});
