import { Injectable } from '@nestjs/common';
import { conflict, DomainError } from '../core/errors/domain-error.js';
import { MailLogRepository } from '../core/mail/mail-log.repository.js';
import type { SendingDomainRow } from '../core/mail/mail-log.entity.js';
import { MailSettingsReader } from '../core/mail/mail-settings.js';
import { ResendClientProvider, unwrapResend } from '../core/mail/resend-client.js';
import { TenantContext } from '../core/tenancy/tenant-context.js';
import { LimitsService } from '../limits/limits.service.js';

export interface ResendRecord {
  record: string;
  name: string;
  type: string;
  value: string;
  status: string;
  ttl?: string;
  priority?: number;
}

/**
 * A workspace's own sending domain through Resend's domains API: create it, show the DNS records
 * to add, verify. Once verified, its mails come from `<local part of MAIL_FROM>@<domain>`.
 * Plans with white-label only (Agency and up, or Pro with the add-on).
 */
@Injectable()
export class SendingDomainService {
  constructor(
    private readonly repo: MailLogRepository,
    private readonly resend: ResendClientProvider,
    private readonly settings: MailSettingsReader,
    private readonly limits: LimitsService,
    private readonly ctx: TenantContext,
  ) {}

  async view() {
    const allowed = await this.limits.hasFeature('whiteLabel');
    const row = await this.repo.sendingDomain(this.ctx.tenant.id);
    return { allowed, domain: row ? await this.present(row) : null };
  }

  async create(domain: string) {
    await this.limits.assertFeature('whiteLabel');
    if (await this.repo.sendingDomain(this.ctx.tenant.id)) throw conflict('sending_domain_exists', 'This workspace has a sending domain already. Remove it first to use another.');
    const client = await this.client();
    const created = unwrapResend(await client.domains.create({ name: domain }));
    await this.repo.saveSendingDomain({ tenantId: this.ctx.tenant.id, domain, resendId: created.id, status: created.status, records: (created.records ?? []) as unknown[] });
    return this.view();
  }

  async verify() {
    await this.limits.assertFeature('whiteLabel');
    const row = await this.repo.sendingDomain(this.ctx.tenant.id);
    if (!row) throw new DomainError('not_found', 404, 'Sending domain not found.');
    const client = await this.client();
    unwrapResend(await client.domains.verify(row.resendId));
    const fresh = unwrapResend(await client.domains.get(row.resendId));
    await this.repo.saveSendingDomain({ ...row, status: fresh.status, records: (fresh.records ?? []) as unknown[] });
    return this.view();
  }

  async remove() {
    const row = await this.repo.sendingDomain(this.ctx.tenant.id);
    if (row) {
      const client = await this.resend.client();
      if (client) await client.domains.remove(row.resendId);
      await this.repo.deleteSendingDomain(this.ctx.tenant.id);
    }
    return this.view();
  }

  private async client() {
    const client = await this.resend.client();
    if (!client) throw new DomainError('mail_not_configured', 503, 'E-mail sending is not set up yet: the platform operator has to enter a Resend API key (super-admin settings or RESEND_API_KEY).');
    return client;
  }

  private async present(row: SendingDomainRow) {
    const { from } = await this.settings.current();
    const local = (/<([^>]+)>/.exec(from)?.[1] ?? from).split('@')[0];
    return { domain: row.domain, status: row.status, records: row.records as ResendRecord[], sender: `${local}@${row.domain}` };
  }
}
