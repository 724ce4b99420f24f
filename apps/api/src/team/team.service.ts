import { assertStrongPassword } from '../core/crypto/password-policy.js';
import { LimitsService } from '../limits/limits.service.js';
import { Inject, Injectable } from '@nestjs/common';
import { asSubject, assignableRoles } from '@instagrowth/authz';
import type { Role } from '@instagrowth/contracts';
import { APP_CONFIG, workspaceUrl, type AppConfig } from '../core/config/config.js';
import type { MemberPrincipal } from '../core/auth/principal.js';
import { hashPassword } from '../core/crypto/passwords.js';
import { hashToken, newOpaqueToken } from '../core/crypto/tokens.js';
import { conflict, DomainError, forbidden, notFound } from '../core/errors/domain-error.js';
import { MailService } from '../core/mail/mail.service.js';
import { RequestThrottle } from '../core/rate-limit/request-throttle.service.js';
import { TenantContext } from '../core/tenancy/tenant-context.js';
import { toUserView } from '../members/member.view.js';
import type { User } from '../members/member.entity.js';
import { toInvitationView } from './team.dto.js';
import { TeamRepository } from './team.repository.js';

const INVITATION_TTL_MS = 7 * 86_400_000;

@Injectable()
export class TeamService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly repo: TeamRepository,
    private readonly mail: MailService,
    private readonly ctx: TenantContext,
    private readonly throttle: RequestThrottle,
    private readonly limits: LimitsService,
  ) {}

  async listMembers() {
    return { data: (await this.repo.listMembers()).map(toUserView) };
  }

  async changeRole(actor: MemberPrincipal, memberId: string, role: Role) {
    const member = await this.repo.findMember(memberId);
    if (!member) throw notFound('Member');
    if (!actor.ability.can('update', asSubject('Member', { id: member.id, role: member.role })) || !assignableRoles(actor.role).includes(role)) {
      throw forbidden(`A ${actor.role} cannot make someone ${role === 'owner' ? 'an owner' : `a ${role}`}.`);
    }
    if (member.role === 'owner' && role !== 'owner' && (await this.repo.countOwners()) <= 1) {
      throw conflict('last_owner', 'A workspace needs at least one owner. Make someone else owner first.');
    }
    await this.repo.setRole(memberId, role);
    return toUserView({ ...member, role });
  }

  async removeMember(actor: MemberPrincipal, memberId: string): Promise<void> {
    const member = await this.repo.findMember(memberId);
    if (!member) throw notFound('Member');
    if (!actor.ability.can('delete', asSubject('Member', { id: member.id, role: member.role }))) throw forbidden();
    if (member.role === 'owner' && (await this.repo.countOwners()) <= 1) {
      throw conflict('last_owner', 'A workspace needs at least one owner.');
    }
    await this.repo.deleteMember(memberId);
  }

  async listInvitations() {
    return { data: (await this.repo.listPendingInvitations()).map(toInvitationView) };
  }

  async invite(actor: MemberPrincipal, email: string, role: Exclude<Role, 'owner'>) {
    if (!assignableRoles(actor.role).includes(role)) throw forbidden(`A ${actor.role} cannot invite a ${role}.`);
    await this.throttle.hit({ key: `invite:t${this.ctx.tenant.id}`, max: 50, windowSeconds: 3600, what: 'invitations from this workspace' });
    if ((await this.repo.listMembers()).some((m) => m.email === email)) {
      throw conflict('already_member', `${email} is already a member of this workspace.`, { email: 'is already a member' });
    }
    if (await this.repo.findPendingInvitationByEmail(email)) {
      throw conflict('already_invited', `${email} already has a pending invitation. Revoke it to send a new one.`, { email: 'already has a pending invitation' });
    }
    // A pending invitation holds its seat (or client login), so the limit is checked here.
    await this.limits.assertCanAdd(role === 'client' ? 'clientLogins' : 'seats');
    const token = newOpaqueToken();
    const invitation = await this.repo.createInvitation({ email, role, tokenHash: hashToken(token), invitedBy: actor.userId, expiresAt: new Date(Date.now() + INVITATION_TTL_MS) });
    const url = `${workspaceUrl(this.config, this.ctx.tenant.slug)}/invite?token=${token}`;
    await this.mail.send({ tenantId: this.ctx.tenant.id, to: email, template: 'invitation', vars: { inviter: actor.name, role, url } });
    return toInvitationView(invitation);
  }

  async revokeInvitation(id: string): Promise<void> {
    if (!(await this.repo.revokeInvitation(id))) throw notFound('Invitation');
  }

  async previewInvitation(token: string) {
    const invitation = await this.repo.findLiveInvitationByHash(hashToken(token));
    if (!invitation) throw invalidInvitation();
    return { email: invitation.email, role: invitation.role, workspaceName: this.ctx.tenant.name };
  }

  async acceptInvitation(input: { token: string; name: string; password: string }): Promise<User> {
    const invitation = await this.repo.findLiveInvitationByHash(hashToken(input.token));
    if (!invitation) throw invalidInvitation();
    assertStrongPassword(input.password, invitation.email);
    const user = await this.repo.acceptInvitation(hashToken(input.token), { name: input.name, passwordHash: await hashPassword(input.password) });
    if (!user) throw invalidInvitation();
    return user;
  }
}

/** A token that matches no live invitation: 404, naming the field like the other one-time links do. */
const invalidInvitation = () =>
  new DomainError('invalid_token', 404, 'This invitation is invalid, already used or expired. Ask for a new one.', { token: 'is invalid, used or expired' });
