import { consistencyScore, contentScore, growthScore, overallScore, riskScore } from './scores.js';
import { contentConsistency } from './consistency.js';
import { growthAnalysis } from './followers.js';
import { hashtagAnalysis } from './hashtags.js';
import { shadowbanRisk } from './risk.js';
import { input, post, snap } from './testing/fixtures.js';
import { addDays } from './time.js';
import type { AreaScore, AuditArea } from './types.js';

const now = '2026-11-29T00:00:00Z';

describe('area scores', () => {
  it('consistency = 60 × min(posts per week / 3, 1) + 40 × (1 − min(CV, 1))', () => {
    const ds = ['2026-11-01', '2026-11-02', '2026-11-04', '2026-11-07', '2026-11-11', '2026-11-16'];
    const c = contentConsistency(input({ now, windowDays: 28, posts: ds.map((d, i) => post(`p${i}`, `${d}T12:00:00Z`)) }));
    // 1.5 posts/week, CV 0.53 → 30 + 18.8 = 48.8.
    const s = consistencyScore(c);
    expect(s.score).toMatchObject({ status: 'ok', value: 48.8, inputs: { postsPerWeek: 1.5, gapCv: 0.53 } });
    expect(s.explanation).toBe('The account posted 1.5 times a week; the gaps between posts vary by a coefficient of 0.53 (0 is perfectly regular). The longest gap was 12.5 days.');
  });

  it('growth = 50 + 25 × weekly change in % of starting followers', () => {
    const snapshots = Array.from({ length: 8 }, (_, i) => snap(addDays('2026-11-21', i), { followers: 1000 + i * 2 }));
    // +14 over 7 days = 14 a week = 1.4 % → 85.
    const s = growthScore(growthAnalysis(input({ now, windowDays: 9, snapshots })));
    expect(s.score).toMatchObject({ status: 'ok', value: 85, inputs: { changePerWeek: 14, firstFollowers: 1000, weeklyChangePct: 1.4 } });
    expect(s.explanation).toContain('Followers changed by 14 a week, 1.4 % of the 1000');
  });

  it('content = 40 × formats / 3 + 40 × best-format share / 50 % + 20 × clean-hashtag share', () => {
    const reel = { mediaType: 'VIDEO', productType: 'REELS', reach: 1000, totalInteractions: 100 };
    const posts = [
      ...[1, 2, 3].map((d) => post(`r${d}`, `2026-11-0${d}T12:00:00Z`, reel)),
      ...[4, 5, 6, 7, 8, 9].map((d) => post(`i${d}`, `2026-11-0${d}T12:00:00Z`, { reach: 1000, totalInteractions: 20, caption: d === 4 ? '#l4l' : null })),
    ];
    const data = input({ now, windowDays: 28, posts });
    // 2 formats → 26.67; reels 33.33 % of posts → 26.67; 1 of 9 posts with a banned tag → 17.78. Total 71.11.
    const s = contentScore(contentConsistency(data), hashtagAnalysis(data));
    expect(s.score).toMatchObject({ status: 'ok', value: 71.11, inputs: { formats: 2, bestFormatSharePct: 33.33, postsWithBannedTags: 1, posts: 9 } });
  });

  it('risk = 100 − the risk estimate, overall = weighted mean of the areas with data', () => {
    const r = riskScore(shadowbanRisk(input({ now, publishErrors: [{ at: '2026-11-28T00:00:00Z', code: 368, subcode: null }] })));
    // A policy block alone: 0.25 / 0.5 = 50 → 50.
    expect(r.score).toMatchObject({ value: 50, inputs: { riskScore: 50, factorsWithData: 4 } });
    const ok = (v: number) => ({ area: 'x', score: { status: 'ok', id: 'x', value: v, formula: '', inputs: {} }, explanation: '' }) as unknown as AreaScore;
    const none = { area: 'x', score: { status: 'insufficient_data', id: 'x', need: 'n' }, explanation: '' } as unknown as AreaScore;
    const scores = { engagement: ok(80), consistency: ok(50), growth: none, content: ok(60), risk: ok(100) } as Record<AuditArea, AreaScore>;
    // (0.3·80 + 0.2·50 + 0.15·60 + 0.15·100) / 0.8 = 58 / 0.8 = 72.5.
    expect(overallScore(scores).score).toMatchObject({ status: 'ok', value: 72.5 });
    expect(overallScore({ ...scores, engagement: none, content: none }).score).toMatchObject({ status: 'insufficient_data', have: { areas: 2 } });
  });
});
