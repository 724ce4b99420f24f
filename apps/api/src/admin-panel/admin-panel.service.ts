import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { generateSecret, generateURI, verify as verifyTotp } from 'otplib';
import { SYSTEM_SETTINGS, type SettingView, type SystemSettingKey } from '@instagrowth/contracts';
import { APP_CONFIG, workspaceUrl, type AppConfig } from '../core/config/config.js';
import { JWT_ALGORITHM, jwtSettings } from '../core/auth/jwt-keys.js';
import type { AdminPrincipal } from '../core/auth/principal.js';
import { dummyPasswordHash, hashPassword, verifyPassword } from '../core/crypto/passwords.js';
import { SecretBox } from '../core/crypto/secret-box.js';
import { conflict, notFound, unauthorized } from '../core/errors/domain-error.js';
import { OutboxRepository } from '../core/mail/outbox.repository.js';
import { LoginThrottle } from '../core/rate-limit/login-throttle.service.js';
import { PlatformAuditRepository } from '../control/platform-audit.repository.js';
import { TenantsRepository } from '../control/tenants.repository.js';
import { TenantResolver } from '../core/tenancy/tenant-resolver.service.js';
import { SettingsService } from '../core/settings/settings.service.js';
import { AdminPanelRepository } from './admin-panel.repository.js';
import { maskSecret } from './admin-panel.dto.js';
import { AdminSessionBus } from '../core/auth/admin-session.bus.js';

