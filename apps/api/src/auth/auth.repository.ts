import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { Role } from '@instagrowth/contracts';
import { TenantDb } from '../core/tenancy/tenant-db.js';
import { PrincipalRepository } from '../core/auth/principal.repository.js';
import { sql, tenantTable } from '../core/database/sql.js';
import { RefreshTokenEntity, UserEntity, UserTokenEntity, type RefreshToken, type User, type UserToken } from './auth.entity.js';

/** Users and their tokens, always in the current tenant's schema. */
@Injectable()
export class AuthRepository {
  constructor(
    private readonly db: TenantDb,
    private readonly principals: PrincipalRepository,
  ) {}

  findUserByEmail(email: string): Promise<User | null> {
    return this.db.fork().findOne(UserEntity, { email });
  }

  findUserById(id: string): Promise<User | null> {
    return this.db.fork().findOne(UserEntity, { id });
  }

  async createUser(input: { email: string; name: string; passwordHash: string; role: Role; emailVerified?: boolean }): Promise<User> {
    const em = this.db.fork();
    const now = new Date();
    const user = em.create(UserEntity, {
      id: randomUUID(),
      email: input.email,
      name: input.name,
      passwordHash: input.passwordHash,
      role: input.role,
      emailVerifiedAt: input.emailVerified ? now : null,
      createdAt: now,
      updatedAt: now,
    });
    await em.flush();
    return user;
  }

  /**
   * One transaction: the new password, the end of every session but `keepFamilyId`, and (after a
   * mailed reset, which proves the inbox) the address verified. Never a new password with old sessions alive.
   */
  async replacePassword(userId: string, passwordHash: string, options: { keepFamilyId?: string; verifyEmail?: boolean }): Promise<void> {
    await this.db.unitOfWork(async () => {
      const tx = this.db.em;
      const now = new Date();
      await tx.nativeUpdate(UserEntity, { id: userId }, { passwordHash, updatedAt: now });
      const sessions = options.keepFamilyId ? { userId, revokedAt: null, familyId: { $ne: options.keepFamilyId } } : { userId, revokedAt: null };
      await tx.nativeUpdate(RefreshTokenEntity, sessions, { revokedAt: now });
      if (options.verifyEmail) await tx.nativeUpdate(UserEntity, { id: userId, emailVerifiedAt: null }, { emailVerifiedAt: now });
      await this.principals.membersChanged();
    });
  }

  async markEmailVerified(userId: string): Promise<void> {
    await this.db.fork().nativeUpdate(UserEntity, { id: userId, emailVerifiedAt: null }, { emailVerifiedAt: new Date() });
    await this.principals.membersChanged();
  }

  async insertRefreshToken(input: { userId: string; familyId: string; tokenHash: string; expiresAt: Date; userAgent?: string | null; ip?: string | null }): Promise<void> {
    const em = this.db.fork();
    em.create(RefreshTokenEntity, { id: randomUUID(), ...input, userAgent: input.userAgent ?? null, ip: input.ip ?? null, usedAt: null, revokedAt: null, createdAt: new Date() });
    await em.flush();
  }

  /** Live sessions: refresh-token families with a token neither used, revoked nor expired. */
  async listSessions(userId: string): Promise<{ familyId: string; createdAt: Date; lastUsedAt: Date; userAgent: string | null; ip: string | null }[]> {
    const rows = await this.db.query<{ family_id: string; created_at: Date; last_used_at: Date; user_agent: string | null; ip: string | null }>(
      sql`select family_id, min(created_at) as created_at, max(created_at) as last_used_at,
              (array_agg(user_agent order by created_at desc))[1] as user_agent,
              (array_agg(ip order by created_at desc))[1] as ip
         from ${tenantTable('refresh_tokens')}
        where user_id = ${userId}
        group by family_id
       having bool_or(used_at is null and revoked_at is null and expires_at > now())
        order by max(created_at) desc`,
    );
    return rows.map((r) => ({ familyId: r.family_id, createdAt: new Date(r.created_at), lastUsedAt: new Date(r.last_used_at), userAgent: r.user_agent, ip: r.ip }));
  }

