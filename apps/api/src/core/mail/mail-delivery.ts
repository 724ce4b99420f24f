import { Injectable } from '@nestjs/common';
import { OutboxRepository } from './outbox.repository.js';
import { ResendClientProvider, unwrapResend } from './resend-client.js';
import type { MailTransport, OutgoingMail } from './mail.types.js';

/**
 * Resend when a key is configured, else the outbox. Every mail is also kept in the outbox so the
 * super-admin can read what went out either way. Both are idempotent on `mail.id`: Resend by the
 * Idempotency-Key header (24 h), the outbox by its primary key — a worker killed between the
 * provider's answer and our "sent" mark re-delivers nothing on retry.
 */
@Injectable()
export class MailDelivery implements MailTransport {
  constructor(
    private readonly resend: ResendClientProvider,
    private readonly outbox: OutboxRepository,
  ) {}

  async deliver(mail: OutgoingMail): Promise<{ provider: string; providerId: string | null }> {
    const client = await this.resend.client();
    if (!client) {
      await this.outbox.store(mail, 'stored');
      return { provider: 'outbox', providerId: null };
    }
    const data = unwrapResend(
      await client.emails.send(
        {
          from: mail.from,
          to: [mail.to],
          subject: mail.subject,
          html: mail.html,
          text: mail.text,
          ...(mail.replyTo ? { replyTo: mail.replyTo } : {}),
          headers: mail.headers,
          tags: [{ name: 'template', value: mail.template.replace(/[^A-Za-z0-9_-]/g, '_') }],
          ...(mail.attachments.length ? { attachments: mail.attachments.map((a) => ({ filename: a.filename, content: a.contentBase64, contentType: a.contentType })) } : {}),
        },
        { idempotencyKey: `mail-${mail.id}` },
      ),
    );
    await this.outbox.store(mail, 'sent');
    return { provider: 'resend', providerId: data.id };
  }
}
