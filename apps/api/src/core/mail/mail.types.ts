export interface MailMessage {
  tenantId: number | null;
  to: string;
  template: string;
  subject: string;
  html: string;
  text: string;
}

/** Where a rendered message goes: the outbox now, Resend when configured (e-mail issue). */
export interface MailTransport {
  deliver(message: MailMessage): Promise<void>;
}

export const MAIL_TRANSPORT = Symbol('MAIL_TRANSPORT');