  /** Ends one of the user's sessions; 0 when it is not theirs or already ended. */
  async revokeUserFamily(userId: string, familyId: string): Promise<number> {
    return this.db.fork().nativeUpdate(RefreshTokenEntity, { userId, familyId, revokedAt: null }, { revokedAt: new Date() });
  }

  async revokeOtherFamilies(userId: string, keepFamilyId: string | undefined): Promise<number> {
    const where = keepFamilyId ? { userId, revokedAt: null, familyId: { $ne: keepFamilyId } } : { userId, revokedAt: null };
    return this.db.fork().nativeUpdate(RefreshTokenEntity, where, { revokedAt: new Date() });
  }

  async setName(userId: string, name: string): Promise<User | null> {
    const em = this.db.fork();
    await em.nativeUpdate(UserEntity, { id: userId }, { name, updatedAt: new Date() });
    await this.principals.membersChanged();
    return em.findOne(UserEntity, { id: userId });
  }

  /** Switches the address; false when another user has it (the unique index decides races). */
  async setEmail(userId: string, email: string): Promise<boolean> {
    try {
      await this.db.fork().nativeUpdate(UserEntity, { id: userId }, { email, emailVerifiedAt: new Date(), updatedAt: new Date() });
      await this.principals.membersChanged();
      return true;
    } catch (error) {
      if ((error as { code?: string }).code === '23505' || /unique/i.test(String((error as Error).message))) return false;
      throw error;
    }
  }

  /**
   * Marks a live refresh token used, atomically: of two requests racing with the same token only
   * one gets the row back. Null means the token is unknown, expired, used or revoked.
   */
  async consumeRefreshToken(tokenHash: string): Promise<{ userId: string; familyId: string } | null> {
    const rows = await this.db.query<{ user_id: string; family_id: string }>(
      sql`update ${tenantTable('refresh_tokens')} set used_at = now()
        where token_hash = ${tokenHash} and used_at is null and revoked_at is null and expires_at > now()
        returning user_id, family_id`,
    );
    return rows[0] ? { userId: rows[0].user_id, familyId: rows[0].family_id } : null;
  }

  findRefreshToken(tokenHash: string): Promise<RefreshToken | null> {
    return this.db.fork().findOne(RefreshTokenEntity, { tokenHash });
  }

  async revokeFamily(familyId: string): Promise<number> {
    return this.db.fork().nativeUpdate(RefreshTokenEntity, { familyId, revokedAt: null }, { revokedAt: new Date() });
  }

  async revokeAllForUser(userId: string): Promise<number> {
    const revoked = await this.db.fork().nativeUpdate(RefreshTokenEntity, { userId, revokedAt: null }, { revokedAt: new Date() });
    await this.principals.membersChanged();
    return revoked;
  }

  async insertUserToken(input: { userId: string; purpose: UserToken['purpose']; tokenHash: string; expiresAt: Date; newEmail?: string }): Promise<void> {
    const em = this.db.fork();
    em.create(UserTokenEntity, { id: randomUUID(), ...input, newEmail: input.newEmail ?? null, usedAt: null, createdAt: new Date() });
    await em.flush();
  }

  async findLiveUserTokenOwner(tokenHash: string, purpose: UserToken['purpose']): Promise<string | null> {
    const row = await this.db.fork().findOne(UserTokenEntity, { tokenHash, purpose, usedAt: null, expiresAt: { $gt: new Date() } });
    return row?.userId ?? null;
  }

  /** Single use, atomically; returns the user id the token was for. */
  async consumeUserToken(tokenHash: string, purpose: UserToken['purpose']): Promise<string | null> {
    return (await this.consumeUserTokenRow(tokenHash, purpose))?.userId ?? null;
  }

  async consumeUserTokenRow(tokenHash: string, purpose: UserToken['purpose']): Promise<{ userId: string; newEmail: string | null } | null> {
    const rows = await this.db.query<{ user_id: string; new_email: string | null }>(
      sql`update ${tenantTable('user_tokens')} set used_at = now()
        where token_hash = ${tokenHash} and purpose = ${purpose} and used_at is null and expires_at > now()
        returning user_id, new_email`,
    );
    return rows[0] ? { userId: rows[0].user_id, newEmail: rows[0].new_email } : null;
  }
}
