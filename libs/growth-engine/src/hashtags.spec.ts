import { hashtagAnalysis, parseHashtags } from './hashtags.js';
import { input, post } from './testing/fixtures.js';

const now = '2026-11-30T00:00:00Z';

describe('parseHashtags', () => {
  it('is unicode-aware, lower-cases, de-duplicates and skips non-tags', () => {
    const caption = 'Hello #Café #東京 #café #2024 a#b &#39; #snake_case #emoji🔥 #naïve https://x.y/#frag';
    expect(parseHashtags(caption)).toEqual(['café', '東京', 'snake_case', 'emoji', 'naïve']);
  });

  it('treats composed and decomposed accents as the same tag', () => {
    expect(parseHashtags('#cafe\u0301 #café')).toEqual(['café']);
    expect(parseHashtags(null)).toEqual([]);
  });
});

describe('hashtag analysis', () => {
  it('counts tags per post, finds reused identical sets and banned tags', () => {
    const posts = [
      post('a', '2026-11-01T10:00:00Z', { caption: 'one #x #y #z' }),
      post('b', '2026-11-02T10:00:00Z', { caption: 'two #z #y #x' }),
      post('c', '2026-11-03T10:00:00Z', { caption: 'three #Y #x #z' }),
      post('d', '2026-11-04T10:00:00Z', { caption: 'four #likeforlike' }),
      post('e', '2026-11-05T10:00:00Z', { caption: null }),
    ];
    const h = hashtagAnalysis(input({ now, posts }));
    // 3 + 3 + 3 + 1 + 0 = 10 tags over 5 posts.
    expect(h.perPost).toMatchObject({ status: 'ok', value: 2, inputs: { posts: 5, hashtags: 10 } });
    expect(h.top[0]).toEqual({ tag: 'x', posts: 3 });
    expect(h.reusedSets).toMatchObject({ status: 'ok', value: [{ tags: ['x', 'y', 'z'], postIds: ['a', 'b', 'c'] }] });
    expect(h.banned).toMatchObject({ status: 'ok', value: [{ tag: 'likeforlike', status: 'restricted', postIds: ['d'] }], inputs: { postsWithBannedTags: 1 } });
    // No post has a reach figure, so there is no comparison.
    expect(h.performance).toMatchObject({ status: 'insufficient_data', have: { posts: 0 } });
  });

  it('compares each tag’s median reach with the account median (with sample sizes)', () => {
    const posts = [
      ...[0, 1, 2].map((i) => post(`x${i}`, `2026-11-0${i + 1}T10:00:00Z`, { caption: '#x', reach: 2000 })),
      ...[0, 1, 2].map((i) => post(`y${i}`, `2026-11-0${i + 4}T10:00:00Z`, { caption: '#y', reach: 500 })),
      ...[0, 1, 2, 3].map((i) => post(`n${i}`, `2026-11-1${i}T10:00:00Z`, { caption: 'plain', reach: 1000 })),
    ];
    const h = hashtagAnalysis(input({ now, posts }));
    // Account median of 500×3, 1000×4, 2000×3 = 1000: #x +100 %, #y −50 %.
    expect(h.performance).toMatchObject({
      status: 'ok',
      inputs: { accountMedianReach: 1000, postsWithReach: 10, tags: 2 },
      value: [
        { tag: 'x', posts: 3, medianReach: 2000, vsAccountPct: 100, direction: 'above' },
        { tag: 'y', posts: 3, medianReach: 500, vsAccountPct: -50, direction: 'below' },
      ],
    });
  });

  it('says insufficient_data without posts', () => {
    const h = hashtagAnalysis(input({ now }));
    expect(h.perPost.status).toBe('insufficient_data');
    expect(h.banned.status).toBe('insufficient_data');
    expect(h.reusedSets.status).toBe('insufficient_data');
  });
});
