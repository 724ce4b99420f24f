import { createHmac, timingSafeEqual } from 'node:crypto';

// Webhook checks (API.md §7.1–7.2). Pure functions: no client, no I/O.

const SIGNATURE_PATTERN = /^sha256=([0-9a-f]{64})$/i;

/** `X-Hub-Signature-256: sha256=<hex>` = HMAC-SHA256(app secret, raw body bytes). Hash the raw bytes
 * exactly as received: Meta signs its own \u-escaped text, so re-serialised JSON never matches. */
export function verifyWebhookSignature(rawBody: Buffer | string, signatureHeader: string | readonly string[] | undefined | null, appSecret: string): boolean {
  if (typeof appSecret !== 'string' || appSecret === '') return false;
  const header = Array.isArray(signatureHeader) ? signatureHeader[0] : signatureHeader;
  if (typeof header !== 'string') return false;
  const match = SIGNATURE_PATTERN.exec(header.trim());
  if (match === null || match[1] === undefined) return false;
  const expected = createHmac('sha256', appSecret).update(typeof rawBody === 'string' ? Buffer.from(rawBody, 'utf8') : rawBody).digest();
  const received = Buffer.from(match[1], 'hex');
  // Both are 32 bytes here (the pattern guarantees 64 hex digits), so timingSafeEqual cannot throw.
  return received.length === expected.length && timingSafeEqual(received, expected);
}

export type ChallengeQuery = URLSearchParams | Readonly<Record<string, unknown>>;

export type ChallengeResult = { ok: true; challenge: string } | { ok: false };

function readChallengeParam(query: ChallengeQuery, name: 'mode' | 'verify_token' | 'challenge'): string | undefined {
  if (query instanceof URLSearchParams) return query.get(`hub.${name}`) ?? undefined;
  const flat = query[`hub.${name}`];
  // Some query parsers (qs) nest dotted keys: { hub: { mode, verify_token, challenge } }.
  const hub = query['hub'];
  const nested = typeof hub === 'object' && hub !== null ? (hub as Record<string, unknown>)[name] : undefined;
  const value = flat ?? nested;
  const first = Array.isArray(value) ? (value as unknown[])[0] : value;
  return typeof first === 'string' ? first : undefined;
}

function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a, 'utf8');
  const right = Buffer.from(b, 'utf8');
  return left.length === right.length && timingSafeEqual(left, right);
}

/** The GET handshake: answer 200 with `challenge` as the raw body when ok, else 403. */
export function verifyWebhookChallenge(query: ChallengeQuery, verifyToken: string): ChallengeResult {
  const mode = readChallengeParam(query, 'mode');
  const token = readChallengeParam(query, 'verify_token');
  const challenge = readChallengeParam(query, 'challenge');
  if (mode !== 'subscribe' || token === undefined || challenge === undefined || verifyToken === '') return { ok: false };
  return safeEqual(token, verifyToken) ? { ok: true, challenge } : { ok: false };
}
