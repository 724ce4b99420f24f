import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { Role } from '@instagrowth/contracts';
import { TenantDb } from '../core/tenancy/tenant-db.js';
import { sql, tenantTable } from '../core/database/sql.js';
import { RefreshTokenEntity, UserEntity, UserTokenEntity, type RefreshToken, type User, type UserToken } from './auth.entity.js';

/** Users and their tokens, always in the current tenant's schema. */
@Injectable()
export class AuthRepository {
  constructor(private readonly db: TenantDb) {}

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

  async setPassword(userId: string, passwordHash: string): Promise<void> {
    await this.db.fork().nativeUpdate(UserEntity, { id: userId }, { passwordHash, updatedAt: new Date() });
  }

  async markEmailVerified(userId: string): Promise<void> {
    await this.db.fork().nativeUpdate(UserEntity, { id: userId, emailVerifiedAt: null }, { emailVerifiedAt: new Date() });
  }

  async insertRefreshToken(input: { userId: string; familyId: string; tokenHash: string; expiresAt: Date }): Promise<void> {
    const em = this.db.fork();
    em.create(RefreshTokenEntity, { id: randomUUID(), ...input, usedAt: null, revokedAt: null, createdAt: new Date() });
    await em.flush();
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
    return this.db.fork().nativeUpdate(RefreshTokenEntity, { userId, revokedAt: null }, { revokedAt: new Date() });
  }

  async insertUserToken(input: { userId: string; purpose: UserToken['purpose']; tokenHash: string; expiresAt: Date }): Promise<void> {
    const em = this.db.fork();
    em.create(UserTokenEntity, { id: randomUUID(), ...input, usedAt: null, createdAt: new Date() });
    await em.flush();
  }

  /** Single use, atomically; returns the user id the token was for. */
  async consumeUserToken(tokenHash: string, purpose: UserToken['purpose']): Promise<string | null> {
    const rows = await this.db.query<{ user_id: string }>(
      sql`update ${tenantTable('user_tokens')} set used_at = now()
        where token_hash = ${tokenHash} and purpose = ${purpose} and used_at is null and expires_at > now()
        returning user_id`,
    );
    return rows[0]?.user_id ?? null;
  }
}
