import { randomUUID } from 'node:crypto';
import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import type { ImpersonationStatus, SessionView } from '@instagrowth/contracts';
import { APP_CONFIG, workspaceUrl, type AppConfig } from '../core/config/config.js';
import { JWT_ALGORITHM, jwtSettings } from '../core/auth/jwt-keys.js';
import type { AdminPrincipal, MemberPrincipal } from '../core/auth/principal.js';
import { PrincipalRepository } from '../core/auth/principal.repository.js';
import { hashToken, newOpaqueToken } from '../core/crypto/tokens.js';
import { conflict, DomainError, notFound, unauthorized } from '../core/errors/domain-error.js';
import { JobRunner } from '../core/queue/job-runner.service.js';
import { JobsService } from '../core/queue/jobs.service.js';
import { TenantContext } from '../core/tenancy/tenant-context.js';
import { PlatformAuditRepository } from '../control/platform-audit.repository.js';
import { TenantsRepository } from '../control/tenants.repository.js';
import { impersonationExpiryJob } from './impersonation.jobs.js';
import { ImpersonationRepository } from './impersonation.repository.js';

/** Hard ceiling whatever IMPERSONATION_MINUTES says. */
export const MAX_IMPERSONATION_MINUTES = 30;

/**
 * A super-admin acts as a workspace's owner for a limited time, for a stated reason. The console
 * gets a link with a single-use token; the workspace host exchanges it for an access token naming
 * the session (`imp`), and the access guard checks that session on every request (open, unexpired,
 * no billing or credential changes). Start and end are in the platform audit log; the end is
 * written once by whoever sees it first: "End now", a request after expiry, or the expiry job.
 */
@Injectable()
export class ImpersonationService implements OnModuleInit {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly repo: ImpersonationRepository,
    private readonly principals: PrincipalRepository,
    private readonly tenants: TenantsRepository,
    private readonly tenantContext: TenantContext,
    private readonly audit: PlatformAuditRepository,
    private readonly jwt: JwtService,
    private readonly jobs: JobsService,
    private readonly runner: JobRunner,
  ) {}

  onModuleInit(): void {
    this.runner.handle(impersonationExpiryJob, async () => ({ ended: await this.repo.expireDue() }));
  }

  async start(admin: AdminPrincipal, tenantId: number, reason: string, ip: string, now = new Date()) {
    const tenant = await this.tenants.findById(tenantId);
    if (!tenant || tenant.status === 'provisioning') throw notFound('Tenant');
    if (tenant.status === 'suspended') throw conflict('workspace_suspended', 'This workspace is suspended: reactivate it before impersonating.');
    const owner = await this.tenantContext.run(tenant, () => this.repo.firstOwner());
    if (!owner) throw conflict('no_owner', 'This workspace has no owner to act as.');
    const minutes = Math.min(this.config.console.impersonationMinutes, MAX_IMPERSONATION_MINUTES);
    const expiresAt = new Date(now.getTime() + minutes * 60_000);
    const token = newOpaqueToken();
    const id = randomUUID();
    await this.repo.create({ id, tenantId, adminId: admin.adminId, userId: owner.id, reason, tokenHash: hashToken(token), expiresAt });
    await this.audit.record({ actorType: 'admin', actorId: admin.adminId, action: 'impersonation.started', tenantId, targetId: id, meta: { reason, asUserId: owner.id, asEmail: owner.email, expiresAt: expiresAt.toISOString() }, ip });
    await this.jobs.dispatch(impersonationExpiryJob, {}, { jobId: `${impersonationExpiryJob.name}-${id}`, delayMs: expiresAt.getTime() - now.getTime() + 1_000 });
    // The token travels in the fragment: never sent to a server, never in a Referer or an access log.
    return { url: `${workspaceUrl(this.config, tenant.slug)}/impersonate#token=${token}`, expiresAt: expiresAt.toISOString() };
  }

  /** On the workspace host: the single-use token becomes an access token for the rest of the session. */
  async exchange(token: string, tenantId: number): Promise<SessionView> {
    const session = await this.repo.claimToken(hashToken(token), tenantId);
    if (!session) throw unauthorized('invalid_impersonation_token', 'This impersonation link is invalid, used or expired. Start again from the console.');
    const member = await this.principals.findMember(session.userId);
    if (!member) throw unauthorized('invalid_impersonation_token', 'The owner this session acts as no longer exists.');
    const expiresIn = Math.max(1, Math.floor((session.expiresAt.getTime() - Date.now()) / 1000));
    const s = jwtSettings(this.config).workspace;
    const accessToken = await this.jwt.signAsync(
      { sub: member.id, tid: tenantId, imp: session.id, typ: 'access' },
      { secret: s.secret, audience: s.audience, issuer: s.issuer, algorithm: JWT_ALGORITHM, expiresIn },
    );
    return {
      accessToken,
      expiresIn,
      user: { id: member.id, email: member.email, name: member.name, role: member.role, emailVerified: member.emailVerifiedAt !== null, createdAt: member.createdAt.toISOString() },
    };
  }

  async status(principal: MemberPrincipal, tenantName: string): Promise<ImpersonationStatus> {
    const imp = principal.impersonation;
    if (!imp) return { active: false, adminEmail: null, tenantName: null, asEmail: null, reason: null, expiresAt: null };
    const session = await this.repo.find(imp.sessionId);
    if (!session) throw notFound('Impersonation session');
    return { active: true, adminEmail: session.adminEmail, tenantName, asEmail: principal.email, reason: session.reason, expiresAt: session.expiresAt.toISOString() };
  }

  async end(principal: MemberPrincipal, ip: string): Promise<void> {
    if (!principal.impersonation) throw new DomainError('not_impersonating', 409, 'This session is not an impersonation.');
    await this.principals.endImpersonation(principal.impersonation.sessionId, 'ended', ip);
  }
}
