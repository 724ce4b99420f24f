import { ActivityBus } from '../core/activity/activity.bus.js';
import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { asSubject } from '@instagrowth/authz';
import { computeAudit } from '@instagrowth/growth-engine';
import { AccountsService } from '../accounts/accounts.service.js';
import { APP_CONFIG, workspaceUrl, type AppConfig } from '../core/config/config.js';
import type { MemberPrincipal } from '../core/auth/principal.js';
import { badRequest, DomainError, forbidden, notFound } from '../core/errors/domain-error.js';
import { BrandingService } from '../branding/branding.service.js';
import { PdfService } from '../core/pdf/index.js';
import { JobRunner } from '../core/queue/job-runner.service.js';
import { JobsService } from '../core/queue/jobs.service.js';
import { auditJob } from './audits.jobs.js';
import type { JobContext } from '../core/queue/job.types.js';
import { TenantContext } from '../core/tenancy/tenant-context.js';
import { CreditsService } from '../credits/credits.service.js';
import { AUDIT_REPORT, auditReportData } from './audit-report.js';
import { AuditWriter } from './audit-writer.js';
import { AUDIT_COST, SHARE_TOKEN_BYTES, scoreChanges, toAuditView, toHistoryItem, toShareLinkView } from './audits.dto.js';
import type { AuditRow } from './audits.entity.js';
import { AuditsRepository } from './audits.repository.js';
import { MailAutomationsService } from '../mail/mail-automations.service.js';

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** The link is gone: expired or revoked (410 page for whoever opens it). */
export class ShareLinkGoneError extends DomainError {
  constructor(readonly why: 'expired' | 'revoked') {
    super('share_link_gone', 410, why === 'expired' ? 'This report link has expired. Ask whoever sent it for a new one.' : 'This report link was revoked. Ask whoever sent it for a new one.');
  }
}

/**
 * Audits: start (debit in the same unit of work as the record), run as a job (load → engine → prose →
 * store, progress stored per step), read with score changes, render as PDF or share page, share links.
 */
