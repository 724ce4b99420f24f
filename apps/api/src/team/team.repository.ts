import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { Role } from '@instagrowth/contracts';
import { TenantDb } from '../core/tenancy/tenant-db.js';
import { PrincipalRepository } from '../core/auth/principal.repository.js';
import { UserEntity, type User } from '../members/member.entity.js';
import { InvitationEntity, type Invitation } from './team.entity.js';

@Injectable()
export class TeamRepository {
  constructor(
    private readonly db: TenantDb,
    private readonly principals: PrincipalRepository,
  ) {}

  listMembers(): Promise<User[]> {
    return this.db.fork().find(UserEntity, {}, { orderBy: { createdAt: 'asc' } });
  }

  findMember(id: string): Promise<User | null> {
    return this.db.fork().findOne(UserEntity, { id });
  }

  countOwners(): Promise<number> {
    return this.db.fork().count(UserEntity, { role: 'owner' });
  }

  async setRole(id: string, role: Role): Promise<void> {
    await this.db.fork().nativeUpdate(UserEntity, { id }, { role, updatedAt: new Date() });
    await this.principals.membersChanged();
  }

  async deleteMember(id: string): Promise<void> {
    await this.db.fork().nativeDelete(UserEntity, { id });
    await this.principals.membersChanged();
  }

  listPendingInvitations(): Promise<Invitation[]> {
    return this.db.fork().find(InvitationEntity, { acceptedAt: null, revokedAt: null, expiresAt: { $gt: new Date() } }, { orderBy: { createdAt: 'desc' } });
  }

  findPendingInvitationByEmail(email: string): Promise<Invitation | null> {
    return this.db.fork().findOne(InvitationEntity, { email, acceptedAt: null, revokedAt: null, expiresAt: { $gt: new Date() } });
  }

  findInvitation(id: string): Promise<Invitation | null> {
    return this.db.fork().findOne(InvitationEntity, { id, acceptedAt: null, revokedAt: null });
  }

  findLiveInvitationByHash(tokenHash: string): Promise<Invitation | null> {
    return this.db.fork().findOne(InvitationEntity, { tokenHash, acceptedAt: null, revokedAt: null, expiresAt: { $gt: new Date() } });
  }

  async createInvitation(input: { email: string; role: Invitation['role']; tokenHash: string; invitedBy: string; expiresAt: Date }): Promise<Invitation> {
    // Both in one unit of work: the replaced invitation is revoked only if the new one is stored.
    return this.db.unitOfWork(async () => {
      const em = this.db.fork();
      // An expired, never-accepted invitation for the same address is replaced.
      await em.nativeUpdate(InvitationEntity, { email: input.email, acceptedAt: null, revokedAt: null, expiresAt: { $lte: new Date() } }, { revokedAt: new Date() });
      const invitation = em.create(InvitationEntity, { id: randomUUID(), ...input, acceptedAt: null, revokedAt: null, createdAt: new Date() });
      await em.flush();
      return invitation;
    });
  }

  async revokeInvitation(id: string): Promise<boolean> {
    return (await this.db.fork().nativeUpdate(InvitationEntity, { id, acceptedAt: null, revokedAt: null }, { revokedAt: new Date() })) > 0;
  }

  /**
   * Accepting is one transaction: the invitation is claimed (only one claimant wins) and the
   * member created together, so a failure leaves the invitation usable.
   */
  async acceptInvitation(tokenHash: string, user: { name: string; passwordHash: string }): Promise<User | null> {
    return this.db.unitOfWork(async () => {
      const tx = this.db.fork();
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
