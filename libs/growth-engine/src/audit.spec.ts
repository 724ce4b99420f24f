import { computeAudit } from './audit.js';
import { findForeignNumbers, numbersIn } from './numbers.js';
import { bandScore } from './scores.js';
import { input, post, snap } from './testing/fixtures.js';
import { syntheticInput } from './testing/synthetic.js';
import type { Audit } from './types.js';

function metricIds(audit: Audit): Set<string> {
  const ids = new Set<string>();
  JSON.stringify(audit, (_k, v) => {
    if (v && typeof v === 'object' && typeof v.id === 'string' && typeof v.status === 'string') ids.add(v.id);
    return v;
  });
  return ids;
}

describe('computeAudit on an account with five posts', () => {
  const posts = ['2026-11-02', '2026-11-09', '2026-11-16', '2026-11-20', '2026-11-25'].map((d, i) =>
    post(`p${i}`, `${d}T12:00:00Z`, { likes: 30, comments: 3, saves: 2, shares: 1, reach: 800, totalInteractions: 36, caption: '#coffee #latte' }),
  );
  const audit = computeAudit(input({ posts, followers: 900, snapshots: [snap('2026-11-01', { followers: 880 }), snap('2026-11-29', { followers: 900 })] }));

  it('answers "not enough data" where it should instead of inventing scores', () => {
    expect(audit.scores.engagement.score).toMatchObject({ status: 'insufficient_data' });
    expect(audit.scores.engagement.explanation).toContain('Not enough data yet');
    expect(audit.scores.consistency.score.status).toBe('insufficient_data');
    expect(audit.scores.growth.score.status).toBe('insufficient_data');
    expect(audit.scores.content.score.status).toBe('insufficient_data');
    expect(audit.scores.risk.score).toMatchObject({ status: 'ok', value: 100 });
    expect(audit.overall.score).toMatchObject({ status: 'insufficient_data', have: { areas: 1 } });
    expect(audit.bestTimes.source).toBe('tier_prior');
    expect(audit.engagement.followerMedian.status).toBe('insufficient_data');
    // Per-post rates are still exact: (30 + 3) / 880 × 100 = 3.75 %.
    expect(audit.engagement.perPost[0].followerRate).toMatchObject({ status: 'ok', value: 3.75 });
  });

  it('still gives recommendations tied to evidence and a 30-day roadmap', () => {
    const ids = metricIds(audit);
    // Longest gap is 7 days (not over 7) and regularity needs six posts, so no schedule advice.
    expect(audit.recommendations.map((r) => r.id)).toEqual(['post-more-often', 'post-at-best-times']);
    for (const r of audit.recommendations) for (const e of r.evidence) expect(ids.has(e)).toBe(true);
    expect(audit.roadmap.map((w) => w.days.length)).toEqual([7, 7, 7, 9]);
    expect(audit.roadmap.flatMap((w) => w.days.map((d) => d.day))).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    expect(audit.roadmap[3].days.at(-1)!.action).toContain('Run a new audit');
    // 5 posts / 90 days × 7 = 0.39 a week.
    expect(audit.diagnosis.find((d) => d.id === 'consistency.low_cadence')!.message).toContain('0.39');
  });
});

describe('computeAudit on a full account (1,000 posts, 90 days)', () => {
  const data = syntheticInput({ posts: 1000, days: 90, seed: 3 });
  const audit = computeAudit(data);

  it('scores every area 0–100 with formula, inputs and an explanation built from the numbers', () => {
    for (const area of ['engagement', 'consistency', 'growth', 'content', 'risk'] as const) {
      const s = audit.scores[area];
      expect(s.score.status).toBe('ok');
      const v = (s.score as { value: number }).value;
      expect(v).toBeGreaterThanOrEqual(0);
      expect(v).toBeLessThanOrEqual(100);
      expect(findForeignNumbers(s.explanation, audit)).toEqual([]);
    }
    const overall = audit.overall.score as { value: number; inputs: Record<string, number> };
    const manual = 0.3 * overall.inputs.engagement + 0.2 * overall.inputs.consistency + 0.2 * overall.inputs.growth + 0.15 * overall.inputs.content + 0.15 * overall.inputs.risk;
    expect(overall.value).toBeCloseTo(manual, 1);
  });

  it('ties every recommendation and diagnosis to metric ids that exist, and plans 30 days', () => {
    const ids = metricIds(audit);
    expect(audit.recommendations.length).toBeGreaterThan(2);
    for (const r of [...audit.recommendations, ...audit.diagnosis]) for (const e of r.evidence) expect(ids.has(e)).toBe(true);
    // #likeforlike is in the synthetic captions, so removing it comes first.
    expect(audit.recommendations[0].id).toBe('remove-banned-hashtags');
    const recIds = new Set(audit.recommendations.map((r) => r.id));
    for (const d of audit.roadmap.flatMap((w) => w.days)) if (d.recommendationId) expect(recIds.has(d.recommendationId)).toBe(true);
  });

  it('is deterministic, leaves its input alone and lists its numbers', () => {
    const copy = structuredClone(data);
    expect(JSON.stringify(computeAudit(data))).toBe(JSON.stringify(audit));
    expect(data).toEqual(copy);
    expect(audit.numbers).toEqual(numbersIn(audit));
    expect(audit.numbers).toContainEqual({ id: 'score.overall.value', value: (audit.overall.score as { value: number }).value, unit: 'score' });
    expect(findForeignNumbers('An overall score of 4321.5 was made up.', audit)).toEqual([{ text: '4321.5', value: 4321.5 }]);
  });
});

describe('engagement score curve', () => {
  it('is piecewise linear through the band', () => {
    // Nano band 1.17 / 2.67 / 5.76.
    expect(bandScore(0, 1.17, 2.67, 5.76)).toBe(0);
    expect(bandScore(1.17, 1.17, 2.67, 5.76)).toBe(25);
    expect(bandScore(2.67, 1.17, 2.67, 5.76)).toBe(60);
    expect(bandScore(1.92, 1.17, 2.67, 5.76)).toBeCloseTo(42.5);
    expect(bandScore(5.76, 1.17, 2.67, 5.76)).toBe(90);
    expect(bandScore(20, 1.17, 2.67, 5.76)).toBe(100);
  });
});
