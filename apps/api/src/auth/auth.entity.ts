import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { ROLES } from '@instagrowth/contracts';

/** Tenant entities live in every tenant schema: `schema: '*'` lets a forked EntityManager pick it. */
export const UserEntity = defineEntity({
  name: 'User',
  tableName: 'users',
  schema: '*',
  properties: {
    id: p.uuid().primary(),
    email: p.string().unique(),
    name: p.string(),
    passwordHash: p.string(),
    role: p.enum(ROLES),
    emailVerifiedAt: p.datetime().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p.datetime().onCreate(() => new Date()).onUpdate(() => new Date()),
  },
});
export type User = InferEntity<typeof UserEntity>;

export const RefreshTokenEntity = defineEntity({
  name: 'RefreshToken',
  tableName: 'refresh_tokens',
  schema: '*',
  properties: {
    id: p.uuid().primary(),
    userId: p.uuid().index(),
    familyId: p.uuid().index(),
    tokenHash: p.string().unique(),
    expiresAt: p.datetime(),
    usedAt: p.datetime().nullable(),
    revokedAt: p.datetime().nullable(),
    userAgent: p.text().nullable(),
    ip: p.text().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});
export type RefreshToken = InferEntity<typeof RefreshTokenEntity>;

/** Single-use tokens mailed to a user: e-mail verification and password reset. Stored hashed. */
export const UserTokenEntity = defineEntity({
  name: 'UserToken',
  tableName: 'user_tokens',
  schema: '*',
  properties: {
    id: p.uuid().primary(),
    userId: p.uuid().index(),
    purpose: p.enum(['verify_email', 'reset_password', 'change_email'] as const),
    newEmail: p.text().nullable(),
    tokenHash: p.string().unique(),
    expiresAt: p.datetime(),
    usedAt: p.datetime().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});
export type UserToken = InferEntity<typeof UserTokenEntity>;

/** Which resources (Instagram accounts, …) a manager or client works on. Part of their ability. */
export const AssignmentEntity = defineEntity({
  name: 'Assignment',
  tableName: 'assignments',
  schema: '*',
  properties: {
    userId: p.uuid().primary(),
    resourceType: p.string().primary(),
    resourceId: p.string().primary(),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});
export type Assignment = InferEntity<typeof AssignmentEntity>;
