import { randomUUID } from 'node:crypto';
import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { rulesFor } from '@instagrowth/authz';
import type { LoginInput } from '@instagrowth/contracts';
import { APP_CONFIG, workspaceUrl, type AppConfig } from '../core/config/config.js';
import { ACCESS_TOKEN_TTL_SECONDS, JWT_ALGORITHM, jwtSettings } from '../core/auth/jwt-keys.js';
import type { MemberPrincipal } from '../core/auth/principal.js';
import { dummyPasswordHash, hashPassword, verifyPassword } from '../core/crypto/passwords.js';
import { hashToken, newOpaqueToken } from '../core/crypto/tokens.js';
import { badRequest, conflict, notFound, unauthorized } from '../core/errors/domain-error.js';
import { assertStrongPassword } from '../core/crypto/password-policy.js';
import { JobRunner } from '../core/queue/job-runner.service.js';
import { JobsService } from '../core/queue/jobs.service.js';
import { MailService } from '../core/mail/mail.service.js';
import { LoginThrottle } from '../core/rate-limit/login-throttle.service.js';
import { RequestThrottle } from '../core/rate-limit/request-throttle.service.js';
import { TenantContext } from '../core/tenancy/tenant-context.js';
import type { User } from './auth.entity.js';
import { toUserView, type IssuedSession } from './auth.dto.js';
import { AuthRepository } from './auth.repository.js';
import { forgotPasswordJob } from './auth.jobs.js';

const REFRESH_TTL_MS = 30 * 86_400_000;
const VERIFY_TTL_MS = 48 * 3_600_000;
const RESET_TTL_MS = 3_600_000;
const EMAIL_CHANGE_TTL_MS = 24 * 3_600_000;
/**
 * Two tabs refreshing at once present the same token: within this window the second gets a fresh
 * token in the same family instead of tripping reuse detection. Later reuse still revokes the family.
 */
export const REFRESH_GRACE_MS = 1_000;

/** Where a session was opened from (shown on the profile page). */
export interface ClientInfo {
  userAgent?: string | null;
  ip?: string | null;
}

