import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseUsageHeaders } from './usage-headers.js';
import { DEFAULT_FIXTURES_DIR } from './testing/fixtures.js';

const fixture = JSON.parse(readFileSync(path.join(fileURLToPath(DEFAULT_FIXTURES_DIR), 'extra/rate_limit_headers.json'), 'utf8')) as Record<string, string>;

describe('parseUsageHeaders', () => {
  it('parses both headers of fixtures/extra/rate_limit_headers.json', () => {
    const usage = parseUsageHeaders({ 'X-Business-Use-Case-Usage': fixture['x-business-use-case-usage'], 'X-App-Usage': fixture['x-app-usage'] });
    expect(usage).toEqual({
      app: { callCount: 3, totalCputime: 1, totalTime: 2 },
      businessUseCase: [{ businessId: '17841405555512345', type: 'instagram', callCount: 83, totalCputime: 12, totalTime: 19, estimatedTimeToRegainAccessMinutes: 0 }],
      maxPercent: 83,
      regainAccessMs: 0,
    });
  });

  it('reads a fetch Headers object and converts regain minutes to ms', () => {
    const headers = new Headers({ 'x-business-use-case-usage': '{"1":[{"type":"instagram","call_count":100,"total_cputime":5,"total_time":7,"estimated_time_to_regain_access":12}],"2":[{"type":"instagram","call_count":10}]}' });
    const usage = parseUsageHeaders(headers);
    expect(usage?.businessUseCase.map((entry) => entry.businessId)).toEqual(['1', '2']);
    expect(usage?.regainAccessMs).toBe(12 * 60_000);
    expect(usage?.maxPercent).toBe(100);
    expect(usage?.app).toBeUndefined();
  });

  it('returns undefined when the headers are absent or malformed, never throws', () => {
    expect(parseUsageHeaders({})).toBeUndefined();
    expect(parseUsageHeaders({ 'x-app-usage': '{not json' })).toBeUndefined();
  });
});
