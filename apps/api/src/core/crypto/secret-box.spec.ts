import { randomBytes } from 'node:crypto';
import { SecretBox } from './secret-box.js';
import { hashToken, newOpaqueToken } from './tokens.js';

describe('SecretBox', () => {
  const box = new SecretBox(randomBytes(32));

  it('round-trips and never stores the plain text', () => {
    const sealed = box.seal('sk_live_supersecret');
    expect(sealed).not.toContain('supersecret');
    expect(box.open(sealed)).toBe('sk_live_supersecret');
  });

  it('rejects tampered values and values bound to other data', () => {
    const sealed = box.seal('value', 'setting:a');
    const parts = sealed.split('.');
    parts[3] = Buffer.from('tampered').toString('base64url');
    expect(() => box.open(parts.join('.'), 'setting:a')).toThrow();
    expect(() => box.open(sealed, 'setting:b')).toThrow();
  });

  it('rejects a different key', () => {
    expect(() => new SecretBox(randomBytes(32)).open(box.seal('x'))).toThrow();
  });
});

describe('opaque tokens', () => {
  it('are random and hashed deterministically', () => {
    const a = newOpaqueToken();
    expect(a).not.toBe(newOpaqueToken());
    expect(hashToken(a)).toBe(hashToken(a));
    expect(hashToken(a)).toHaveLength(64);
  });
});
