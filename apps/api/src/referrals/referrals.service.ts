import { randomBytes } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { PlatformAuditRepository } from '../control/platform-audit.repository.js';
import { TenantsRepository } from '../control/tenants.repository.js';
import type { AdminPrincipal } from '../core/auth/principal.js';
import { SettingsService } from '../core/settings/settings.service.js';
import { APP_CONFIG, type AppConfig } from '../core/config/config.js';
import { conflict, notFound } from '../core/errors/domain-error.js';
import { TenantContext } from '../core/tenancy/tenant-context.js';
import type { CommissionRow } from './referrals.entity.js';
import { ReferralsRepository } from './referrals.repository.js';

/** The first-party cookie a referral link sets on the root host; sign-up reads it. */
export const REFERRAL_COOKIE = 'ig_ref';
export const REFERRAL_COOKIE_DAYS = 60;
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

const newCode = () => [...randomBytes(8)].map((b) => ALPHABET[b % ALPHABET.length]).join('');

const view = (c: CommissionRow) => ({
  id: c.id, invoiceId: c.invoiceId, currency: c.currency, amount: c.amount, status: c.status,
  referrerSlug: c.referrerSlug ?? null, referredSlug: c.referredSlug ?? null,
  payableAt: c.payableAt.toISOString(), paidAt: c.paidAt?.toISOString() ?? null, createdAt: c.createdAt.toISOString(),
});

/**
 * Referral program: each workspace has a link (`/?ref=<code>`), sign-ups through it are attributed,
 * each paid invoice of a referred workspace earns a commission (pending → payable after the hold →
 * paid by the super-admin; reversed when refunded).
 */
@Injectable()
export class ReferralsService {
  private readonly logger = new Logger('Referrals');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly repo: ReferralsRepository,
    private readonly ctx: TenantContext,
    private readonly tenants: TenantsRepository,
    private readonly audit: PlatformAuditRepository,
    private readonly settings: SettingsService,
  ) {}

  /** Commission and hold period: the super-admin's settings, else REFERRAL_COMMISSION_PERCENT / REFERRAL_HOLD_DAYS. */
  async terms(): Promise<{ commissionPercent: number; holdDays: number }> {
    const s = await this.settings.getMany(['referral.commissionPercent', 'referral.holdDays']);
    return {
      commissionPercent: s['referral.commissionPercent'] !== null ? Number(s['referral.commissionPercent']) : this.config.billing.referralCommissionPercent,
      holdDays: s['referral.holdDays'] !== null ? Number(s['referral.holdDays']) : this.config.billing.referralHoldDays,
    };
  }

  /** The current workspace's referral page. */
  async overview(now = new Date()) {
    const tenantId = this.ctx.tenant.id;
    const code = (await this.repo.codeOf(tenantId)) ?? (await this.repo.ensureCode(tenantId, newCode()));
    await this.repo.promoteDue(now);
    const [stats, commissions, terms] = await Promise.all([this.repo.stats(tenantId), this.repo.commissionsOf(tenantId), this.terms()]);
    const sum = (status: CommissionRow['status']) => commissions.filter((c) => c.status === status).reduce((n, c) => n + c.amount, 0);
    return {
      code: code.code,
      link: `${this.config.appUrl.origin}/?ref=${code.code}`,
      commissionPercent: terms.commissionPercent,
      holdDays: terms.holdDays,
      clicks: code.clicks,
      signups: stats.signups,
      conversions: stats.conversions,
      earnings: { pending: sum('pending'), payable: sum('payable'), paid: sum('paid'), reversed: sum('reversed') },
      commissions: commissions.map(view),
    };
  }

  /** A visit through a referral link (the landing page reports it); false for an unknown code. */
  async visit(code: string): Promise<boolean> {
    return this.repo.countClick(code);
  }

  /**
   * Attributes a new workspace to the code's workspace. Refused (not attributed, audited) when the
   * code is unknown or names a workspace the same person owns (self-referral).
   */
  async attribute(referredTenantId: number, code: string | undefined, ownerEmail: string): Promise<boolean> {
    if (!code) return false;
    const referrerTenantId = await this.repo.tenantByCode(code);
    if (!referrerTenantId || referrerTenantId === referredTenantId) return false;
    const referrer = await this.tenants.findById(referrerTenantId);
    if (!referrer) return false;
    const ownerEmails = await this.ctx.run(referrer, () => this.repo.ownerEmails());
    if (ownerEmails.includes(ownerEmail.toLowerCase())) {
      await this.audit.record({ actorType: 'visitor', action: 'referral.self_referral_refused', tenantId: referredTenantId, targetId: String(referrerTenantId) });
      return false;
    }
    await this.repo.attribute(referredTenantId, referrerTenantId);
    return true;
  }

  /** A referred workspace paid an invoice: one pending commission per invoice. */
  async onInvoicePaid(tenantId: number, invoice: { id: string; amountPaid: number; currency: string }, now = new Date()): Promise<void> {
    const referrer = await this.repo.referrerOf(tenantId);
    if (!referrer) return;
    const terms = await this.terms();
    const amount = Math.round((invoice.amountPaid * terms.commissionPercent) / 100);
    if (amount <= 0) return;
    const payableAt = new Date(now.getTime() + terms.holdDays * 86_400_000);
    if (await this.repo.insertCommission({ referrerTenantId: referrer, referredTenantId: tenantId, invoiceId: invoice.id, currency: invoice.currency, amount, payableAt })) {
      this.logger.log(`Commission of ${amount} ${invoice.currency} for workspace ${referrer} (invoice ${invoice.id})`);
    }
  }

  async onInvoiceRefunded(invoiceId: string): Promise<void> {
    await this.repo.reverse(invoiceId);
  }

  // ---- super-admin ----

  async payouts(status: string | undefined, now = new Date()) {
    await this.repo.promoteDue(now);
    return { data: (await this.repo.allCommissions(status)).map(view) };
  }

  async markPaid(admin: AdminPrincipal, id: string, ip: string, now = new Date()) {
    await this.repo.promoteDue(now);
    const paid = await this.repo.markPaid(id);
    if (!paid) {
      const existing = await this.repo.commission(id);
      if (!existing) throw notFound('Commission');
      throw conflict('commission_not_payable', `This commission is ${existing.status}; only payable commissions can be marked paid.`);
    }
    await this.audit.record({ actorType: 'admin', actorId: admin.adminId, action: 'referral.commission_paid', tenantId: paid.referrerTenantId, targetId: id, ip });
    return view(paid);
  }
}
