import { parseCsvRecords, parsePostsCsv } from './csv-posts.js';

describe('post CSV import', () => {
  it('parses quoted fields with commas, quotes and newlines', () => {
    expect(parseCsvRecords('a,b\n"x, ""y""","line1\nline2"\r\n')).toEqual([
      ['a', 'b'],
      ['x, "y"', 'line1\nline2'],
    ]);
  });

  it('accepts good rows and reports each bad row with its number and reason', () => {
    const csv = [
      'posted_at,caption,media_type,likes,comments,reach',
      '2026-10-01,First post,IMAGE,120,4,2000',
      'yesterday,Bad date,IMAGE,1,1,1',
      '2026-10-03,Bad type,STORY,1,1,1',
      '2026-10-04,Negative,REEL,-5,1,1',
      '2026-10-05,"Quoted, caption",reel,10,,',
    ].join('\n');
    const result = parsePostsCsv(csv);
    expect(result.posts.map((p) => p.row)).toEqual([2, 6]);
    expect(result.posts[1]).toMatchObject({ caption: 'Quoted, caption', mediaType: 'REEL', metrics: { likes: 10, comments: null, reach: null } });
    expect(result.rejected).toEqual([
      { row: 3, reason: expect.stringContaining('not a date') },
      { row: 4, reason: expect.stringContaining('media_type') },
      { row: 5, reason: expect.stringContaining('likes') },
    ]);
  });

  it('rejects a header without posted_at or with unknown columns', () => {
    expect(parsePostsCsv('caption\nhello').rejected[0]).toEqual({ row: 1, reason: expect.stringContaining('posted_at') });
    expect(parsePostsCsv('posted_at,impressions\n2026-01-01,4').rejected[0].reason).toContain('impressions');
  });
});
