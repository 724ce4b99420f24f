import { FakeResend } from '../../../test/support/fake-resend.js';
import { MailDelivery } from './mail-delivery.js';
import type { MailSettingsReader } from './mail-settings.js';
import type { OutboxRepository } from './outbox.repository.js';
import type { OutgoingMail } from './mail.types.js';
import { PermanentMailError, ResendClientProvider } from './resend-client.js';

// What we send to Resend's POST /emails, through the official SDK, against a fake that refuses what
// Resend refuses (missing fields, bad sender, tags outside [A-Za-z0-9_-], attachments that are not
// base64, an idempotency key replayed with another payload, a wrong key).
describe('MailDelivery against the Resend wire format', () => {
  let resend: FakeResend;
  let apiKey: string;
  let delivery: MailDelivery;
  const stored: string[] = [];
  const pdf = Buffer.from('%PDF-1.7 fake').toString('base64');
  let n = 0;
  const mail = (over: Partial<OutgoingMail> = {}): OutgoingMail => ({
    id: `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`,
    tenantId: 1,
    from: '"Nova Studio" <hello@instagrowth.test>',
    replyTo: 'owner@nova.test',
    to: 'nora@nova.test',
    template: 'monthly.report',
    category: 'reports',
    subject: 'Your monthly report',
    html: '<p>Report attached.</p>',
    text: 'Report attached.',
    headers: { 'List-Unsubscribe': '<http://nova.instagrowth.test/api/mail/unsubscribe?token=x>', 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
    attachments: [{ filename: 'report.pdf', contentBase64: pdf, contentType: 'application/pdf' }],
    ...over,
  });

  beforeAll(async () => {
    resend = await new FakeResend().start();
    apiKey = resend.apiKey;
    const settings = { current: async () => ({ apiKey, baseUrl: resend.url, from: 'x@instagrowth.test', webhookSecret: null }) } as unknown as MailSettingsReader;
    const outbox = { store: async (m: OutgoingMail, status: string) => void stored.push(`${m.id}:${status}`) } as unknown as OutboxRepository;
    delivery = new MailDelivery(new ResendClientProvider(settings), outbox);
  });
  afterAll(async () => resend.stop());
  beforeEach(() => {
    apiKey = resend.apiKey;
  });

  it('sends the documented body: to[], reply_to, headers, tags, attachments { filename, content (base64), content_type }, Idempotency-Key', async () => {
    const m = mail();
    const result = await delivery.deliver(m);
    expect(result).toEqual({ provider: 'resend', providerId: resend.emails.at(-1)!.id });
    const sent = resend.emails.at(-1)!;
    expect(sent.idempotencyKey).toBe(`mail-${m.id}`);
    expect(sent.body).toMatchObject({
      from: m.from,
      to: ['nora@nova.test'],
      subject: 'Your monthly report',
      html: m.html,
      text: m.text,
      reply_to: 'owner@nova.test',
      headers: m.headers,
      tags: [{ name: 'template', value: 'monthly_report' }],
      attachments: [{ filename: 'report.pdf', content: pdf, content_type: 'application/pdf' }],
    });
    expect(resend.errors).toEqual([]);
    expect(stored).toContain(`${m.id}:sent`);
  });

  it('the same mail again answers the first id and sends nothing; the same key with another payload is a permanent 409', async () => {
    const m = mail({ attachments: [], replyTo: null });
    const first = await delivery.deliver(m);
    const count = resend.emails.length;
    expect(await delivery.deliver(m)).toEqual(first);
    expect(resend.emails).toHaveLength(count);
    const changed = await delivery.deliver({ ...m, subject: 'Another subject' }).catch((e: unknown) => e);
    expect(changed).toBeInstanceOf(PermanentMailError);
    expect((changed as Error).message).toBe('Resend: Same idempotency key used with a different request payload. Change your idempotency key or payload. (409)');
    expect(resend.emails).toHaveLength(count);
  });

  it('refusals: a wrong key and a bad sender are permanent; 429 and 500 are retried by the queue', async () => {
    apiKey = 're_wrong_key';
    const denied = await delivery.deliver(mail()).catch((e: unknown) => e);
    expect(denied).toBeInstanceOf(PermanentMailError);
    expect(resend.errors.at(-1)).toEqual({ status: 403, body: { statusCode: 403, name: 'invalid_api_key', message: 'API key is invalid' } });
    apiKey = resend.apiKey;
    const badFrom = await delivery.deliver(mail({ from: 'Nova Studio hello@' })).catch((e: unknown) => e);
    expect(badFrom).toBeInstanceOf(PermanentMailError);
    expect(resend.errors.at(-1)!.body.name).toBe('invalid_from_address');
    resend.rateLimitNext = 1;
    const limited = await delivery.deliver(mail()).catch((e: unknown) => e);
    expect(limited).toBeInstanceOf(Error);
    expect(limited).not.toBeInstanceOf(PermanentMailError);
    expect((limited as Error).message).toMatch(/Too many requests.*\(429\)$/);
    resend.failAfterAccept = 1;
    const broken = await delivery.deliver(mail()).catch((e: unknown) => e);
    expect(broken).not.toBeInstanceOf(PermanentMailError);
    expect((broken as Error).message).toMatch(/\(500\)$/);
  });
});
