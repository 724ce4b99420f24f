import type { MailCategory } from './mail.templates.js';

/** What a feature asks for: a template and its variables; rendering happens in the mail job. */
export interface MailRequest {
  /** The recipient's workspace (branding, sender name, unsubscribe scope); null = platform mail. */
  tenantId: number | null;
  to: string;
  template: string;
  vars: Record<string, unknown>;
  /**
   * Idempotency: one mail per key, ever (a unique row in control.mail_log). Scheduled and
   * event-driven mails derive it from what they are about (`trial-3-<tenant>-<date>`); without
   * one, every call sends (a reset link asked for twice is two mails).
   */
  key?: string;
  /** Files attached (base64), e.g. the monthly report's PDF. */
  attachments?: MailAttachment[];
}

export interface MailAttachment {
  filename: string;
  contentBase64: string;
  contentType?: string;
}

/** A rendered message, ready for a transport. */
export interface OutgoingMail {
  id: string;
  tenantId: number | null;
  from: string;
  replyTo: string | null;
  to: string;
  template: string;
  category: MailCategory;
  subject: string;
  html: string;
  text: string;
  headers: Record<string, string>;
  attachments: MailAttachment[];
}

/** Where a rendered message goes: the outbox, or Resend when a key is configured. */
export interface MailTransport {
  /** Same `mail.id` twice must not deliver twice (Resend: Idempotency-Key; outbox: primary key). */
  deliver(mail: OutgoingMail): Promise<{ provider: string; providerId: string | null }>;
}

export const MAIL_TRANSPORT = Symbol('MAIL_TRANSPORT');
