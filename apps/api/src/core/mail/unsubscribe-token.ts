import { createHmac, timingSafeEqual } from 'node:crypto';
import { deriveKey } from '../crypto/tokens.js';

export interface UnsubscribeClaim {
  /** 0 = platform mail. */
  t: number;
  e: string;
  c: string;
}

/**
 * The one-click unsubscribe link's token: who (workspace + address) and which category, signed
 * with a key derived from APP_SECRET. It never expires (RFC 8058 links must keep working) and
 * can only ever turn one category off for one address.
 */
export function signUnsubscribe(appSecret: string, claim: UnsubscribeClaim): string {
  const payload = Buffer.from(JSON.stringify(claim)).toString('base64url');
  return `${payload}.${mac(appSecret, payload)}`;
}

export function verifyUnsubscribe(appSecret: string, token: string): UnsubscribeClaim | null {
  const [payload, signature, extra] = token.split('.');
  if (!payload || !signature || extra !== undefined) return null;
  const expected = Buffer.from(mac(appSecret, payload));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  try {
    const claim = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as UnsubscribeClaim;
    return typeof claim.t === 'number' && typeof claim.e === 'string' && typeof claim.c === 'string' ? claim : null;
  } catch {
    return null;
  }
}

function mac(appSecret: string, payload: string): string {
  return createHmac('sha256', deriveKey(appSecret, 'mail-unsubscribe')).update(payload).digest('base64url');
}
