import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { redactSecrets, redactUrl } from './redact.js';
import { DEFAULT_FIXTURES_DIR } from './testing/fixtures.js';

const fixturesDir = fileURLToPath(DEFAULT_FIXTURES_DIR);
const TOKEN = 'IGAAKx7Qm2FakeLongLivedTokenQWERTYZAZD0LongLived1234567890abcdef';

describe('redactUrl', () => {
  it('redacts the token inside a fixture paging.next URL and keeps every other parameter byte for byte', () => {
    const page = JSON.parse(readFileSync(path.join(fixturesDir, 'media_page1.json'), 'utf8')) as { paging: { next: string } };
    const withToken = page.paging.next.replace('access_token=REDACTED', `access_token=${TOKEN}`);
    expect(withToken).toContain(TOKEN);
    const redacted = redactUrl(withToken);
    expect(redacted).not.toContain(TOKEN);
    expect(redacted).toBe(page.paging.next);
  });

  it('redacts access_token wherever it sits in the query, and client_secret too', () => {
    const url = new URL('https://graph.instagram.com/access_token?grant_type=ig_exchange_token&client_secret=s3cr3t-value&access_token=abc.DEF-123&x=1');
    const redacted = redactUrl(url);
    expect(redacted).toBe('https://graph.instagram.com/access_token?grant_type=ig_exchange_token&client_secret=REDACTED&access_token=REDACTED&x=1');
  });

  it('leaves URLs without secrets unchanged', () => {
    expect(redactUrl('https://graph.instagram.com/v25.0/me?fields=id,username')).toBe('https://graph.instagram.com/v25.0/me?fields=id,username');
  });
});

describe('redactSecrets', () => {
  it('redacts JSON fields, bearer headers, percent-encoded params and literal values', () => {
    const text = `{"access_token":"${TOKEN}"} Authorization: Bearer ${TOKEN} next=https%3A%2F%2Fx%3Faccess_token%3D${TOKEN} raw ${TOKEN}`;
    const redacted = redactSecrets(text, [TOKEN]);
    expect(redacted).not.toContain(TOKEN);
    expect(redacted).toContain('"access_token":"REDACTED"');
    expect(redacted).toContain('Bearer REDACTED');
  });

  it('does not scrub short literal values that could mangle a message', () => {
    expect(redactSecrets('code 400 error', ['400'])).toBe('code 400 error');
  });
});
