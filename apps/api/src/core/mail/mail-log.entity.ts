/** Row types of the mail tables (control-0007-mail). */
export type MailStatus = 'queued' | 'sending' | 'sent' | 'delivered' | 'opened' | 'bounced' | 'complained' | 'suppressed' | 'unsubscribed' | 'failed';

export interface MailLogRow {
  id: string;
  tenantId: number | null;
  dedupeKey: string;
  to: string;
  template: string;
  category: string;
  subject: string;
  vars: Record<string, unknown> | null;
  status: MailStatus;
  provider: string | null;
  providerId: string | null;
  reason: string | null;
  attempts: number;
  sentAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface SuppressionRow {
  email: string;
  reason: string;
  detail: string | null;
  createdAt: Date;
}

export interface TemplateOverrideRow {
  key: string;
  subject: string;
  html: string;
  text: string;
  updatedAt: Date;
}

export interface TenantMailInfo {
  id: number;
  slug: string;
  name: string;
  planCode: string;
  timeZone: string;
  branding: Record<string, unknown>;
}

export interface SendingDomainRow {
  tenantId: number;
  domain: string;
  resendId: string;
  status: string;
  records: unknown[];
  updatedAt: Date;
}

/** Webhook events move a mail forward only: a late "delivered" never hides a bounce. */
export const STATUS_RANK: Record<MailStatus, number> = { queued: 0, sending: 1, failed: 1, sent: 2, delivered: 3, opened: 4, suppressed: 5, unsubscribed: 5, bounced: 6, complained: 6 };