@Injectable()
export class AdminPanelService {
  private readonly box: SecretBox;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly repo: AdminPanelRepository,
    private readonly jwt: JwtService,
    private readonly throttle: LoginThrottle,
    private readonly audit: PlatformAuditRepository,
    private readonly outbox: OutboxRepository,
    private readonly tenants: TenantsRepository,
    private readonly resolver: TenantResolver,
    private readonly settings: SettingsService,
    private readonly sessions: AdminSessionBus,
  ) {
    this.box = new SecretBox(config.settingsKey);
  }

  /** Password and TOTP must both be right; either failure counts toward the same limits. */
  async login(input: { email: string; password: string; totp: string }, ip: string) {
    await this.throttle.assertAllowed('admin', input.email, ip);
    const admin = await this.repo.findAdminByEmail(input.email);
    const passwordOk = await verifyPassword(admin?.passwordHash ?? (await dummyPasswordHash()), input.password);
    const totp = admin
      ? await verifyTotp({ secret: this.box.open(admin.totpSecretEnc, 'totp'), token: input.totp, epochTolerance: 30, afterTimeStep: admin.totpLastStep ?? undefined })
      : { valid: false as const };
    // RFC 6238 §5.2: a code works once. Claiming its step is atomic, so two racing logins cannot both use it.
    const totpOk = totp.valid && 'timeStep' in totp && passwordOk && (await this.repo.claimTotpStep(admin!.id, totp.timeStep));
    if (!admin || !passwordOk || !totpOk) {
      await this.throttle.recordFailure('admin', input.email, ip);
      await this.audit.record({ actorType: 'visitor', action: 'admin.login_failed', meta: { email: input.email }, ip });
      throw unauthorized('invalid_credentials', 'E-mail, password or authenticator code is wrong.');
    }
    await this.throttle.recordSuccess('admin', input.email);
    await this.repo.touchLogin(admin.id);
    await this.audit.record({ actorType: 'admin', actorId: admin.id, action: 'admin.login', ip });
    return this.startSession(admin, ip);
  }

  /**
   * An admin token names a server-side session: it lives at most ADMIN_SESSION_MAX_HOURS, and the
   * access guard ends it after ADMIN_IDLE_TIMEOUT_MINUTES without a request (and on logout).
   */
  async startSession(admin: { id: string; email: string }, ip: string) {
    const sid = await this.repo.createSession(admin.id, ip);
    const expiresIn = this.config.console.adminSessionMaxHours * 3600;
    const s = jwtSettings(this.config).admin;
    const accessToken = await this.jwt.signAsync(
      { sub: admin.id, sid, typ: 'access' },
      { secret: s.secret, audience: s.audience, issuer: s.issuer, algorithm: JWT_ALGORITHM, expiresIn },
    );
    return { accessToken, expiresIn, admin: { id: admin.id, email: admin.email } };
  }

  async logout(admin: AdminPrincipal, sessionId: string | undefined, ip: string): Promise<void> {
    if (sessionId) {
      await this.repo.endSession(sessionId, admin.adminId);
      // The console's live socket opened with this session closes too, in every process.
      await this.sessions.ended({ sessionId, adminId: admin.adminId });
    }
    await this.audit.record({ actorType: 'admin', actorId: admin.adminId, action: 'admin.logout', ip });
  }

  /** Used by `npm run admin:create`: there is no default admin, ever. Returns the TOTP secret once. */
  async createAdmin(email: string, password: string, totpSecret = generateSecret()) {
    if (await this.repo.findAdminByEmail(email)) throw conflict('admin_exists', `An admin with e-mail ${email} already exists.`);
    const admin = await this.repo.createAdmin({ email, passwordHash: await hashPassword(password), totpSecretEnc: this.box.seal(totpSecret, 'totp') });
    await this.audit.record({ actorType: 'system', action: 'admin.created', targetId: admin.id, meta: { email } });
    return { id: admin.id, totpSecret, otpauthUri: generateURI({ issuer: 'InstaGrowth OS', label: email, secret: totpSecret }) };
  }

  me(admin: AdminPrincipal) {
    return { admin: { id: admin.adminId, email: admin.email } };
  }

  async listSettings(): Promise<{ data: SettingView[] }> {
    const stored = new Map((await this.repo.listSettings()).map((s) => [s.key, s]));
    const data = (Object.keys(SYSTEM_SETTINGS) as SystemSettingKey[]).map((key): SettingView => {
      const def = SYSTEM_SETTINGS[key];
      const row = stored.get(key);
      const plain = row ? this.box.open(row.valueEnc, `setting:${key}`) : null;
      return {
        key,
        label: def.label,
        secret: def.secret,
        isSet: plain !== null,
        value: plain === null ? null : def.secret ? maskSecret(plain) : plain,
        updatedAt: row ? new Date(row.updatedAt).toISOString() : null,
      };
    });
    return { data };
  }

  async updateSettings(admin: AdminPrincipal, values: Partial<Record<SystemSettingKey, string | null>>, ip: string) {
    for (const [key, value] of Object.entries(values) as [SystemSettingKey, string | null][]) {
      if (value === null || value === '') await this.repo.deleteSetting(key);
      else await this.repo.upsertSetting(key, this.box.seal(value, `setting:${key}`));
    }
    // Every process (API and workers) drops its cached settings and rebuilds clients made from them.
    await this.settings.changed(Object.keys(values) as SystemSettingKey[]);
    // The audit trail names the keys, never the values.
    await this.audit.record({ actorType: 'admin', actorId: admin.adminId, action: 'settings.updated', meta: { keys: Object.keys(values) }, ip });
    return this.listSettings();
  }

  async listOutbox() {
    const tenants = new Map((await this.tenants.list()).map((t) => [t.id, t.slug]));
    return {
      data: (await this.outbox.list()).map((m) => ({
        id: m.id,
        to: m.to,
        subject: m.subject,
        template: m.template,
        tenantSlug: m.tenantId ? (tenants.get(m.tenantId) ?? null) : null,
        status: m.status,
        createdAt: new Date(m.createdAt).toISOString(),
      })),
    };
  }

  async getOutboxMessage(id: string) {
    const m = await this.outbox.findById(id);
    if (!m) throw notFound('Message');
    const tenant = m.tenantId ? await this.tenants.findById(m.tenantId) : null;
    return {
      id: m.id,
      to: m.to,
      subject: m.subject,
      template: m.template,
      tenantSlug: tenant?.slug ?? null,
      status: m.status,
      html: m.html,
      text: m.text,
      createdAt: new Date(m.createdAt).toISOString(),
    };
  }

  /** Suspending answers 403 on every workspace request at once in this process (others within the resolver's 5 s cache). */
  async setTenantStatus(admin: AdminPrincipal, tenantId: number, status: 'active' | 'suspended', reason: string | undefined, ip: string) {
    const tenant = await this.tenants.findById(tenantId);
    if (!tenant || tenant.status === 'provisioning') throw notFound('Tenant');
    // The status and its audit row are one transaction: never a suspension nobody can account for.
    await this.tenants.transaction(async (em) => {
      await this.tenants.setStatus(tenantId, status, em);
      await this.audit.record({ actorType: 'admin', actorId: admin.adminId, action: `tenant.${status === 'suspended' ? 'suspended' : 'reactivated'}`, tenantId, meta: reason ? { reason } : null, ip }, em);
    });
    await this.resolver.invalidate();
    return (await this.listTenants()).data.find((t) => t.id === tenantId)!;
  }

  async listTenants() {
    const tenants = await this.tenants.list();
    const usage = await this.tenants.usage(tenants);
    return {
      data: tenants.map((t) => ({
        id: t.id,
        slug: t.slug,
        name: t.name,
        status: t.status,
        schemaVersion: t.schemaVersion,
        planCode: t.planCode,
        ownerEmail: usage.get(t.id)?.ownerEmail ?? null,
        userCount: usage.get(t.id)?.users ?? 0,
        accountCount: usage.get(t.id)?.accounts ?? 0,
        createdAt: new Date(t.createdAt).toISOString(),
        url: workspaceUrl(this.config, t.slug),
      })),
    };
  }
}
