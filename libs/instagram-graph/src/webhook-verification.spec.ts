import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { verifyWebhookChallenge, verifyWebhookSignature } from './webhook-verification.js';
import { DEFAULT_FIXTURES_DIR } from './testing/fixtures.js';

const fixturesDir = fileURLToPath(DEFAULT_FIXTURES_DIR);
const signatures = JSON.parse(readFileSync(path.join(fixturesDir, 'extra/webhook_signatures.json'), 'utf8')) as {
  app_secret: string;
  signatures: Record<string, string>;
};
const cases = Object.entries(signatures.signatures).map(([relative, signature]) => ({
  file: relative,
  body: readFileSync(path.join(fixturesDir, 'extra', relative)),
  signature,
}));

describe('verifyWebhookSignature', () => {
  it('has both fixture bodies to check', () => {
    expect(cases.map((entry) => entry.file).sort()).toEqual(['../webhook_comment.json', '../webhook_message.json']);
  });

  it.each(cases)('accepts the known-good signature of $file (Buffer and string body)', ({ body, signature }) => {
    expect(verifyWebhookSignature(body, signature, signatures.app_secret)).toBe(true);
    expect(verifyWebhookSignature(body.toString('utf8'), signature, signatures.app_secret)).toBe(true);
    expect(verifyWebhookSignature(body, signature.toUpperCase().replace('SHA256=', 'sha256='), signatures.app_secret)).toBe(true);
  });

  it.each(cases)('rejects known-bad variants of $file', ({ body, signature }) => {
    const flipped = `${signature.slice(0, -1)}${signature.endsWith('0') ? '1' : '0'}`;
    expect(verifyWebhookSignature(body, flipped, signatures.app_secret)).toBe(false);
    expect(verifyWebhookSignature(body, signature, 'another_secret')).toBe(false);
    expect(verifyWebhookSignature(Buffer.concat([body, Buffer.from('\n')]), signature, signatures.app_secret)).toBe(false);
    // A pretty-printed copy of the same JSON is different bytes: it must not verify.
    expect(verifyWebhookSignature(JSON.stringify(JSON.parse(body.toString('utf8')), null, 1), signature, signatures.app_secret)).toBe(false);
    expect(verifyWebhookSignature(body, signature.replace('sha256=', ''), signatures.app_secret)).toBe(false);
    expect(verifyWebhookSignature(body, signature.replace('sha256=', 'sha1='), signatures.app_secret)).toBe(false);
    expect(verifyWebhookSignature(body, `${signature}00`, signatures.app_secret)).toBe(false);
    expect(verifyWebhookSignature(body, undefined, signatures.app_secret)).toBe(false);
    expect(verifyWebhookSignature(body, signature, '')).toBe(false);
  });
});

describe('verifyWebhookSignature on re-serialised JSON', () => {
  it("fails for the comment body, whose \\u escapes JSON.stringify turns into raw UTF-8", () => {
    const comment = cases.find((entry) => entry.file === '../webhook_comment.json');
    expect(comment?.body.toString('utf8')).toContain('\\ud83d');
    const reserialised = JSON.stringify(JSON.parse(comment?.body.toString('utf8') ?? '{}'));
    expect(verifyWebhookSignature(reserialised, comment?.signature, signatures.app_secret)).toBe(false);
  });
});

describe('verifyWebhookChallenge', () => {
  it('echoes hub.challenge when mode and token match (flat, nested and URLSearchParams queries)', () => {
    expect(verifyWebhookChallenge({ 'hub.mode': 'subscribe', 'hub.verify_token': 'vt-123', 'hub.challenge': '1158201444' }, 'vt-123')).toEqual({ ok: true, challenge: '1158201444' });
    expect(verifyWebhookChallenge({ hub: { mode: 'subscribe', verify_token: 'vt-123', challenge: '42' } }, 'vt-123')).toEqual({ ok: true, challenge: '42' });
    expect(verifyWebhookChallenge(new URLSearchParams('hub.mode=subscribe&hub.verify_token=vt-123&hub.challenge=7'), 'vt-123')).toEqual({ ok: true, challenge: '7' });
  });

  it('refuses a wrong token, a wrong mode or a missing challenge', () => {
    expect(verifyWebhookChallenge({ 'hub.mode': 'subscribe', 'hub.verify_token': 'nope', 'hub.challenge': '1' }, 'vt-123')).toEqual({ ok: false });
    expect(verifyWebhookChallenge({ 'hub.mode': 'unsubscribe', 'hub.verify_token': 'vt-123', 'hub.challenge': '1' }, 'vt-123')).toEqual({ ok: false });
    expect(verifyWebhookChallenge({ 'hub.mode': 'subscribe', 'hub.verify_token': 'vt-123' }, 'vt-123')).toEqual({ ok: false });
    expect(verifyWebhookChallenge({ 'hub.mode': 'subscribe', 'hub.verify_token': '', 'hub.challenge': '1' }, '')).toEqual({ ok: false });
  });
});
