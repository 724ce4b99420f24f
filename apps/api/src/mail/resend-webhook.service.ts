import { Injectable, Logger } from '@nestjs/common';
import { Webhook, WebhookVerificationError } from 'svix';
import { badRequest, DomainError } from '../core/errors/domain-error.js';
import { MailLogRepository } from '../core/mail/mail-log.repository.js';
import { STATUS_RANK, type MailStatus } from '../core/mail/mail-log.entity.js';
import { MailSettingsReader } from '../core/mail/mail-settings.js';

/** Resend event type → our status (events we do not track are acknowledged and ignored). */
const STATUS_OF: Record<string, MailStatus> = {
  'email.sent': 'sent',
  'email.delivered': 'delivered',
  'email.opened': 'opened',
  'email.bounced': 'bounced',
  'email.complained': 'complained',
  'email.failed': 'failed',
  'email.suppressed': 'suppressed',
};

export interface ResendEvent {
  type: string;
  created_at?: string;
  data?: { email_id?: string; to?: string[] | string; bounce?: { message?: string; type?: string; subType?: string }; failed?: { reason?: string } };
}

/**
 * Resend's webhooks (signed by Svix: svix-id, svix-timestamp, svix-signature over the raw body).
 * Each delivery id is applied once; statuses only move forward; a bounce or complaint suppresses
 * the address for every later mail, with the reason kept.
 */
@Injectable()
export class ResendWebhookService {
  private readonly logger = new Logger('ResendWebhook');

  constructor(
    private readonly repo: MailLogRepository,
    private readonly settings: MailSettingsReader,
  ) {}

  async receive(rawBody: Buffer | undefined, headers: Record<string, string | string[] | undefined>): Promise<{ received: true; duplicate: boolean }> {
    const { webhookSecret } = await this.settings.current();
    if (!webhookSecret) throw new DomainError('mail_not_configured', 503, 'The Resend webhook signing secret is not set (super-admin settings or RESEND_WEBHOOK_SECRET).');
    const one = (name: string) => {
      const v = headers[name];
      return Array.isArray(v) ? v[0] : v;
    };
    const svixHeaders = { 'svix-id': one('svix-id') ?? '', 'svix-timestamp': one('svix-timestamp') ?? '', 'svix-signature': one('svix-signature') ?? '' };
    if (!rawBody) throw badRequest('invalid_body', 'The webhook body is missing.');
    const payload = rawBody.toString('utf8');
    try {
      // Throws on a bad signature or a timestamp outside Svix's 5-minute tolerance (replays).
      new Webhook(webhookSecret).verify(payload, svixHeaders);
    } catch (error) {
      if (error instanceof WebhookVerificationError) throw badRequest('invalid_signature', 'The webhook signature does not match (svix-id, svix-timestamp, svix-signature).');
      throw error;
    }
    let event: ResendEvent;
    try {
      event = JSON.parse(payload) as ResendEvent;
    } catch {
      throw badRequest('invalid_body', 'The webhook body is not valid JSON.');
    }
    if (!event || typeof event.type !== 'string') throw badRequest('invalid_body', 'The webhook body names no event type.');
    const emailId = event.data?.email_id;
    const row = emailId ? await this.repo.findByProviderId(emailId) : null;
    if (!(await this.repo.recordEvent(svixHeaders['svix-id'], row?.id ?? null, event.type))) return { received: true, duplicate: true };
    const status = STATUS_OF[event.type];
    if (!status) return { received: true, duplicate: false };
    const to = row?.to ?? [event.data?.to ?? []].flat()[0];
    const reason =
      status === 'bounced'
        ? `Bounced (${[event.data?.bounce?.type, event.data?.bounce?.subType].filter(Boolean).join(' / ') || 'unknown'}): ${event.data?.bounce?.message ?? 'no detail'}`
        : status === 'complained'
          ? 'Marked as spam by the recipient'
          : status === 'failed'
            ? `Failed: ${event.data?.failed?.reason ?? 'no detail'}`
            : null;
    if (row && STATUS_RANK[status] >= STATUS_RANK[row.status]) await this.repo.setStatus(row.id, status, reason);
    if ((status === 'bounced' && (event.data?.bounce?.type ?? 'Permanent') !== 'Transient') || status === 'complained') {
      if (to) await this.repo.suppress(to, status === 'bounced' ? 'bounced' : 'complained', reason);
    }
    if (!row) this.logger.warn(`Resend event ${event.type} for unknown e-mail ${emailId ?? '(none)'}`);
    return { received: true, duplicate: false };
  }
}
