import { readFileSync } from 'node:fs';
import { DEFAULT_FIXTURES_DIR } from '@instagrowth/instagram-graph/testing';
import { parseWebhookBody } from './webhooks.dto.js';

const fixture = (name: string) => JSON.parse(readFileSync(new URL(name, DEFAULT_FIXTURES_DIR), 'utf8'));

describe('parseWebhookBody', () => {
  it('reads the real `changes[]` comment shape, keyed by the comment id', () => {
    const [event] = parseWebhookBody(fixture('webhook_comment.json'));
    const body = fixture('webhook_comment.json');
    expect(event.igUserId).toBe(String(body.entry[0].id));
    expect(event.field).toBe('comments');
    expect(event.dedupKey).toBe(`comments:${body.entry[0].changes[0].value.id}`);
    expect(event.occurredAt?.getTime()).toBe(body.entry[0].time * 1000);
  });

  it("reads Meta's flat doc shape the same way", () => {
    const events = parseWebhookBody(fixture('extra/webhook_comment_doc_shape.json'));
    expect(events).toHaveLength(1);
    expect(events[0].field).toBe('comments');
  });

  it('reads messaging events keyed by mid, with millisecond timestamps', () => {
    const body = fixture('webhook_message.json');
    const [event] = parseWebhookBody(body);
    expect(event.field).toBe('messages');
    expect(event.dedupKey).toBe(`messages:${body.entry[0].messaging[0].message.mid}`);
    expect(event.occurredAt?.getTime()).toBe(body.entry[0].messaging[0].timestamp);
  });

  it('accepts a top-level array and ignores junk', () => {
    expect(parseWebhookBody([fixture('webhook_comment.json')])).toHaveLength(1);
    expect(parseWebhookBody({ nope: true })).toEqual([]);
    expect(parseWebhookBody('text')).toEqual([]);
  });
});
