import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, workspaceUrl, type AppConfig } from '../core/config/config.js';
import { MailService } from '../core/mail/mail.service.js';
import { PdfService, reportBranding } from '../core/pdf/index.js';
import { TenantContext } from '../core/tenancy/tenant-context.js';
import { addDays, daysBetween, localParts, previousMonth, type LocalParts } from './local-time.js';
import { MailAutomationsRepository, type DigestAccountNumbers } from './mail-automations.repository.js';
import { MONTHLY_REPORT_PDF } from './monthly-report-pdf.js';

/** Local hour from which the day's scheduled mails go out (workspace time zone). */
export const SEND_HOUR = 9;
/** Onboarding steps: the day after sign-up each is due, and what makes it pointless. */
export const ONBOARDING_STEPS = [
  { day: 0, template: 'onboarding-connect', path: '/accounts', done: (p: Progress) => p.accounts > 0 },
  { day: 1, template: 'onboarding-audit', path: '/audits', done: (p: Progress) => p.audits > 0 },
  { day: 3, template: 'onboarding-content', path: '/planner', done: (p: Progress) => p.content > 0 },
  { day: 7, template: 'onboarding-team', path: '/team', done: (p: Progress) => p.team > 0 },
] as const;
type Progress = { accounts: number; audits: number; content: number; team: number };

const signed = (n: number | null) => (n === null ? 'n/a' : n > 0 ? `+${n}` : String(n));
const orNa = (n: number | null) => (n === null ? 'n/a' : n);

/**
 * The scheduled and event-driven mails of one workspace. Every send names a key derived from what
 * it is about (step, day, week, month, invoice…), so running the tick twice, retrying it, or two
 * workers running it at once sends each mail once (control.mail_log's unique dedupe key).
 */
@Injectable()
export class MailAutomationsService {
  private readonly logger = new Logger('MailAutomations');

