import { createHash, hkdfSync, randomBytes } from 'node:crypto';

/** An opaque random token for a link or a cookie; only its hash is stored. */
export function newOpaqueToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Separate keys per purpose from the one APP_SECRET, so a leak of one use does not forge another. */
export function deriveKey(appSecret: string, purpose: string, bytes = 32): Buffer {
  return Buffer.from(hkdfSync('sha256', appSecret, 'instagrowth', purpose, bytes));
}