@Injectable()
export class AuditsService implements OnModuleInit {
  private readonly logger = new Logger('Audits');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly repo: AuditsRepository,
    private readonly accounts: AccountsService,
    private readonly credits: CreditsService,
    private readonly writer: AuditWriter,
    private readonly jobs: JobsService,
    private readonly runner: JobRunner,
    private readonly ctx: TenantContext,
    private readonly pdf: PdfService,
    private readonly activity: ActivityBus,
    private readonly branding: BrandingService,
    private readonly mailAutomations: MailAutomationsService,
  ) {}

  onModuleInit(): void {
    this.runner.handle(auditJob, ({ auditId }, job) => this.run(auditId, job));
  }

  async start(actor: MemberPrincipal, accountId: string) {
    const account = await this.accounts.findOneOrFail(actor, accountId);
    if (!actor.ability.can('create', asSubject('Audit', { accountId: account.id }))) throw forbidden('You can read this account’s audits but not run one.');
    // An audit written by the model costs a credit; the offline writer costs nothing.
    const cost = (await this.writer.settings()) ? AUDIT_COST : 0;
    const timeZone = await this.repo.accountTimeZone(account.id, this.ctx.tenant.id);
    const id = await this.repo.unitOfWork(async () => {
      const auditId = await this.repo.insert({ accountId: account.id, timeZone, requestedBy: actor.userId, credits: cost });
      if (cost) await this.credits.debit({ amount: cost, feature: 'audit', referenceId: auditId, actorId: actor.userId });
      return auditId;
    });
    await this.jobs.dispatch(auditJob, { auditId: id }, { jobId: `audit-${this.ctx.tenant.id}-${id}` });
    return { id, status: 'queued' as const };
  }

  /** A finished audit written without AI, computed now by the same code (demo seed: a newcomer sees one at once). */
  async runOffline(accountId: string): Promise<string> {
    const timeZone = await this.repo.accountTimeZone(accountId, this.ctx.tenant.id);
    const id = await this.repo.insert({ accountId, timeZone, requestedBy: null, credits: 0 });
    await this.run(id, { id: `seed-${id}`, attempt: 1, progress: async () => undefined });
    return id;
  }

  /** The job: every failure refunds and leaves a readable error on the record. */
  async run(auditId: string, job: JobContext): Promise<void> {
    const audit = await this.repo.find(auditId);
    if (!audit || audit.status === 'completed' || audit.status === 'failed') return;
    const step = async (percent: number, label: string) => {
      await this.repo.progress(auditId, percent, label);
      await job.progress(percent, label);
    };
    try {
      await step(10, 'Loading posts and daily history');
      const input = await this.repo.engineInput(audit.accountId, audit.timeZone, new Date());
      await step(35, 'Computing scores, risk and best times');
      const result = computeAudit(input);
      const settings = audit.credits > 0 ? await this.writer.settings() : null;
      await step(60, settings ? 'Writing the report with AI' : 'Writing the report (without AI)');
      const written = await this.writer.write(result, audit.username, settings, auditId);
      await step(90, 'Saving');
      await this.repo.unitOfWork(async () => {
        // Prose not written by the model is free: give the credit back with the result.
        const charged = written.source === 'ai' ? audit.credits : 0;
        if (audit.credits && !charged) await this.credits.refund(auditId, written.fallback ? 'AI narrative rejected (invented numbers); offline prose used' : 'written without AI');
        await this.repo.complete(auditId, { result, narrative: written.narrative, source: written.source, narrativeFallback: written.fallback, credits: charged });
      });
      const tenant = this.ctx.tenant;
      await this.activity.publish({ type: 'audit.completed', tenantId: tenant.id, tenantSlug: tenant.slug, auditId, source: written.source, summary: `Audit of @${audit.username} completed in ${tenant.slug}` });
      const score = (result.overall.score as { value?: number }).value;
      await this.mailAutomations.auditReady({ id: auditId, username: audit.username, score: typeof score === 'number' ? Math.round(score) : null, requestedBy: audit.requestedBy });
    } catch (error) {
      const message = error instanceof DomainError ? error.message : 'The audit failed unexpectedly. Nothing was charged; try again.';
      if (!(error instanceof DomainError)) this.logger.error(`Audit ${auditId} failed: ${(error as Error).stack ?? error}`);
      await this.repo.unitOfWork(async () => {
        await this.credits.refund(auditId, `audit failed: ${error instanceof DomainError ? error.code : 'error'}`);
        await this.repo.fail(auditId, message);
      });
    }
  }

  private async findVisible(actor: MemberPrincipal, id: string): Promise<AuditRow> {
    const audit = await this.repo.find(id);
    if (!audit || !actor.ability.can('read', asSubject('Audit', { accountId: audit.accountId }))) throw notFound('Audit');
    return audit;
  }

  private async previousOf(audit: AuditRow): Promise<AuditRow | null> {
    const list = await this.repo.listForAccount(audit.accountId);
    return list.find((a) => a.status === 'completed' && a.createdAt < audit.createdAt) ?? null;
  }

  async get(actor: MemberPrincipal, id: string) {
    const audit = await this.findVisible(actor, id);
    return toAuditView(audit, await this.previousOf(audit));
  }

  async history(actor: MemberPrincipal, accountId: string) {
    const account = await this.accounts.findOneOrFail(actor, accountId);
    if (!actor.ability.can('read', asSubject('Audit', { accountId: account.id }))) throw notFound('Account');
    const rows = await this.repo.listForAccount(account.id);
    return {
      data: rows.map((row, i) => toHistoryItem(row, rows.slice(i + 1).find((r) => r.status === 'completed') ?? null)),
    };
  }

  private async reportFor(audit: AuditRow) {
    if (audit.status !== 'completed' || !audit.result || !audit.narrative || !audit.source) throw new DomainError('audit_not_ready', 409, 'This audit has not finished yet.');
    const previous = await this.previousOf(audit);
    const data = auditReportData({ username: audit.username, audit: audit.result, narrative: audit.narrative, source: audit.source, createdAt: audit.createdAt, changes: scoreChanges(audit.result, previous?.result ?? null) });
    // The workspace's own brand (logo, colours, name; "powered by" only where the plan shows it).
    return { data, branding: await this.branding.forReport() };
  }

  async pdfFor(actor: MemberPrincipal, id: string): Promise<{ pdf: Buffer; filename: string }> {
    const audit = await this.findVisible(actor, id);
    const { data, branding } = await this.reportFor(audit);
    return { pdf: await this.pdf.renderPdf(AUDIT_REPORT, data, branding), filename: `audit-${audit.username}-${audit.createdAt.toISOString().slice(0, 10)}.pdf` };
  }

  // ---------------------------------------------------------------- share links

  private async findShareable(actor: MemberPrincipal, id: string): Promise<AuditRow> {
    const audit = await this.findVisible(actor, id);
    if (!actor.ability.can('update', asSubject('Audit', { accountId: audit.accountId }))) throw forbidden('You can read this audit but not share it.');
    return audit;
  }

  async createLink(actor: MemberPrincipal, auditId: string, expiresInDays: number) {
    const audit = await this.findShareable(actor, auditId);
    if (audit.status !== 'completed') throw new DomainError('audit_not_ready', 409, 'Only a finished audit can be shared.');
    const token = randomBytes(SHARE_TOKEN_BYTES).toString('base64url');
    const link = await this.repo.insertLink({ auditId: audit.id, tokenHash: hashToken(token), expiresAt: new Date(Date.now() + expiresInDays * 86_400_000), createdBy: actor.userId });
    return { ...toShareLinkView(link), url: `${workspaceUrl(this.config, this.ctx.tenant.slug)}/r/${token}` };
  }

  async listLinks(actor: MemberPrincipal, auditId: string) {
    const audit = await this.findShareable(actor, auditId);
    return { data: (await this.repo.listLinks(audit.id)).map(toShareLinkView) };
  }

  async revokeLink(actor: MemberPrincipal, linkId: string): Promise<void> {
    const link = await this.repo.findLink(linkId);
    if (!link) throw notFound('Share link');
    const audit = await this.repo.find(link.auditId);
    if (!audit || !actor.ability.can('read', asSubject('Audit', { accountId: audit.accountId }))) throw notFound('Share link');
    if (!actor.ability.can('update', asSubject('Audit', { accountId: audit.accountId }))) throw forbidden('You can read this audit but not manage its links.');
    await this.repo.revokeLink(link.id);
  }

  /** The report behind a share token, for someone not logged in; counts the open. */
  async openShared(token: string, as: 'html' | 'pdf'): Promise<{ html?: string; pdf?: Buffer; filename: string }> {
    const link = /^[A-Za-z0-9_-]{20,64}$/.test(token) ? await this.repo.findLinkByHash(hashToken(token)) : null;
    if (!link) throw notFound('Report');
    if (link.revokedAt) throw new ShareLinkGoneError('revoked');
    if (link.expiresAt.getTime() <= Date.now()) throw new ShareLinkGoneError('expired');
    const audit = await this.repo.find(link.auditId);
    if (!audit) throw notFound('Report');
    const { data, branding } = await this.reportFor(audit);
    await this.repo.countOpen(link.id);
    const filename = `audit-${audit.username}.pdf`;
    return as === 'pdf' ? { pdf: await this.pdf.renderPdf(AUDIT_REPORT, data, branding), filename } : { html: this.pdf.renderHtml(AUDIT_REPORT, data, branding), filename };
  }

  // ---------------------------------------------------------------- roadmap ticks

  async roadmapTicks(actor: MemberPrincipal, id: string) {
    const audit = await this.findVisible(actor, id);
    return { auditId: audit.id, days: await this.repo.roadmapTicks(audit.id) };
  }

  async setRoadmapTick(actor: MemberPrincipal, id: string, day: number, done: boolean) {
    const audit = await this.findVisible(actor, id);
    if (!actor.ability.can('update', asSubject('Audit', { accountId: audit.accountId }))) throw forbidden('You can read this audit but not tick its roadmap.');
    const days = audit.result?.roadmap.flatMap((w) => w.days.map((d) => d.day)) ?? [];
    if (!days.includes(day)) throw badRequest('validation_failed', `The roadmap of this audit has no day ${day}.`, { day: `must be one of the roadmap's days (1–${days.length})` });
    await this.repo.setRoadmapTick(audit.id, day, done, actor.userId);
    return { auditId: audit.id, days: await this.repo.roadmapTicks(audit.id) };
  }
}
