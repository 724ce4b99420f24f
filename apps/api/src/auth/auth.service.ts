import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { rulesFor } from '@instagrowth/authz';
import type { LoginInput } from '@instagrowth/contracts';
import { APP_CONFIG, workspaceUrl, type AppConfig } from '../core/config/config.js';
import { ACCESS_TOKEN_TTL_SECONDS, JWT_ALGORITHM, jwtSettings } from '../core/auth/jwt-keys.js';
import type { MemberPrincipal } from '../core/auth/principal.js';
import { dummyPasswordHash, hashPassword, verifyPassword } from '../core/crypto/passwords.js';
import { hashToken, newOpaqueToken } from '../core/crypto/tokens.js';
import { badRequest, unauthorized } from '../core/errors/domain-error.js';
import { mailTemplates } from '../core/mail/mail.templates.js';
import { MailService } from '../core/mail/mail.service.js';
import { LoginThrottle } from '../core/rate-limit/login-throttle.service.js';
import { RequestThrottle } from '../core/rate-limit/request-throttle.service.js';
import { TenantContext } from '../core/tenancy/tenant-context.js';
import type { User } from './auth.entity.js';
import { toUserView, type IssuedSession } from './auth.dto.js';
import { AuthRepository } from './auth.repository.js';

const REFRESH_TTL_MS = 30 * 86_400_000;
const VERIFY_TTL_MS = 48 * 3_600_000;
const RESET_TTL_MS = 3_600_000;

