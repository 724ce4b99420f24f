import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { BrandingService } from '../branding/branding.service.js';
import { ContentRepository } from '../content/content.repository.js';
import type { MemberPrincipal } from '../core/auth/principal.js';
import { APP_CONFIG, workspaceUrl, type AppConfig } from '../core/config/config.js';
import { DomainError, notFound } from '../core/errors/domain-error.js';
import { PdfService } from '../core/pdf/index.js';
import { TenantContext } from '../core/tenancy/tenant-context.js';
import { PLAN_PDF, planPdfData } from './plan-pdf.js';
import { PlannerRepository } from './planner.repository.js';
import { PlannerService } from './planner.service.js';

const hash = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * Growth plans shared by link, on the same `/r/<token>` page as audits (the share controller asks
 * audits first, then plans): the workspace's branding, no login, only the token's hash stored.
 */
@Injectable()
export class PlannerShareService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly planner: PlannerService,
    private readonly repo: PlannerRepository,
    private readonly content: ContentRepository,
    private readonly pdfs: PdfService,
    private readonly branding: BrandingService,
    private readonly ctx: TenantContext,
  ) {}

  async createLink(actor: MemberPrincipal, planId: string, expiresInDays: number) {
    const plan = await this.planner.findOneOrFail(actor, planId, 'update');
    const token = randomBytes(24).toString('base64url');
    const link = await this.repo.insertShareLink(plan.id, hash(token), new Date(Date.now() + expiresInDays * 86_400_000), actor.userId);
    return { id: link.id, planId: plan.id, expiresAt: link.expiresAt.toISOString(), url: `${workspaceUrl(this.config, this.ctx.tenant.slug)}/r/${token}` };
  }

  async listLinks(actor: MemberPrincipal, planId: string) {
    const plan = await this.planner.findOneOrFail(actor, planId, 'update');
    return { data: (await this.repo.shareLinks(plan.id)).map((l) => ({ id: l.id, planId: l.planId, expiresAt: l.expiresAt.toISOString(), revokedAt: l.revokedAt?.toISOString() ?? null, openCount: l.openCount, createdAt: l.createdAt.toISOString() })) };
  }

  /** Not yours and not found answer the same 404. */
  async revokeLink(actor: MemberPrincipal, linkId: string): Promise<void> {
    const planId = await this.repo.shareLinkPlan(linkId);
    if (!planId) throw notFound('Share link');
    await this.planner.findOneOrFail(actor, planId, 'update');
    await this.repo.revokeShareLink(linkId);
  }

  /** Null when the token is not a plan link (the caller answers 404). */
  async openShared(token: string, as: 'html' | 'pdf', now = new Date()): Promise<{ html?: string; pdf?: Buffer; filename: string } | null> {
    const link = /^[A-Za-z0-9_-]{20,64}$/.test(token) ? await this.repo.openShareLink(hash(token)) : null;
    if (!link) return null;
    if (link.revoked) throw new DomainError('share_link_revoked', 410, 'This link was turned off by the team that shared it.');
    if (link.expiresAt.getTime() <= now.getTime()) throw new DomainError('share_link_expired', 410, 'This link has expired. Ask for a new one.');
    const plan = await this.planner.viewShared(link.planId, now);
    if (!plan) throw notFound('Plan');
    const username = await this.content.accountUsername(plan.accountId);
    const data = planPdfData(plan, username, now);
    const branding = await this.branding.forReport();
    const filename = `growth-plan-${username || 'account'}-${plan.startDate}.pdf`;
    return as === 'pdf' ? { pdf: await this.pdfs.renderPdf(PLAN_PDF, data, branding), filename } : { html: this.pdfs.renderHtml(PLAN_PDF, data, branding), filename };
  }
}
