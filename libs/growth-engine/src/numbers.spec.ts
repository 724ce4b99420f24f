import { findForeignNumbers, numbersIn } from './numbers.js';
import type { Audit } from './types.js';

// A tiny audit-shaped object: the helpers walk any structure, so the cases stay hand-checkable.
const audit = {
  engagement: { status: 'ok', id: 'engagement.follower.median', value: 2.41, formula: 'f', inputs: { followers: 2400, reach: 1234567 }, unit: '%' },
  risk: { level: 'low', score: { status: 'ok', id: 'risk.score', value: 0.42, formula: 'f', inputs: {} } },
  slots: [{ weekday: 1, hour: 18, score: 3 }],
  grid: [[99]],
  anomaly: { day: '2026-11-02' },
} as unknown as Audit;

describe('numbersIn', () => {
  it('lists every number with its metric id or path, skipping the best-time grid', () => {
    expect(numbersIn(audit)).toEqual([
      { id: 'engagement.follower.median.value', value: 2.41, unit: '%' },
      { id: 'engagement.follower.median.inputs.followers', value: 2400 },
      { id: 'engagement.follower.median.inputs.reach', value: 1234567 },
      { id: 'risk.score.value', value: 0.42 },
      { id: 'slots[0].weekday', value: 1 },
      { id: 'slots[0].hour', value: 18 },
      { id: 'slots[0].score', value: 3 },
    ]);
  });
});

describe('findForeignNumbers', () => {
  it('accepts the audit’s numbers however they are formatted', () => {
    const text =
      'Engagement is 2.4 % (2.41%, or 2,4 % in German) from 2,400 followers, 2.4k, 2400, reach 1.2M or 1,234,567. ' +
      'Risk 0.42, i.e. 42 %. Post at 18:00 on 2026-11-02. It fell −2.41 points. #summer2024 is the 2nd tag, best 3.';
    expect(findForeignNumbers(text, audit)).toEqual([]);
  });

  it('reports numbers, dates and times the audit does not contain', () => {
    const text = 'Engagement is 7.5 %, 2.5 % rounded, 2,500 followers, 3.1k views on 2026-11-03 at 19:00 and 18:30.';
    expect(findForeignNumbers(text, audit)).toEqual([
      { text: '2026-11-03', value: null },
      { text: '19:00', value: 19 },
      { text: '18:30', value: 18 },
      { text: '7.5', value: 7.5 },
      { text: '2.5', value: 2.5 },
      { text: '2,500', value: 2500 },
      { text: '3.1k', value: 3100 },
    ]);
  });
});

describe('summary scope', () => {
  const withPosts = {
    engagement: {
      followerMedian: { status: 'ok', id: 'engagement.follower.median', value: 2.41, formula: 'f', inputs: { posts: 12 } },
      perPost: [{ postId: 'a', followerRate: { status: 'ok', id: 'post.a.engagement.follower', value: 7.5, formula: 'f', inputs: { likes: 75 } } }],
    },
  } as unknown as Audit;

  it('leaves per-post rows out so a narrative is checked strictly', () => {
    expect(numbersIn(withPosts).map((n) => n.value)).toEqual([2.41, 12, 7.5, 75]);
    expect(numbersIn(withPosts, { scope: 'summary' }).map((n) => n.value)).toEqual([2.41, 12]);
    expect(findForeignNumbers('7.5 % on one post', withPosts)).toEqual([]);
    expect(findForeignNumbers('7.5 % on one post', withPosts, { scope: 'summary' })).toEqual([{ text: '7.5', value: 7.5 }]);
  });
});
