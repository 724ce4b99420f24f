import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export interface StatePayload {
  /** Nonce, stored server-side and usable once. */
  n: string;
  /** Tenant id. */
  t: number;
  /** User id. */
  u: string;
  /** Expiry, unix seconds. */
  e: number;
}

export const STATE_TTL_SECONDS = 600;

/** `base64url(payload).base64url(hmac)`: alone it says which workspace and user started the flow. */
export function signState(payload: Omit<StatePayload, 'n' | 'e'>, key: Buffer, now = Date.now()): { state: string; nonce: string; expiresAt: Date } {
  const nonce = randomBytes(18).toString('base64url');
  const full: StatePayload = { n: nonce, ...payload, e: Math.floor(now / 1000) + STATE_TTL_SECONDS };
  const body = Buffer.from(JSON.stringify(full)).toString('base64url');
  const mac = createHmac('sha256', key).update(body).digest('base64url');
  return { state: `${body}.${mac}`, nonce, expiresAt: new Date(full.e * 1000) };
}

export type StateCheck = { ok: true; payload: StatePayload } | { ok: false; reason: 'missing' | 'malformed' | 'bad_signature' | 'expired' };

export function verifyState(state: string | undefined, key: Buffer, now = Date.now()): StateCheck {
  if (!state) return { ok: false, reason: 'missing' };
  const [body, mac, extra] = state.split('.');
  if (!body || !mac || extra !== undefined) return { ok: false, reason: 'malformed' };
  const expected = createHmac('sha256', key).update(body).digest();
  const given = Buffer.from(mac, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'bad_signature' };
  let payload: StatePayload;
  try {
    payload = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as StatePayload;
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  if (typeof payload.n !== 'string' || typeof payload.t !== 'number' || typeof payload.u !== 'string' || typeof payload.e !== 'number') return { ok: false, reason: 'malformed' };
  if (payload.e * 1000 < now) return { ok: false, reason: 'expired' };
  return { ok: true, payload };
}

/**
 * The workspace a state claims, read WITHOUT checking its MAC: only to pick which workspace's app
 * keys the check. `verifyState` must still pass before anything in the state is trusted.
 */
export function peekStateTenant(state: string | undefined): number | null {
  const body = state?.split('.')[0];
  if (!body) return null;
  try {
    const t = (JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as Partial<StatePayload>).t;
    return typeof t === 'number' && Number.isSafeInteger(t) && t > 0 ? t : null;
  } catch {
    return null;
  }
}
