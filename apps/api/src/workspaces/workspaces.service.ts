import { MailAutomationsService } from '../mail/mail-automations.service.js';
import { Inject, Injectable } from '@nestjs/common';
import { slugSchema, type RegisterInput, type SlugAvailability } from '@instagrowth/contracts';
import { APP_CONFIG, workspaceUrl, type AppConfig } from '../core/config/config.js';
import { hashPassword } from '../core/crypto/passwords.js';
import { assertStrongPassword } from '../core/crypto/password-policy.js';
import type { User } from '../auth/auth.entity.js';
import { conflict } from '../core/errors/domain-error.js';
import { RequestThrottle } from '../core/rate-limit/request-throttle.service.js';
import { TenantContext } from '../core/tenancy/tenant-context.js';
import { TenantResolver } from '../core/tenancy/tenant-resolver.service.js';
import { PlatformAuditRepository } from '../control/platform-audit.repository.js';
import { TenantProvisioner } from '../control/tenant-provisioner.service.js';
import { TenantsRepository } from '../control/tenants.repository.js';
import { AuthRepository } from '../auth/auth.repository.js';
import { AuthService } from '../auth/auth.service.js';
import { PlansService } from '../plans/plans.service.js';
import { ReferralsService } from '../referrals/referrals.service.js';

/** Sign-up on the root host: a new tenant (schema, owner, trial) and its URL. */
@Injectable()
export class WorkspacesService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly tenants: TenantsRepository,
    private readonly provisioner: TenantProvisioner,
    private readonly ctx: TenantContext,
    private readonly users: AuthRepository,
    private readonly auth: AuthService,
    private readonly audit: PlatformAuditRepository,
    private readonly resolver: TenantResolver,
    private readonly throttle: RequestThrottle,
    private readonly plans: PlansService,
    private readonly referrals: ReferralsService,
    private readonly mailAutomations: MailAutomationsService,
  ) {}

  async slugAvailability(raw: string, ip: string): Promise<SlugAvailability> {
    // Generous for a person typing, tight enough to stop enumerating every workspace.
    await this.throttle.hit({ key: `slug:ip:${ip}`, max: 120, windowSeconds: 60, what: 'address checks from your network' });
    const parsed = slugSchema.safeParse(raw);
    if (!parsed.success) {
      const message = parsed.error.issues[0]?.message ?? 'is invalid';
      return { slug: raw, available: false, reason: message === 'is reserved' ? 'reserved' : 'invalid', message: `This address ${message}.` };
    }
    const taken = await this.tenants.findBySlug(parsed.data);
    return taken ? { slug: parsed.data, available: false, reason: 'taken', message: 'This address is taken.' } : { slug: parsed.data, available: true };
  }

  async register(input: RegisterInput, ip: string, referralCookie?: string) {
    await this.throttle.hit({ key: `register:ip:${ip}`, max: 10, windowSeconds: 3600, what: 'sign-ups from your network' });
    assertStrongPassword(input.password, input.email);
    if (await this.tenants.findBySlug(input.slug)) throw slugTaken();
    const passwordHash = await hashPassword(input.password);
    let tenant;
    let owner: User | undefined;
    try {
      // The owner is created inside provisioning: if it fails, the workspace and its slug go too.
      tenant = await this.provisioner.provision({ slug: input.slug, name: input.workspaceName }, (t) =>
        this.ctx.run(t, async () => {
          owner = await this.users.createUser({ email: input.email, name: input.name, passwordHash, role: 'owner' });
        }),
      );
    } catch (error) {
      // Two sign-ups racing for one slug: the unique index decides.
      if ((error as { code?: string }).code === '23505' || /unique/i.test(String((error as Error).message))) throw slugTaken();
      throw error;
    }
    // The browser's zone at sign-up; UTC (the column default) when it sent none.
    if (input.timeZone) await this.tenants.setTimeZone(tenant.id, input.timeZone);
    await this.plans.startTrial(tenant.id, input.plan ?? this.config.billing.trialPlan, tenant.trialEndsAt ?? null);
    if (!owner) throw new Error('provisioning finished without an owner');
    const createdOwner = owner;
    await this.ctx.run(tenant, async () => {
      await this.auth.sendVerification(createdOwner);
      await this.mailAutomations.welcome(createdOwner);
    });
    // The register field wins over the cookie the referral link set on this browser.
    await this.referrals.attribute(tenant.id, input.referralCode || referralCookie, input.email);
    await this.resolver.invalidate();
    await this.audit.record({ actorType: 'visitor', action: 'tenant.registered', tenantId: tenant.id, targetId: createdOwner.id, meta: { slug: tenant.slug }, ip });
    const url = workspaceUrl(this.config, tenant.slug);
    return {
      workspaceUrl: url,
      loginUrl: `${url}/login?email=${encodeURIComponent(input.email)}&welcome=1`,
      workspace: { id: tenant.id, slug: tenant.slug, name: tenant.name },
    };
  }
}

const slugTaken = () => conflict('slug_taken', 'That workspace address is taken. Pick another.', { slug: 'is taken' });