@Injectable()
export class AuthService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly repo: AuthRepository,
    private readonly jwt: JwtService,
    private readonly throttle: LoginThrottle,
    private readonly mail: MailService,
    private readonly ctx: TenantContext,
    private readonly requests: RequestThrottle,
  ) {}

  async login(input: LoginInput, ip: string): Promise<IssuedSession> {
    const scope = `t${this.ctx.tenant.id}`;
    await this.throttle.assertAllowed(scope, input.email, ip);
    const user = await this.repo.findUserByEmail(input.email);
    // Verify against a dummy hash for unknown e-mails so response time does not reveal them.
    const ok = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), input.password);
    if (!user || !ok) {
      await this.throttle.recordFailure(scope, input.email, ip);
      throw unauthorized('invalid_credentials', 'That e-mail and password do not match an account in this workspace.');
    }
    await this.throttle.recordSuccess(scope, input.email);
    return this.issueSession(user, randomUUID());
  }

  /** Rotation with reuse detection: a token presented twice revokes its whole family. */
  async refresh(refreshToken: string | undefined): Promise<IssuedSession> {
    if (!refreshToken) throw unauthorized('invalid_refresh_token', 'No session to refresh. Sign in again.');
    const hash = hashToken(refreshToken);
    const consumed = await this.repo.consumeRefreshToken(hash);
    if (!consumed) {
      const known = await this.repo.findRefreshToken(hash);
      if (known && known.usedAt) await this.repo.revokeFamily(known.familyId);
      throw unauthorized('invalid_refresh_token', 'This session has ended. Sign in again.');
    }
    const user = await this.repo.findUserById(consumed.userId);
    if (!user) throw unauthorized('invalid_refresh_token', 'This session has ended. Sign in again.');
    return this.issueSession(user, consumed.familyId);
  }

  async logout(refreshToken: string | undefined): Promise<void> {
    if (!refreshToken) return;
    const known = await this.repo.findRefreshToken(hashToken(refreshToken));
    if (known) await this.repo.revokeFamily(known.familyId);
  }

  me(principal: MemberPrincipal) {
    const tenant = this.ctx.tenant;
    return {
      user: toUserView(principal),
      workspace: { id: tenant.id, slug: tenant.slug, name: tenant.name, status: tenant.status, branding: tenant.branding },
      rules: rulesFor({ userId: principal.userId, role: principal.role, assignedAccountIds: principal.assignedAccountIds }),
    };
  }

  async issueSession(user: User, familyId: string): Promise<IssuedSession> {
    const s = jwtSettings(this.config).workspace;
    const accessToken = await this.jwt.signAsync(
      { sub: user.id, tid: this.ctx.tenant.id, typ: 'access' },
      { secret: s.secret, audience: s.audience, issuer: s.issuer, algorithm: JWT_ALGORITHM, expiresIn: ACCESS_TOKEN_TTL_SECONDS },
    );
    const refreshToken = newOpaqueToken();
    const refreshExpiresAt = new Date(Date.now() + REFRESH_TTL_MS);
    await this.repo.insertRefreshToken({ userId: user.id, familyId, tokenHash: hashToken(refreshToken), expiresAt: refreshExpiresAt });
    return { session: { accessToken, expiresIn: ACCESS_TOKEN_TTL_SECONDS, user: toUserView(user) }, refreshToken, refreshExpiresAt };
  }

  async sendVerification(user: { id: string; name: string; email: string }): Promise<void> {
    const token = newOpaqueToken();
    await this.repo.insertUserToken({ userId: user.id, purpose: 'verify_email', tokenHash: hashToken(token), expiresAt: new Date(Date.now() + VERIFY_TTL_MS) });
    const url = `${workspaceUrl(this.config, this.ctx.tenant.slug)}/verify-email?token=${token}`;
    await this.mail.send({ tenantId: this.ctx.tenant.id, to: user.email, template: 'verify-email', ...mailTemplates.verifyEmail({ workspace: this.ctx.tenant.name, name: user.name, url }) });
  }

  async verifyEmail(token: string): Promise<{ verified: true }> {
    const userId = await this.repo.consumeUserToken(hashToken(token), 'verify_email');
    if (!userId) throw badRequest('invalid_token', 'This confirmation link is invalid, used or expired. Ask for a new one.', { token: 'is invalid, used or expired' });
    await this.repo.markEmailVerified(userId);
    return { verified: true };
  }

  async resendVerification(principal: MemberPrincipal): Promise<void> {
    if (principal.emailVerified) return;
    await this.requests.hit({ key: `verify:user:t${this.ctx.tenant.id}:${principal.userId}`, max: 3, windowSeconds: 3600, what: 'verification e-mails' });
    await this.sendVerification({ id: principal.userId, name: principal.name, email: principal.email });
  }

  /** Always answers the same, so the endpoint does not reveal which addresses have accounts. */
  async forgotPassword(email: string, ip: string): Promise<void> {
    // Limits protect the inbox being mailed as much as our sending reputation.
    await this.requests.hit(
      { key: `forgot:acct:t${this.ctx.tenant.id}:${email}`, max: 3, windowSeconds: 3600, what: 'reset requests for this address' },
      { key: `forgot:ip:${ip}`, max: 20, windowSeconds: 3600, what: 'reset requests from your network' },
    );
    const user = await this.repo.findUserByEmail(email);
    if (!user) return;
    const token = newOpaqueToken();
    await this.repo.insertUserToken({ userId: user.id, purpose: 'reset_password', tokenHash: hashToken(token), expiresAt: new Date(Date.now() + RESET_TTL_MS) });
    const url = `${workspaceUrl(this.config, this.ctx.tenant.slug)}/reset-password?token=${token}`;
    await this.mail.send({ tenantId: this.ctx.tenant.id, to: user.email, template: 'reset-password', ...mailTemplates.resetPassword({ workspace: this.ctx.tenant.name, name: user.name, url }) });
  }

  async resetPassword(token: string, password: string): Promise<void> {
    const userId = await this.repo.consumeUserToken(hashToken(token), 'reset_password');
    if (!userId) throw badRequest('invalid_token', 'This reset link is invalid, used or expired. Ask for a new one.', { token: 'is invalid, used or expired' });
    await this.repo.setPassword(userId, await hashPassword(password));
    // A reset ends every session, in case the old password was stolen. It also proves the address.
    await this.repo.revokeAllForUser(userId);
    await this.repo.markEmailVerified(userId);
  }
}
