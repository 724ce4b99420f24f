import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { Role } from '@instagrowth/contracts';
import { TenantContext } from '../core/tenancy/tenant-context.js';
import { UserEntity, type User } from '../auth/auth.entity.js';
import { InvitationEntity, type Invitation } from './team.entity.js';

@Injectable()
export class TeamRepository {
  constructor(private readonly ctx: TenantContext) {}

  listMembers(): Promise<User[]> {
    return this.ctx.em.fork().find(UserEntity, {}, { orderBy: { createdAt: 'asc' } });
  }

  findMember(id: string): Promise<User | null> {
    return this.ctx.em.fork().findOne(UserEntity, { id });
  }

  countOwners(): Promise<number> {
    return this.ctx.em.fork().count(UserEntity, { role: 'owner' });
  }

  async setRole(id: string, role: Role): Promise<void> {
    await this.ctx.em.fork().nativeUpdate(UserEntity, { id }, { role, updatedAt: new Date() });
  }

  async deleteMember(id: string): Promise<void> {
    await this.ctx.em.fork().nativeDelete(UserEntity, { id });
  }

  listPendingInvitations(): Promise<Invitation[]> {
    return this.ctx.em.fork().find(InvitationEntity, { acceptedAt: null, revokedAt: null, expiresAt: { $gt: new Date() } }, { orderBy: { createdAt: 'desc' } });
  }

  findPendingInvitationByEmail(email: string): Promise<Invitation | null> {
    return this.ctx.em.fork().findOne(InvitationEntity, { email, acceptedAt: null, revokedAt: null, expiresAt: { $gt: new Date() } });
  }

  findInvitation(id: string): Promise<Invitation | null> {
    return this.ctx.em.fork().findOne(InvitationEntity, { id, acceptedAt: null, revokedAt: null });
  }

  findLiveInvitationByHash(tokenHash: string): Promise<Invitation | null> {
    return this.ctx.em.fork().findOne(InvitationEntity, { tokenHash, acceptedAt: null, revokedAt: null, expiresAt: { $gt: new Date() } });
  }

  async createInvitation(input: { email: string; role: Invitation['role']; tokenHash: string; invitedBy: string; expiresAt: Date }): Promise<Invitation> {
    const em = this.ctx.em.fork();
    // An expired, never-accepted invitation for the same address is replaced.
    await em.nativeUpdate(InvitationEntity, { email: input.email, acceptedAt: null, revokedAt: null, expiresAt: { $lte: new Date() } }, { revokedAt: new Date() });
    const invitation = em.create(InvitationEntity, { id: randomUUID(), ...input, acceptedAt: null, revokedAt: null, createdAt: new Date() });
    await em.flush();
    return invitation;
  }

  async revokeInvitation(id: string): Promise<boolean> {
    return (await this.ctx.em.fork().nativeUpdate(InvitationEntity, { id, acceptedAt: null, revokedAt: null }, { revokedAt: new Date() })) > 0;
  }

  /**
   * Accepting is one transaction: the invitation is claimed (only one claimant wins) and the
   * member created together, so a failure leaves the invitation usable.
   */
  async acceptInvitation(tokenHash: string, user: { name: string; passwordHash: string }): Promise<User | null> {
    return this.ctx.em.fork().transactional(async (tx) => {
      const invitation = await tx.findOne(InvitationEntity, { tokenHash, acceptedAt: null, revokedAt: null, expiresAt: { $gt: new Date() } }, { lockMode: 4 /* pessimistic write */ });
      if (!invitation) return null;
      invitation.acceptedAt = new Date();
      const now = new Date();
      const created = tx.create(UserEntity, {
        id: randomUUID(),
        email: invitation.email,
        name: user.name,
        passwordHash: user.passwordHash,
        role: invitation.role,
        // The invitation link reached this inbox, which proves the address.
        emailVerifiedAt: now,
        createdAt: now,
        updatedAt: now,
      });
      await tx.flush();
      return created;
    });
  }
}
