import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import type { z } from 'zod';
import type { auditLogQuerySchema, ConsoleTenant, TenantDetail } from '@instagrowth/contracts';
import { APP_CONFIG, workspaceUrl, type AppConfig } from '../core/config/config.js';
import type { AdminPrincipal } from '../core/auth/principal.js';
import { conflict, notFound } from '../core/errors/domain-error.js';
import { JobRunner } from '../core/queue/job-runner.service.js';
import { JobsService } from '../core/queue/jobs.service.js';
import { TenantContext } from '../core/tenancy/tenant-context.js';
import { TenantResolver } from '../core/tenancy/tenant-resolver.service.js';
import { PlatformAuditRepository } from '../control/platform-audit.repository.js';
import { TenantsRepository } from '../control/tenants.repository.js';
import { CreditsService } from '../credits/credits.service.js';
import { LimitsService } from '../limits/limits.service.js';
import { tenantDeletionJob } from './console.jobs.js';
import { ConsoleRepository } from './console.repository.js';
import { deletionDate, toAccountView, toAuditView, toUserView } from './console.dto.js';
import type { TenantFilter, TenantRow } from './console.entity.js';


/** Tenant operations of the super-admin console: search, detail, trial, credits, deletion. */
@Injectable()
export class ConsoleService implements OnModuleInit {
  private readonly logger = new Logger('Console');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly repo: ConsoleRepository,
    private readonly tenants: TenantsRepository,
    private readonly audit: PlatformAuditRepository,
    private readonly tenantContext: TenantContext,
    private readonly limits: LimitsService,
    private readonly credits: CreditsService,
    private readonly jobs: JobsService,
    private readonly runner: JobRunner,
    private readonly resolver: TenantResolver,
  ) {}

  onModuleInit(): void {
    this.runner.handle(tenantDeletionJob, (payload) => this.runDueDeletions(payload.deleteTenantId));
  }

  async listTenants(filter: TenantFilter) {
    const { rows, total } = await this.repo.listTenants(filter);
    return { data: await this.views(rows), total, page: filter.page, pageSize: filter.pageSize };
  }

  private async views(rows: TenantRow[]): Promise<ConsoleTenant[]> {
    // Owner e-mail and counts for this page only: one union over at most pageSize schemas.
    const usage = await this.tenants.usage(rows);
    return rows.map((t) => ({
      id: t.id,
      slug: t.slug,
      name: t.name,
      status: t.status,
      planKey: t.planKey,
      subscriptionStatus: t.subscriptionStatus,
      trialEndsAt: t.trialEndsAt?.toISOString() ?? null,
      deletionScheduledFor: t.deletionScheduledFor?.toISOString() ?? null,
      ownerEmail: usage.get(t.id)?.ownerEmail ?? null,
      userCount: usage.get(t.id)?.users ?? 0,
      accountCount: usage.get(t.id)?.accounts ?? 0,
      createdAt: t.createdAt.toISOString(),
      url: workspaceUrl(this.config, t.slug),
    }));
  }

  async tenantView(id: number): Promise<ConsoleTenant> {
    const row = await this.repo.findTenant(id);
    if (!row) throw notFound('Tenant');
    return (await this.views([row]))[0];
  }

  async detail(id: number): Promise<TenantDetail> {
    const row = await this.repo.findTenant(id);
    const tenant = row && row.status !== 'provisioning' ? await this.tenants.findById(id) : null;
    if (!row || !tenant) throw notFound('Tenant');
    const [view, inside, users, accounts, invoices, domains, audit] = await Promise.all([
      this.views([row]),
      // Plan, usage and credits are the workspace's own rules: computed inside it, as its requests do.
      this.tenantContext.run(tenant, async () => {
        const plan = await this.limits.current();
        const usage = await this.limits.usage(plan);
        const credits = await this.credits.overview(1);
        return { plan, usage, credits };
      }),
      this.repo.listUsers(undefined, id, 1, 100),
      this.repo.listAccounts(undefined, id, 1, 100),
      this.repo.invoices(id),
      this.repo.domains(id),
      this.repo.listAudit({ tenantId: id, page: 1, pageSize: 50 }),
    ]);
    return {
      tenant: view[0],
      plan: {
        key: inside.plan.plan.key,
        name: inside.plan.plan.name,
        status: inside.plan.status,
        downgraded: inside.plan.downgraded,
        currentPeriodEnd: inside.plan.currentPeriodEnd?.toISOString() ?? null,
      },
      usage: { ...inside.usage, aiCredits: { balance: inside.credits.balance, allowance: inside.credits.period.allowance } },
      users: users.rows.map(toUserView),
      accounts: accounts.rows.map(toAccountView),
      invoices: invoices.map((i) => ({ ...i, createdAt: i.createdAt.toISOString() })),
      domains: domains.map((d) => ({ ...d, createdAt: d.createdAt.toISOString() })),
      auditLog: audit.rows.map(toAuditView),
    };
  }

  async extendTrial(admin: AdminPrincipal, id: number, days: number, ip: string): Promise<ConsoleTenant> {
    await this.liveTenant(id);
    const endsAt = await this.repo.extendTrial(id, days);
    await this.audit.record({ actorType: 'admin', actorId: admin.adminId, action: 'tenant.trial_extended', tenantId: id, targetId: String(id), meta: { days, trialEndsAt: endsAt.toISOString() }, ip });
    await this.resolver.invalidate();
    return this.tenantView(id);
  }

  /** A ledger adjustment (pack credits) in the workspace, with the admin as its actor and the reason on the entry. */
  async grantCredits(admin: AdminPrincipal, id: number, amount: number, reason: string, ip: string) {
    const tenant = await this.liveTenant(id);
    const entry = await this.tenantContext.run(tenant, () => this.credits.adjust(amount, `Console: ${reason}`, admin.adminId));
    await this.audit.record({ actorType: 'admin', actorId: admin.adminId, action: 'tenant.credits_granted', tenantId: id, targetId: entry.id, meta: { requested: amount, applied: entry.amount, reason }, ip });
    return { applied: entry.amount, balanceAfter: entry.balanceAfter };
  }

  /**
   * Marks the workspace for deletion after the grace period and queues the job that does it then
   * (delayed; an hourly sweep catches anything a lost in-process delay missed). Undo clears the
   * mark, and the job re-checks it under a row lock, so an undone deletion never runs.
   */
  async scheduleDeletion(admin: AdminPrincipal, id: number, graceDays: number | undefined, reason: string, ip: string, now = new Date()): Promise<ConsoleTenant> {
    await this.liveTenant(id);
    const days = graceDays ?? this.config.console.deletionGraceDays;
    const at = deletionDate(now, days);
    if (!(await this.repo.scheduleDeletion(id, at, admin.adminId))) throw conflict('deletion_already_scheduled', 'A deletion is already scheduled for this workspace. Undo it first to change the date.');
    await this.audit.record({ actorType: 'admin', actorId: admin.adminId, action: 'tenant.deletion_scheduled', tenantId: id, targetId: String(id), meta: { reason, graceDays: days, deleteAt: at.toISOString() }, ip });
    await this.jobs.dispatch(tenantDeletionJob, { deleteTenantId: id }, { jobId: `${tenantDeletionJob.name}-${id}-${at.getTime()}`, delayMs: at.getTime() - now.getTime() + 1_000 });
    return this.tenantView(id);
  }

  async cancelDeletion(admin: AdminPrincipal, id: number, ip: string): Promise<ConsoleTenant> {
    await this.liveTenant(id);
    if (!(await this.repo.cancelDeletion(id))) throw conflict('no_deletion_scheduled', 'No pending deletion to undo for this workspace.');
    await this.audit.record({ actorType: 'admin', actorId: admin.adminId, action: 'tenant.deletion_cancelled', tenantId: id, targetId: String(id), ip });
    return this.tenantView(id);
  }

  /** Idempotent: a tenant already dropped, or whose deletion was undone, is skipped. */
  async runDueDeletions(onlyTenantId?: number): Promise<{ deleted: number[] }> {
    const deleted: number[] = [];
    for (const t of await this.repo.dueDeletions(onlyTenantId)) {
      const dropped = await this.repo.dropTenant(t, { action: 'tenant.deleted', meta: { slug: t.slug, scheduledFor: t.scheduledFor.toISOString(), requestedBy: t.requestedBy } });
      if (dropped) {
        deleted.push(t.id);
        this.logger.log(`Deleted workspace ${t.slug} (${t.id}) after its grace period`);
      }
    }
    if (deleted.length) await this.resolver.invalidate();
    return { deleted };
  }

  async users(q: string | undefined, tenantId: number | undefined, page: number, pageSize: number) {
    const { rows, total } = await this.repo.listUsers(q, tenantId, page, pageSize);
    return { data: rows.map(toUserView), total, page, pageSize };
  }

  async accounts(q: string | undefined, tenantId: number | undefined, page: number, pageSize: number) {
    const { rows, total } = await this.repo.listAccounts(q, tenantId, page, pageSize);
    return { data: rows.map(toAccountView), total, page, pageSize };
  }

  async auditLog(f: z.output<typeof auditLogQuerySchema>) {
    const { rows, total } = await this.repo.listAudit(f);
    return { data: rows.map(toAuditView), total, page: f.page, pageSize: f.pageSize };
  }

  private async liveTenant(id: number) {
    const tenant = await this.tenants.findById(id);
    if (!tenant || tenant.status === 'provisioning') throw notFound('Tenant');
    return tenant;
  }
}
