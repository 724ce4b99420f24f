import { createHash } from 'node:crypto';

export interface WebhookEvent {
  /** Instagram professional account id (`entry.id`), the routing key. */
  igUserId: string;
  field: string;
  /** Stable across Meta's retries, so a redelivery is stored once. */
  dedupKey: string;
  occurredAt: Date | null;
  payload: unknown;
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** `entry.time` is seconds in `changes` payloads and milliseconds in `messaging` ones (API.md §7.3). */
function toDate(value: unknown): Date | null {
  if (typeof value !== 'number' || !Number.isFinite(value)) return null;
  return new Date(value < 1e12 ? value * 1000 : value);
}

const hash = (v: unknown) => createHash('sha256').update(JSON.stringify(v)).digest('hex').slice(0, 32);

/**
 * Flattens a webhook delivery into events. Accepts both comment shapes (the `changes[]` wrapper
 * seen in real captures and the flat `field`/`value` of Meta's example), `messaging[]`, and a
 * top-level array around the whole body.
 */
export function parseWebhookBody(body: unknown): WebhookEvent[] {
  const deliveries = Array.isArray(body) ? body : [body];
  const events: WebhookEvent[] = [];
  for (const delivery of deliveries) {
    if (!isObject(delivery) || !Array.isArray(delivery.entry)) continue;
    for (const entry of delivery.entry) {
      if (!isObject(entry) || (typeof entry.id !== 'string' && typeof entry.id !== 'number')) continue;
      const igUserId = String(entry.id);
      const changes = Array.isArray(entry.changes) ? entry.changes : typeof entry.field === 'string' ? [{ field: entry.field, value: entry.value }] : [];
      for (const change of changes) {
        if (!isObject(change) || typeof change.field !== 'string') continue;
        const value = isObject(change.value) ? change.value : {};
        const id = value.id ?? value.comment_id;
        events.push({
          igUserId,
          field: change.field,
          dedupKey: `${change.field}:${typeof id === 'string' || typeof id === 'number' ? String(id) : hash(change.value)}`,
          occurredAt: toDate(entry.time),
          payload: change.value,
        });
      }
      for (const item of Array.isArray(entry.messaging) ? entry.messaging : []) {
        if (!isObject(item)) continue;
        const message = isObject(item.message) ? item.message : undefined;
        const kind = message ? 'messages' : (['reaction', 'read', 'postback', 'referral', 'message_edit'].find((k) => k in item) ?? 'messaging');
        const mid = message?.mid ?? (isObject(item[kind]) ? (item[kind] as Json).mid : undefined);
        events.push({
          igUserId,
          field: kind,
          dedupKey: `${kind}:${typeof mid === 'string' ? mid : hash(item)}`,
          occurredAt: toDate(item.timestamp ?? entry.time),
          payload: item,
        });
      }
    }
  }
  return events;
}