@Injectable()
export class AuthService implements OnModuleInit {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly repo: AuthRepository,
    private readonly jwt: JwtService,
    private readonly throttle: LoginThrottle,
    private readonly mail: MailService,
    private readonly ctx: TenantContext,
    private readonly requests: RequestThrottle,
    private readonly jobs: JobsService,
    private readonly runner: JobRunner,
  ) {}

  onModuleInit(): void {
    // The lookup and mail happen here, off the request, so known and unknown addresses answer alike.
    this.runner.handle(forgotPasswordJob, ({ email }) => this.sendResetLink(email));
  }

  async login(input: LoginInput, ip: string, client: ClientInfo = {}): Promise<IssuedSession> {
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
    return this.issueSession(user, randomUUID(), { ip, ...client });
  }

  /** Rotation with reuse detection: a token presented twice revokes its whole family. */
  async refresh(refreshToken: string | undefined, client: ClientInfo = {}): Promise<IssuedSession> {
    if (!refreshToken) throw unauthorized('invalid_refresh_token', 'No session to refresh. Sign in again.');
    const hash = hashToken(refreshToken);
    let consumed = await this.repo.consumeRefreshToken(hash);
    if (!consumed) {
      const known = await this.repo.findRefreshToken(hash);
      const inGrace =
        known && known.usedAt && !known.revokedAt && new Date(known.expiresAt).getTime() > Date.now() && Date.now() - new Date(known.usedAt).getTime() <= REFRESH_GRACE_MS;
      if (inGrace) consumed = { userId: known.userId, familyId: known.familyId };
      else {
        if (known && known.usedAt) await this.repo.revokeFamily(known.familyId);
        throw unauthorized('invalid_refresh_token', 'This session has ended. Sign in again.');
      }
    }
    const user = await this.repo.findUserById(consumed.userId);
    if (!user) throw unauthorized('invalid_refresh_token', 'This session has ended. Sign in again.');
    return this.issueSession(user, consumed.familyId, client);
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

  async issueSession(user: User, familyId: string, client: ClientInfo = {}): Promise<IssuedSession> {
    const s = jwtSettings(this.config).workspace;
    const accessToken = await this.jwt.signAsync(
      // `sid` names the session (refresh-token family), so the profile page can mark "this device".
      { sub: user.id, tid: this.ctx.tenant.id, sid: familyId, typ: 'access' },
      { secret: s.secret, audience: s.audience, issuer: s.issuer, algorithm: JWT_ALGORITHM, expiresIn: ACCESS_TOKEN_TTL_SECONDS },
    );
    const refreshToken = newOpaqueToken();
    const refreshExpiresAt = new Date(Date.now() + REFRESH_TTL_MS);
    await this.repo.insertRefreshToken({
      userId: user.id,
      familyId,
      tokenHash: hashToken(refreshToken),
      expiresAt: refreshExpiresAt,
      userAgent: client.userAgent?.slice(0, 400) ?? null,
      ip: client.ip ?? null,
    });
    return { session: { accessToken, expiresIn: ACCESS_TOKEN_TTL_SECONDS, user: toUserView(user) }, refreshToken, refreshExpiresAt };
  }

  async sendVerification(user: { id: string; name: string; email: string }): Promise<void> {
    const token = newOpaqueToken();
    await this.repo.insertUserToken({ userId: user.id, purpose: 'verify_email', tokenHash: hashToken(token), expiresAt: new Date(Date.now() + VERIFY_TTL_MS) });
    const url = `${workspaceUrl(this.config, this.ctx.tenant.slug)}/verify-email?token=${token}`;
    await this.mail.send({ tenantId: this.ctx.tenant.id, to: user.email, template: 'verify-email', vars: { name: user.name, url } });
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
    await this.jobs.dispatch(forgotPasswordJob, { email });
  }

  private async sendResetLink(email: string): Promise<void> {
    const user = await this.repo.findUserByEmail(email);
    if (!user) return;
    const token = newOpaqueToken();
    await this.repo.insertUserToken({ userId: user.id, purpose: 'reset_password', tokenHash: hashToken(token), expiresAt: new Date(Date.now() + RESET_TTL_MS) });
    const url = `${workspaceUrl(this.config, this.ctx.tenant.slug)}/reset-password?token=${token}`;
    await this.mail.send({ tenantId: this.ctx.tenant.id, to: user.email, template: 'reset-password', vars: { name: user.name, url } });
  }

  async resetPassword(token: string, password: string): Promise<void> {
    // Checked before the token is spent, so a refused password leaves the link usable.
    const owner = await this.repo.findLiveUserTokenOwner(hashToken(token), 'reset_password');
    const user = owner ? await this.repo.findUserById(owner) : null;
    if (user) assertStrongPassword(password, user.email);
    const userId = await this.repo.consumeUserToken(hashToken(token), 'reset_password');
    if (!userId) throw badRequest('invalid_token', 'This reset link is invalid, used or expired. Ask for a new one.', { token: 'is invalid, used or expired' });
    // A reset ends every session, in case the old password was stolen. It also proves the address.
    await this.repo.replacePassword(userId, await hashPassword(password), { verifyEmail: true });
  }

  // Profile: any signed-in member changes their own name, password and address, and sees sessions.

  async updateProfile(principal: MemberPrincipal, name: string) {
    const user = await this.repo.setName(principal.userId, name);
    if (!user) throw notFound('User');
    return { user: toUserView(user) };
  }

  /** Ends every other session (a changed password should lock out whoever knew the old one). */
  async changePassword(principal: MemberPrincipal, currentPassword: string, newPassword: string): Promise<void> {
    await this.requests.hit({ key: `password:user:t${this.ctx.tenant.id}:${principal.userId}`, max: 10, windowSeconds: 900, what: 'password attempts' });
    const user = await this.repo.findUserById(principal.userId);
    if (!user || !(await verifyPassword(user.passwordHash, currentPassword))) {
      throw badRequest('wrong_password', 'Your current password is not right.', { currentPassword: 'is not your current password' });
    }
    assertStrongPassword(newPassword, user.email, 'newPassword');
    await this.repo.replacePassword(user.id, await hashPassword(newPassword), { keepFamilyId: principal.sessionId });
  }

  /** Mails a confirmation link to the new address; the switch happens only when it is followed. */
  async requestEmailChange(principal: MemberPrincipal, password: string, email: string): Promise<void> {
    await this.requests.hit({ key: `email-change:user:t${this.ctx.tenant.id}:${principal.userId}`, max: 5, windowSeconds: 3600, what: 'e-mail changes' });
    const user = await this.repo.findUserById(principal.userId);
    if (!user || !(await verifyPassword(user.passwordHash, password))) {
      throw badRequest('wrong_password', 'Your password is not right.', { password: 'is not your password' });
    }
    if (email === user.email) throw badRequest('same_email', 'That is already your address.', { email: 'is already your address' });
    if (await this.repo.findUserByEmail(email)) throw emailTaken();
    const token = newOpaqueToken();
    await this.repo.insertUserToken({ userId: user.id, purpose: 'change_email', tokenHash: hashToken(token), expiresAt: new Date(Date.now() + EMAIL_CHANGE_TTL_MS), newEmail: email });
    const url = `${workspaceUrl(this.config, this.ctx.tenant.slug)}/confirm-email?token=${token}`;
    await this.mail.send({ tenantId: this.ctx.tenant.id, to: email, template: 'confirm-email-change', vars: { name: user.name, url } });
  }

  async confirmEmailChange(token: string): Promise<void> {
    const row = await this.repo.consumeUserTokenRow(hashToken(token), 'change_email');
    if (!row?.newEmail) throw badRequest('invalid_token', 'This confirmation link is invalid, used or expired. Ask for a new one.', { token: 'is invalid, used or expired' });
    if (!(await this.repo.setEmail(row.userId, row.newEmail))) throw emailTaken();
  }

  async listSessions(principal: MemberPrincipal) {
    const sessions = await this.repo.listSessions(principal.userId);
    return {
      sessions: sessions.map((s) => ({
        id: s.familyId,
        createdAt: s.createdAt.toISOString(),
        lastUsedAt: s.lastUsedAt.toISOString(),
        userAgent: s.userAgent,
        ip: s.ip,
        current: s.familyId === principal.sessionId,
      })),
    };
  }

  async revokeSession(principal: MemberPrincipal, sessionId: string): Promise<void> {
    if (!(await this.repo.revokeUserFamily(principal.userId, sessionId))) throw notFound('Session');
  }

  async revokeOtherSessions(principal: MemberPrincipal): Promise<void> {
    await this.repo.revokeOtherFamilies(principal.userId, principal.sessionId);
  }
}

const emailTaken = () => conflict('email_taken', 'Another member of this workspace already uses that address.', { email: 'is taken' });
