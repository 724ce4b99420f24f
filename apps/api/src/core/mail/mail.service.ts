import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { emailSchema } from '@instagrowth/contracts';
import { assetUrl, type StoredBranding } from '../../branding/branding.entity.js';
import { APP_CONFIG, workspaceUrl, type AppConfig } from '../config/config.js';
import { JobRunner } from '../queue/job-runner.service.js';
import { JobsService } from '../queue/jobs.service.js';
import { MailLogRepository } from './mail-log.repository.js';
import type { MailLogRow, TenantMailInfo } from './mail-log.entity.js';
import { formatSender, renderMail, type MailBrand, type RenderedMail, type TemplateSource } from './mail-renderer.js';
import { MailSettingsReader } from './mail-settings.js';
import { OPTIONAL_CATEGORIES, templateDef, type MailTemplateDef } from './mail.templates.js';
import { MAIL_TRANSPORT, type MailAttachment, type MailRequest, type MailTransport } from './mail.types.js';
import { sendMailJob } from './mail.jobs.js';
import { signUnsubscribe } from './unsubscribe-token.js';

export const PLATFORM_BRAND: MailBrand = { name: 'InstaGrowth OS', logoUrl: null, primaryColor: '#6d28d9', footer: 'InstaGrowth OS', showPoweredBy: false };
/** Plans whose workspaces may hide "powered by" (mirrors branding's white-label limits). */
const HIDE_POWERED_BY_PLANS = new Set(['trial', 'agency', 'enterprise']);
const HEX = /^#[0-9a-fA-F]{6}$/;

/**
 * Every mail: a row in control.mail_log (its unique dedupe key = sent once), then a `mail` job
 * that renders the template in the recipient's branding and hands it to Resend or the outbox.
 * A retry, a restart or a second worker finds the row already sent and does nothing.
 */
@Injectable()
export class MailService implements OnModuleInit {
  private readonly logger = new Logger('Mail');

  constructor(
    private readonly jobs: JobsService,
    private readonly runner: JobRunner,
    private readonly repo: MailLogRepository,
    private readonly settings: MailSettingsReader,
    @Inject(MAIL_TRANSPORT) private readonly transport: MailTransport,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.runner.handle(sendMailJob, async ({ logId, attachments }) => this.deliver(logId, attachments ?? []));
  }

  /** Queues one mail; `queued: false` when its key was used before (the trigger already fired). */
  async send(request: MailRequest): Promise<{ queued: boolean; id: string }> {
    const def = templateDef(request.template);
    const id = randomUUID();
    const inserted = await this.repo.insertQueued({ id, tenantId: request.tenantId, dedupeKey: request.key ?? `once:${id}`, to: request.to.trim().toLowerCase(), template: def.key, category: def.category, vars: request.vars });
    if (!inserted) return { queued: false, id: (await this.repo.findByKey(request.key!))?.id ?? id };
    await this.jobs.dispatch(sendMailJob, { logId: id, ...(request.attachments?.length ? { attachments: request.attachments } : {}) }, { jobId: `mail-${id}` });
    return { queued: true, id };
  }

  /**
   * Re-enqueues mails whose job never made it to the queue (a crash or a Redis outage between the
   * log row and the enqueue). Same job id, so a job still waiting is not doubled. Mails with
   * attachments are not replayed here (the attachment lived only in the lost job).
   */
  async requeueStale(tenantId: number | null, olderThanMinutes = 15): Promise<number> {
    let count = 0;
    for (const row of await this.repo.staleQueued(tenantId, olderThanMinutes)) {
      if (row.template === 'monthly-report') continue;
      await this.jobs.dispatch(sendMailJob, { logId: row.id }, { jobId: `mail-${row.id}` });
      count++;
    }
    return count;
  }

  /** Whether any mail whose key starts with this prefix was queued (e.g. a dunning mail for an invoice). */
  wasQueued(keyPrefix: string): Promise<boolean> {
    return this.repo.hasKeyPrefix(keyPrefix);
  }

  private async deliver(logId: string, attachments: MailAttachment[]): Promise<void> {
    const row = await this.repo.claim(logId);
    if (!row) return; // sent, suppressed or unsubscribed already
    const suppressed = await this.repo.suppression(row.to);
    if (suppressed) {
      await this.repo.markSkipped(row.id, 'suppressed', `Address suppressed: ${suppressed.reason}${suppressed.detail ? ` (${suppressed.detail})` : ''}`);
      return;
    }
    const def = templateDef(row.template);
    if ((OPTIONAL_CATEGORIES as readonly string[]).includes(def.category) && (await this.repo.unsubscribedCategories(row.tenantId, row.to)).includes(def.category)) {
      await this.repo.markSkipped(row.id, 'unsubscribed', `Recipient unsubscribed from ${def.category}`);
      return;
    }
    try {
      const mail = await this.compose(row, def, attachments);
      const result = await this.transport.deliver(mail);
      await this.repo.markSent(row.id, mail.subject, result.provider, result.providerId);
      // Never log bodies: they carry single-use links.
      this.logger.log(`Sent "${row.template}" (${row.id}) via ${result.provider}`);
    } catch (error) {
      await this.repo.markFailed(row.id, (error as Error).message);
      throw error;
    }
  }

