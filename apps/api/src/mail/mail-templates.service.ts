import { Injectable } from '@nestjs/common';
import { badRequest, notFound } from '../core/errors/domain-error.js';
import { MailLogRepository } from '../core/mail/mail-log.repository.js';
import { checkTemplateSource, type TemplateSource } from '../core/mail/mail-renderer.js';
import { MailService } from '../core/mail/mail.service.js';
import { COMMON_VARIABLES, MAIL_TEMPLATES, type MailTemplateDef } from '../core/mail/mail.templates.js';
import { PlatformAuditRepository } from '../control/platform-audit.repository.js';
import { TenantsRepository } from '../control/tenants.repository.js';
import type { AdminPrincipal } from '../core/auth/principal.js';
import { toLogItem } from './mail-center.service.js';

/** The super-admin's template editor: list, edit (stored overrides), reset, preview, test send; the platform-wide log. */
@Injectable()
export class MailTemplatesService {
  constructor(
    private readonly repo: MailLogRepository,
    private readonly mail: MailService,
    private readonly tenants: TenantsRepository,
    private readonly audit: PlatformAuditRepository,
  ) {}

  async list() {
    const edited = new Set((await this.repo.templateOverrides()).map((o) => o.key));
    return { data: [...MAIL_TEMPLATES.values()].map((d) => ({ key: d.key, name: d.name, category: d.category, edited: edited.has(d.key) })) };
  }

  async detail(key: string) {
    const def = this.def(key);
    const override = await this.repo.templateOverride(key);
    const defaults = { subject: def.subject, html: def.html, text: def.text };
    return {
      key: def.key,
      name: def.name,
      category: def.category,
      edited: override !== null,
      source: override ? { subject: override.subject, html: override.html, text: override.text } : defaults,
      defaults,
      variables: { ...def.variables, ...COMMON_VARIABLES },
      sample: def.sample,
    };
  }

  async save(admin: AdminPrincipal, key: string, source: TemplateSource, ip: string) {
    const def = this.def(key);
    this.assertRenders(def, source);
    await this.repo.saveTemplateOverride(key, source);
    await this.audit.record({ actorType: 'admin', actorId: admin.adminId, action: 'mail_template.updated', targetId: key, meta: { subject: source.subject }, ip });
    return this.detail(key);
  }

  async reset(admin: AdminPrincipal, key: string, ip: string) {
    this.def(key);
    await this.repo.deleteTemplateOverride(key);
    await this.audit.record({ actorType: 'admin', actorId: admin.adminId, action: 'mail_template.reset', targetId: key, meta: {}, ip });
    return this.detail(key);
  }

  async preview(key: string, draft: TemplateSource | undefined) {
    const def = this.def(key);
    if (draft) this.assertRenders(def, draft);
    return this.mail.preview(key, draft ?? null);
  }

  /** A real send of the saved template (through the queue and the configured provider) with the sample variables. */
  async testSend(admin: AdminPrincipal, key: string, to: string, ip: string) {
    const def = this.def(key);
    const { id } = await this.mail.send({ tenantId: null, to, template: key, vars: def.sample });
    await this.audit.record({ actorType: 'admin', actorId: admin.adminId, action: 'mail_template.test_sent', targetId: key, meta: { to }, ip });
    return { queued: true as const, id };
  }

  async log(status?: string) {
    const slugs = new Map((await this.tenants.list()).map((t) => [t.id, t.slug]));
    return { data: (await this.repo.list({ status, limit: 300 })).map((r) => ({ ...toLogItem(r), tenantSlug: r.tenantId ? (slugs.get(r.tenantId) ?? null) : null })) };
  }

  /** Addresses every mail skips (hard bounces, spam complaints), newest first. */
  async suppressions() {
    return { data: (await this.repo.listSuppressions()).map((r) => ({ email: r.email, reason: r.reason, detail: r.detail, createdAt: r.createdAt.toISOString() })) };
  }

  /** Lets mail reach an address again (the mailbox was fixed, the complaint was a mistake); audited. */
  async clearSuppression(admin: AdminPrincipal, email: string, ip: string): Promise<void> {
    const existing = await this.repo.suppression(email);
    if (!existing) throw notFound('Suppression');
    // Another admin may have cleared it a moment ago: then it is gone, as for any other missing row.
    if (!(await this.repo.unsuppress(email))) throw notFound('Suppression');
    await this.audit.record({ actorType: 'admin', actorId: admin.adminId, action: 'mail_suppression.cleared', targetId: existing.email, meta: { reason: existing.reason, detail: existing.detail }, ip });
  }

  private def(key: string): MailTemplateDef {
    const def = MAIL_TEMPLATES.get(key);
    if (!def) throw notFound('Template');
    return def;
  }

  private assertRenders(def: MailTemplateDef, source: TemplateSource): void {
    const problem = checkTemplateSource(source);
    if (problem) throw badRequest('invalid_template', `The template does not parse: ${problem}`, { html: problem });
    try {
      this.mail.previewSync(def, source);
    } catch (error) {
      throw badRequest('invalid_template', `The template does not render with its sample variables: ${(error as Error).message}`, { html: (error as Error).message });
    }
  }
}
