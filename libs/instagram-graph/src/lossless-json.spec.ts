import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseJsonLossless, quoteIdIntegers } from './lossless-json.js';
import { DEFAULT_FIXTURES_DIR } from './testing/fixtures.js';

const fixturesDir = fileURLToPath(DEFAULT_FIXTURES_DIR);

describe('parseJsonLossless', () => {
  it('keeps the fixture user_id above 2^53 as its exact digits', () => {
    const raw = readFileSync(path.join(fixturesDir, 'oauth_access_token.json'), 'utf8');
    const digits = /"user_id"\s*:\s*(\d+)/.exec(raw)?.[1];
    expect(digits).toBe('26123456789012345');
    // The trap the fixture is built for: a plain JSON.parse rounds it.
    expect(String((JSON.parse(raw) as { user_id: number }).user_id)).not.toBe(digits);
    const parsed = parseJsonLossless(raw) as Record<string, unknown>;
    expect(parsed['user_id']).toBe(digits);
  });

  it('quotes integer values of id-like keys only, leaving counts as numbers', () => {
    const parsed = parseJsonLossless('{"id":17841405555512345,"media_id":18034567890123456,"followers_count":48213,"x":{"user_id":-12}}');
    expect(parsed).toEqual({ id: '17841405555512345', media_id: '18034567890123456', followers_count: 48213, x: { user_id: '-12' } });
  });

  it('never touches digits inside strings, even after escaped quotes', () => {
    const text = '{"caption":"say \\"id\\":123 and \\"user_id\\":99","id":"5","n":[1,2]}';
    expect(quoteIdIntegers(text)).toBe(text);
    expect(parseJsonLossless(text)).toEqual({ caption: 'say "id":123 and "user_id":99', id: '5', n: [1, 2] });
  });

  it('leaves non-integer id values alone and throws on invalid JSON', () => {
    expect(parseJsonLossless('{"id":1.5,"user_id":null,"ids":[123]}')).toEqual({ id: 1.5, user_id: null, ids: [123] });
    expect(() => parseJsonLossless('{"id":')).toThrow(SyntaxError);
  });
});
