import { csvCell } from './content.service.js';
import { presentItem, rankHashtagClusters } from './grounding.js';

describe('hashtag ranking', () => {
  it('fills each tag with the account’s own sample size and median reach and ranks clusters by their median', () => {
    const reach = [
      { tag: 'sourdough', posts: 12, medianReach: 2300 },
      { tag: 'bread', posts: 8, medianReach: 1800 },
      { tag: 'bakery', posts: 4, medianReach: 2450 },
      { tag: 'rare', posts: 2, medianReach: null },
    ];
    const ranked = rankHashtagClusters(
      [
        { name: 'none', tier: 'broad', tags: [{ tag: 'food', posts: 99, medianReach: 99 }], medianReach: 5 },
        { name: 'two', tier: 'niche', tags: [{ tag: '#Sourdough', posts: 0, medianReach: null }, { tag: 'bread', posts: 0, medianReach: null }, { tag: 'rare', posts: 0, medianReach: null }], medianReach: null },
        { name: 'one', tier: 'specific', tags: [{ tag: 'bakery', posts: 0, medianReach: null }], medianReach: null },
      ],
      reach,
    );
    // "one": median of [2450] = 2450; "two": median of [1800, 2300] = 2050; "none": no data → last, and the model's 99s are gone.
    expect(ranked.map((c) => [c.name, c.medianReach])).toEqual([
      ['one', 2450],
      ['two', 2050],
      ['none', null],
    ]);
    expect(ranked[1].tags).toEqual([
      { tag: 'sourdough', posts: 12, medianReach: 2300 },
      { tag: 'bread', posts: 8, medianReach: 1800 },
      { tag: 'rare', posts: 2, medianReach: null },
    ]);
    expect(ranked[2].tags).toEqual([{ tag: 'food', posts: 0, medianReach: null }]);
  });

  it('presents a cluster as copyable tags', () => {
    const item = presentItem('hashtags', { name: 'Ours', tier: 'niche', tags: [{ tag: 'a' }, { tag: 'b' }] }, 0);
    expect(item).toMatchObject({ title: 'Ours (niche)', text: '#a #b' });
  });
});

describe('CSV cells', () => {
  it('quotes per RFC 4180 and defuses spreadsheet formulas', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"\nnow')).toBe('"say ""hi""\nnow"');
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
  });
});
