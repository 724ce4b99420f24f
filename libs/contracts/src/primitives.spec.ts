import { count, findUnsafeText, INT4_MAX, isoDate, isSaneDate, text, unsafeTextReason } from './primitives.js';
import { publicUrlProblem } from './admin.js';
import { slugSchema } from './common.js';

describe('edge primitives', () => {
  it('text refuses NUL and lone surrogates, keeps real emoji (surrogate pairs)', () => {
    const name = text({ min: 1, max: 20 });
    expect(name.safeParse('a\u0000b').success).toBe(false);
    expect(name.safeParse('a\uD83Db').success).toBe(false); // high surrogate alone
    expect(name.safeParse('a\uDE00b').success).toBe(false); // low surrogate alone
    expect(name.safeParse('  Olivia 😀 ').data).toBe('Olivia 😀');
    expect(name.safeParse('x'.repeat(21)).error?.issues[0].message).toBe('must be at most 20 characters');
  });

  it('count is bounded to int4 and whole numbers', () => {
    expect(count().safeParse(INT4_MAX).success).toBe(true);
    expect(count().safeParse(INT4_MAX + 1).error?.issues[0].message).toBe('must be at most 2147483647');
    expect(count().safeParse(1.5).success).toBe(false);
    expect(count().safeParse(-1).success).toBe(false);
    expect(count().safeParse(Number.POSITIVE_INFINITY).success).toBe(false);
  });

  it('isoDate is a real date between 1970 and 2100', () => {
    expect(isoDate().safeParse('2026-11-22').success).toBe(true);
    expect(isoDate().safeParse('1969-12-31').success).toBe(false);
    expect(isoDate().safeParse('2101-01-01').success).toBe(false);
    expect(isoDate().safeParse('2026-02-30').success).toBe(false);
    expect(isSaneDate(new Date('+275760-09-13T00:00:00Z'))).toBe(false);
    expect(isSaneDate(new Date('2026-01-01T00:00:00Z'))).toBe(true);
  });

  it('findUnsafeText walks bodies and names the path, keys included', () => {
    expect(findUnsafeText({ a: [{ b: 'ok' }, { c: 'x\u0000' }] })).toEqual({ path: 'a.1.c', reason: unsafeTextReason('\u0000') });
    expect(findUnsafeText({ 'k\u0000': 1 })?.path).toBe('(key)');
    expect(findUnsafeText({ a: 1, b: ['fine', null, true] })).toBeNull();
  });

  it('slugs: no punycode, no double hyphen, reserved conventional names', () => {
    expect(slugSchema.safeParse('xn--abc').success).toBe(false);
    expect(slugSchema.safeParse('a--b').success).toBe(false);
    for (const s of ['demo', 'autodiscover', 'webmail', 'localhost', 'www', 'mail']) expect(slugSchema.safeParse(s).error?.issues[0].message).toBe('is reserved');
    expect(slugSchema.safeParse('my-shop').success).toBe(true);
  });

  it('public URLs: https anywhere, http only on localhost', () => {
    expect(publicUrlProblem('https://api.example.com/v1')).toBeNull();
    expect(publicUrlProblem('http://127.0.0.1:4010')).toBeNull();
    expect(publicUrlProblem('http://localhost:3000/cb')).toBeNull();
    expect(publicUrlProblem('http://example.com')).toMatch(/https/);
    expect(publicUrlProblem('ftp://x')).toMatch(/https/);
    expect(publicUrlProblem('not a url')).toMatch(/absolute URL/);
  });
});
