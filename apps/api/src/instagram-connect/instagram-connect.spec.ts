import { randomBytes } from 'node:crypto';
import { peekStateTenant, signState, STATE_TTL_SECONDS, verifyState } from './oauth-state.js';

describe('OAuth state', () => {
  const key = randomBytes(32);

  it('round-trips workspace and user, with a nonce and a ≤ 10 min expiry', () => {
    const { state, nonce, expiresAt } = signState({ t: 7, u: 'user-1' }, key, 1_000_000);
    expect(STATE_TTL_SECONDS).toBeLessThanOrEqual(600);
    expect(expiresAt.getTime()).toBe((1_000 + STATE_TTL_SECONDS) * 1000);
    const check = verifyState(state, key, 1_000_000);
    expect(check).toEqual({ ok: true, payload: { n: nonce, t: 7, u: 'user-1', e: 1_000 + STATE_TTL_SECONDS } });
  });

  it('refuses a tampered, foreign-key, expired or malformed state', () => {
    const { state } = signState({ t: 7, u: 'user-1' }, key, 1_000_000);
    const [body, mac] = state.split('.');
    const forged = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(body, 'base64url').toString()), t: 8 })).toString('base64url');
    expect(verifyState(`${forged}.${mac}`, key, 1_000_000)).toEqual({ ok: false, reason: 'bad_signature' });
    expect(verifyState(state, randomBytes(32), 1_000_000)).toEqual({ ok: false, reason: 'bad_signature' });
    expect(verifyState(state, key, 1_000_000 + (STATE_TTL_SECONDS + 1) * 1000)).toEqual({ ok: false, reason: 'expired' });
    expect(verifyState('garbage', key)).toEqual({ ok: false, reason: 'malformed' });
    expect(verifyState(undefined, key)).toEqual({ ok: false, reason: 'missing' });
  });

  it('peeks the claimed workspace only to pick the key; the MAC still decides', () => {
    const { state } = signState({ t: 42, u: 'user-1' }, key, 1_000_000);
    expect(peekStateTenant(state)).toBe(42);
    expect(peekStateTenant(undefined)).toBeNull();
    expect(peekStateTenant('not-base64-json.x')).toBeNull();
    expect(peekStateTenant(`${Buffer.from(JSON.stringify({ t: -1 })).toString('base64url')}.x`)).toBeNull();
    expect(peekStateTenant(`${Buffer.from(JSON.stringify({ t: '7' })).toString('base64url')}.x`)).toBeNull();
    // A forged body names a workspace, but the check with that workspace's key fails.
    const forged = `${Buffer.from(JSON.stringify({ n: 'x', t: 43, u: 'user-1', e: 9_999_999_999 })).toString('base64url')}.${state.split('.')[1]}`;
    expect(peekStateTenant(forged)).toBe(43);
    expect(verifyState(forged, key, 1_000_000)).toEqual({ ok: false, reason: 'bad_signature' });
  });
});
