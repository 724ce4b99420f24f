import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

export { UserEntity, AssignmentEntity, type User, type Assignment } from '../members/member.entity.js';


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