  private async compose(row: MailLogRow, def: MailTemplateDef, attachments: MailAttachment[]) {
    const tenant = row.tenantId === null ? null : await this.repo.tenant(row.tenantId);
    const brand = tenant ? this.brandOf(tenant) : PLATFORM_BRAND;
    const source = await this.sourceOf(def);
    const base = tenant ? workspaceUrl(this.config, tenant.slug) : this.config.appUrl.origin;
    // Platform mail (tenant null) is the console's test sends: no workspace page to unsubscribe on.
    const optional = tenant !== null && (OPTIONAL_CATEGORIES as readonly string[]).includes(def.category);
    const token = optional ? signUnsubscribe(this.config.appSecret, { t: row.tenantId ?? 0, e: row.to, c: def.category }) : null;
    const links = { unsubscribeUrl: token ? `${base}/unsubscribe?token=${token}` : null, preferencesUrl: tenant ? `${base}/settings/mail` : null };
    const rendered = renderMail(def, source, row.vars ?? {}, brand, links);
    const settings = await this.settings.current();
    const sendingDomain = tenant ? await this.repo.sendingDomain(tenant.id) : null;
    const b = (tenant?.branding ?? {}) as Partial<StoredBranding>;
    const defaultAddress = /<([^>]+)>/.exec(settings.from)?.[1] ?? settings.from;
    const address = sendingDomain?.status === 'verified' ? `${defaultAddress.split('@')[0]}@${sendingDomain.domain}` : defaultAddress;
    const senderName = tenant ? (b.emailSenderName ?? b.displayName ?? tenant.name) : (/^\s*"?([^"<]+)"?\s*</.exec(settings.from)?.[1]?.trim() ?? PLATFORM_BRAND.name);
    const headers: Record<string, string> = {};
    if (token) {
      // RFC 8058: a POST to this URL unsubscribes, no login and no confirmation page.
      headers['List-Unsubscribe'] = `<${base}/api/mail/unsubscribe?token=${token}>`;
      headers['List-Unsubscribe-Post'] = 'List-Unsubscribe=One-Click';
    }
    return {
      id: row.id,
      tenantId: row.tenantId,
      from: formatSender(senderName, address),
      replyTo: tenant ? this.replyToOf(tenant.id, b.emailReplyTo) : null,
      to: row.to,
      template: row.template,
      category: def.category,
      ...rendered,
      headers,
      attachments,
    };
  }

  /**
   * The workspace's reply-to, only when it is one valid address: a bad stored value (a restored
   * backup, a hand edit, CR LF smuggled in) is left out with a warning, never sent for the provider to
   * refuse the whole mail (Resend answers 422 on an invalid `reply_to`) nor to add a header.
   */
  private replyToOf(tenantId: number, stored: string | null | undefined): string | null {
    if (!stored) return null;
    const parsed = emailSchema.safeParse(stored);
    if (parsed.success) return parsed.data;
    this.logger.warn(`Workspace ${tenantId}: its reply-to address is not a valid e-mail address; sending without Reply-To`);
    return null;
  }

  brandOf(tenant: TenantMailInfo): MailBrand {
    const b = tenant.branding as Partial<StoredBranding>;
    const logo = assetUrl(b.logo) ?? b.logoUrl ?? null;
    return {
      name: b.displayName ?? tenant.name,
      logoUrl: logo ? (logo.startsWith('/') ? `${workspaceUrl(this.config, tenant.slug)}${logo}` : logo) : null,
      primaryColor: b.primaryColor && HEX.test(b.primaryColor) ? b.primaryColor : PLATFORM_BRAND.primaryColor,
      footer: b.reportFooter ?? null,
      showPoweredBy: !(b.showPoweredBy === false && HIDE_POWERED_BY_PLANS.has(tenant.planCode)),
    };
  }

  /** The super-admin's edited version of a template, else the shipped one. */
  async sourceOf(def: MailTemplateDef): Promise<TemplateSource> {
    const override = await this.repo.templateOverride(def.key);
    return override ? { subject: override.subject, html: override.html, text: override.text } : { subject: def.subject, html: def.html, text: def.text };
  }

  /** Renders a draft with its sample variables in the platform's brand (throws when it cannot render). */
  previewSync(def: MailTemplateDef, source: TemplateSource): RenderedMail {
    return renderMail(def, source, def.sample, PLATFORM_BRAND, { unsubscribeUrl: null, preferencesUrl: null });
  }

  /** The editor's preview: a template (or an unsaved draft of it) with its sample variables. */
  async preview(key: string, draft: TemplateSource | null, tenantId: number | null = null): Promise<RenderedMail> {
    const def = templateDef(key);
    const tenant = tenantId === null ? null : await this.repo.tenant(tenantId);
    const brand = tenant ? this.brandOf(tenant) : PLATFORM_BRAND;
    const optional = (OPTIONAL_CATEGORIES as readonly string[]).includes(def.category);
    return renderMail(def, draft ?? (await this.sourceOf(def)), def.sample, brand, { unsubscribeUrl: optional ? `${this.config.appUrl.origin}/unsubscribe?token=preview` : null, preferencesUrl: null });
  }
}