  constructor(
    private readonly repo: MailAutomationsRepository,
    private readonly mail: MailService,
    private readonly ctx: TenantContext,
    private readonly pdf: PdfService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private url(path = ''): string {
    return `${workspaceUrl(this.config, this.ctx.tenant.slug)}${path}`;
  }

  /** At sign-up (inside the new tenant). */
  async welcome(owner: { email: string; name: string }): Promise<void> {
    const id = this.ctx.tenant.id;
    await this.mail.send({ tenantId: id, to: owner.email, template: 'welcome', vars: { name: owner.name, url: this.url() }, key: `welcome:${id}:${owner.email}` });
  }

  /** To whoever asked for the audit (seeded and scheduled audits have nobody to tell). */
  async auditReady(audit: { id: string; username: string; score: number | null; requestedBy: string | null }): Promise<void> {
    const id = this.ctx.tenant.id;
    const r = audit.requestedBy ? await this.repo.user(audit.requestedBy) : null;
    if (r) {
      await this.mail.send({ tenantId: id, to: r.email, template: 'audit-ready', vars: { username: audit.username, score: audit.score, url: this.url(`/audits/${audit.id}`) }, key: `audit-ready:${id}:${audit.id}:${r.email}` });
    }
  }

  /** The hourly tick of one workspace (inside its tenant context). */
  async tick(now: Date): Promise<{ queued: number }> {
    const ws = await this.repo.workspace(this.ctx.tenant.id);
    if (!ws) return { queued: 0 };
    const local = localParts(now, ws.timeZone);
    let queued = 0;
    await this.mail.requeueStale(this.ctx.tenant.id);
    queued += await this.onboarding(ws.createdAt, ws.timeZone, now, local);
    queued += await this.trialEnding(ws, local);
    queued += await this.creditsLow();
    if (local.weekday === 1 && local.hour >= SEND_HOUR) queued += await this.weeklyDigest(local, ws.timeZone);
    if (local.day === 1 && local.hour >= SEND_HOUR) queued += await this.monthlyReport(local, ws.timeZone);
    return { queued };
  }

  /** Day 0 an hour after sign-up; day N from 09:00 local on the Nth day. A step already done is skipped. */
  private async onboarding(createdAt: Date, timeZone: string, now: Date, local: LocalParts): Promise<number> {
    const age = now.getTime() - createdAt.getTime();
    if (age < 0 || age > 14 * 86_400_000) return 0;
    const signupDay = localParts(createdAt, timeZone).date;
    const progress = await this.repo.onboardingProgress();
    const owners = await this.repo.owners();
    let queued = 0;
    for (const step of ONBOARDING_STEPS) {
      const due = step.day === 0 ? age >= 3_600_000 : daysBetween(signupDay, local.date) >= step.day && (daysBetween(signupDay, local.date) > step.day || local.hour >= SEND_HOUR);
      if (!due || daysBetween(signupDay, local.date) > step.day + 2) continue; // a missed step is not sent days late
      if (step.done(progress)) continue;
      for (const owner of owners) {
        const r = await this.mail.send({ tenantId: this.ctx.tenant.id, to: owner.email, template: step.template, vars: { name: owner.name, url: this.url(step.path) }, key: `onboarding:${this.ctx.tenant.id}:${step.template}:${owner.email}` });
        if (r.queued) queued++;
      }
    }
    return queued;
  }

  /** 3 days and 1 day before the trial ends (local calendar days), trials without a paid subscription only. */
  private async trialEnding(ws: { trialEndsAt: Date | null; timeZone: string; planCode: string; subscriptionStatus: string | null }, local: LocalParts): Promise<number> {
    if (!ws.trialEndsAt || (ws.subscriptionStatus && ws.subscriptionStatus !== 'trialing')) return 0;
    const endsOn = localParts(ws.trialEndsAt, ws.timeZone).date;
    const days = daysBetween(local.date, endsOn);
    if (days !== 3 && days !== 1) return 0;
    let queued = 0;
    for (const owner of await this.repo.owners()) {
      const r = await this.mail.send({
        tenantId: this.ctx.tenant.id,
        to: owner.email,
        template: 'trial-ending',
        vars: { name: owner.name, days, plural: days > 1, endsOn, url: this.url('/billing') },
        key: `trial-ending:${this.ctx.tenant.id}:${days}:${endsOn}:${owner.email}`,
      });
      if (r.queued) queued++;
    }
    return queued;
  }

  /** Once per credit period when 20 % or less of the allowance is left. */
  async creditsLow(): Promise<number> {
    const c = await this.repo.credits();
    if (c.allowance <= 0 || c.balance > c.allowance * 0.2) return 0;
    let queued = 0;
    for (const owner of await this.repo.owners()) {
      const r = await this.mail.send({
        tenantId: this.ctx.tenant.id,
        to: owner.email,
        template: 'credits-low',
        vars: { balance: c.balance, allowance: c.allowance, percent: Math.round((c.balance / c.allowance) * 100), url: this.url('/billing') },
        key: `credits-low:${this.ctx.tenant.id}:${c.periodKey ?? 'none'}:${owner.email}`,
      });
      if (r.queued) queued++;
    }
    return queued;
  }

  /** Mondays: last Monday–Sunday (local) for every client user, from stored metrics and posts. */
  async weeklyDigest(local: LocalParts, timeZone: string): Promise<number> {
    const to = addDays(local.date, -local.weekday); // last Sunday
    const from = addDays(to, -6);
    let queued = 0;
    for (const r of await this.repo.clientRecipients()) {
      const numbers = await this.repo.digestNumbers(r.clientId, from, to, timeZone);
      const sent = await this.mail.send({
        tenantId: this.ctx.tenant.id,
        to: r.email,
        template: 'weekly-digest',
        vars: { name: r.name, clientName: r.clientName, week: `${from} – ${to}`, accounts: numbers.map(digestRow), url: this.url() },
        key: `weekly-digest:${this.ctx.tenant.id}:${r.id}:${from}`,
      });
      if (sent.queued) queued++;
    }
    return queued;
  }

  /** The 1st of the month: last month's report as a PDF for every client user. */
  async monthlyReport(local: LocalParts, timeZone: string): Promise<number> {
    const month = previousMonth(local.month);
    const from = `${month.key}-01`;
    const to = addDays(`${local.month}-01`, -1);
    let queued = 0;
    const tenant = this.ctx.tenant;
    for (const r of await this.repo.clientRecipients()) {
      const key = `monthly-report:${tenant.id}:${r.id}:${month.key}`;
      if (await this.mail.wasQueued(key)) continue; // do not render a PDF for a mail that went out
      const numbers = await this.repo.digestNumbers(r.clientId, from, to, timeZone);
      const branding = tenant.branding as { primaryColor?: string; accentColor?: string; displayName?: string };
      const pdf = await this.pdf.renderPdf(
        MONTHLY_REPORT_PDF,
        { clientName: r.clientName, month: month.label, generatedAt: local.date, table: { columns: ['Account', 'Followers', 'Change', 'Posts', 'Reach'], rows: numbers.map((n) => Object.values(digestRow(n))), numeric: [1, 2, 3, 4] } },
        reportBranding({ name: branding.displayName ?? tenant.name, primaryColor: branding.primaryColor, accentColor: branding.accentColor }),
      );
      const sent = await this.mail.send({
        tenantId: tenant.id,
        to: r.email,
        template: 'monthly-report',
        vars: { name: r.name, clientName: r.clientName, month: month.label, url: this.url() },
        key,
        attachments: [{ filename: `report-${month.key}.pdf`, contentBase64: pdf.toString('base64'), contentType: 'application/pdf' }],
      });
      if (sent.queued) queued++;
    }
    if (queued) this.logger.log(`Queued ${queued} monthly report(s) for tenant ${tenant.id}`);
    return queued;
  }
}

function digestRow(n: DigestAccountNumbers) {
  return {
    username: n.username,
    followers: orNa(n.followers),
    followersChange: signed(n.followers !== null && n.followersBefore !== null ? n.followers - n.followersBefore : null),
    posts: n.posts,
    reach: orNa(n.reach),
  };
}
