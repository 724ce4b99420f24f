import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { generateSecret, generateURI, verify as verifyTotp } from 'otplib';
import { AdminPanelService } from '../admin-panel/admin-panel.service.js';
import { APP_CONFIG, workspaceUrl, type AppConfig } from '../core/config/config.js';
import type { AdminPrincipal } from '../core/auth/principal.js';
import { SecretBox } from '../core/crypto/secret-box.js';
import { hashToken, newOpaqueToken } from '../core/crypto/tokens.js';
import { badRequest, conflict, notFound } from '../core/errors/domain-error.js';
import { MailService } from '../core/mail/mail.service.js';
import { PlatformAuditRepository } from '../control/platform-audit.repository.js';
import { ConsoleRepository } from './console.repository.js';

const INVITATION_DAYS = 3;
const gone = () => notFound('Invitation');

/**
 * A super-admin invites another by e-mail. The invitation carries the new admin's TOTP secret
 * (sealed at rest): the invite page shows it to enrol an authenticator app, and accepting requires
 * a password and a current code from that app, so no admin ever exists without working TOTP.
 */
@Injectable()
export class AdminTeamService {
  private readonly box: SecretBox;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly repo: ConsoleRepository,
    private readonly adminPanel: AdminPanelService,
    private readonly audit: PlatformAuditRepository,
    private readonly mail: MailService,
  ) {
    this.box = new SecretBox(config.settingsKey);
  }

  async list() {
    const [admins, invitations] = await Promise.all([this.repo.listAdmins(), this.repo.listAdminInvitations()]);
    return {
      admins: admins.map((a) => ({ id: a.id, email: a.email, lastLoginAt: a.lastLoginAt?.toISOString() ?? null, createdAt: a.createdAt.toISOString() })),
      invitations: invitations.map((i) => this.view(i)),
    };
  }

  async invite(admin: AdminPrincipal, email: string, ip: string) {
    if ((await this.repo.listAdmins()).some((a) => a.email === email)) throw conflict('admin_exists', `${email} is already an admin.`, { email: 'is already an admin' });
    const token = newOpaqueToken();
    const invitation = await this.repo.createAdminInvitation({
      id: randomUUID(),
      email,
      tokenHash: hashToken(token),
      totpSecretEnc: this.box.seal(generateSecret(), 'admin-invitation-totp'),
      invitedBy: admin.adminId,
      expiresAt: new Date(Date.now() + INVITATION_DAYS * 86_400_000),
    });
    const url = `${workspaceUrl(this.config, 'admin')}/accept-invite?token=${token}`;
    await this.mail.send({ tenantId: null, to: email, template: 'admin-invitation', vars: { inviter: admin.email, url, days: INVITATION_DAYS } });
    await this.audit.record({ actorType: 'admin', actorId: admin.adminId, action: 'admin.invited', targetId: invitation.id, meta: { email }, ip });
    return this.view(invitation);
  }

  async preview(token: string) {
    const invitation = await this.open(token);
    const secret = this.box.open(invitation.totpSecretEnc, 'admin-invitation-totp');
    return { email: invitation.email, totpSecret: secret, otpauthUri: generateURI({ issuer: 'InstaGrowth OS', label: invitation.email, secret }), expiresAt: invitation.expiresAt.toISOString() };
  }

  async accept(input: { token: string; password: string; totp: string }, ip: string) {
    const invitation = await this.open(input.token);
    const secret = this.box.open(invitation.totpSecretEnc, 'admin-invitation-totp');
    const check = await verifyTotp({ secret, token: input.totp, epochTolerance: 30 });
    if (!check.valid) throw badRequest('invalid_totp', 'The authenticator code is wrong: add the key to your app and enter the current code.', { totp: 'is not the current code for this key' });
    if (!(await this.repo.claimInvitation(invitation.id))) throw gone();
    const created = await this.adminPanel.createAdmin(invitation.email, input.password, secret);
    await this.audit.record({ actorType: 'admin', actorId: created.id, action: 'admin.invitation_accepted', targetId: invitation.id, meta: { email: invitation.email, invitedBy: invitation.invitedBy }, ip });
    return this.adminPanel.startSession({ id: created.id, email: invitation.email }, ip);
  }

  private async open(token: string) {
    const invitation = await this.repo.findInvitationByHash(hashToken(token));
    if (!invitation || invitation.acceptedAt || invitation.expiresAt.getTime() <= Date.now()) throw gone();
    return invitation;
  }

  private view(i: { id: string; email: string; expiresAt: Date; acceptedAt: Date | null; createdAt: Date }) {
    return { id: i.id, email: i.email, expiresAt: i.expiresAt.toISOString(), acceptedAt: i.acceptedAt?.toISOString() ?? null, createdAt: i.createdAt.toISOString() };
  }
}
