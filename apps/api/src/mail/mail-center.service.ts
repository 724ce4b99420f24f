import { Inject, Injectable } from '@nestjs/common';
import type { MailLogItem, MailPreferences } from '@instagrowth/contracts';
import { MAIL_CATEGORIES, type MailCategoryKey } from '@instagrowth/contracts';
import { TenantsRepository } from '../control/tenants.repository.js';
import { APP_CONFIG, type AppConfig } from '../core/config/config.js';
import { badRequest } from '../core/errors/domain-error.js';
import { MailLogRepository } from '../core/mail/mail-log.repository.js';
import type { MailLogRow } from '../core/mail/mail-log.entity.js';
import { verifyUnsubscribe } from '../core/mail/unsubscribe-token.js';
import { TenantContext } from '../core/tenancy/tenant-context.js';

export const CATEGORY_INFO: Record<MailCategoryKey, { label: string; description: string }> = {
  onboarding: { label: 'Tips and onboarding', description: 'The welcome sequence: what to set up next.' },
  alerts: { label: 'Alerts', description: 'Audit ready, AI credits running low, an Instagram account needs reconnecting.' },
  reports: { label: 'Reports and digests', description: 'The weekly digest and the monthly report with its PDF.' },
};

export const toLogItem = (r: MailLogRow): MailLogItem => ({
  id: r.id,
  to: r.to,
  template: r.template,
  category: r.category,
  subject: r.subject,
  status: r.status,
  reason: r.reason,
  provider: r.provider,
  createdAt: r.createdAt.toISOString(),
  sentAt: r.sentAt?.toISOString() ?? null,
});

/** The workspace's mail log, a user's preferences and the login-free unsubscribe link. */
@Injectable()
export class MailCenterService {
  constructor(
    private readonly repo: MailLogRepository,
    private readonly ctx: TenantContext,
    private readonly tenants: TenantsRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async log(status?: string): Promise<{ data: MailLogItem[] }> {
    return { data: (await this.repo.list({ tenantId: this.ctx.tenant.id, status, limit: 200 })).map(toLogItem) };
  }

  async preferences(email: string): Promise<MailPreferences> {
    const off = new Set(await this.repo.unsubscribedCategories(this.ctx.tenant.id, email));
    const suppressed = await this.repo.suppression(email);
    return {
      email,
      categories: MAIL_CATEGORIES.map((key) => ({ key, ...CATEGORY_INFO[key], subscribed: !off.has(key) })),
      suppressed: suppressed ? { reason: suppressed.detail ? `${suppressed.reason}: ${suppressed.detail}` : suppressed.reason, since: suppressed.createdAt.toISOString() } : null,
    };
  }

  async updatePreferences(email: string, categories: Partial<Record<MailCategoryKey, boolean>>): Promise<MailPreferences> {
    for (const [key, subscribed] of Object.entries(categories) as [MailCategoryKey, boolean][]) await this.repo.setSubscribed(this.ctx.tenant.id, email, key, subscribed);
    return this.preferences(email);
  }

  /** GET shows what the link would do; POST (the page's button, or a mail client per RFC 8058) does it. */
  async unsubscribe(token: string, apply: boolean) {
    const claim = verifyUnsubscribe(this.config.appSecret, token);
    if (!claim || !(MAIL_CATEGORIES as readonly string[]).includes(claim.c)) throw badRequest('invalid_token', 'This unsubscribe link is not valid. Use the link from the e-mail, or change your preferences after signing in.', { token: 'is invalid' });
    const category = claim.c as MailCategoryKey;
    const tenant = claim.t ? await this.tenants.findById(claim.t) : null;
    if (apply) await this.repo.setSubscribed(claim.t || null, claim.e, category, false);
    const off = await this.repo.unsubscribedCategories(claim.t || null, claim.e);
    return { email: claim.e, category, label: CATEGORY_INFO[category].label, workspace: tenant?.name ?? 'InstaGrowth OS', unsubscribed: off.includes(category) };
  }
}
