import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { ROLES } from '@instagrowth/contracts';

/**
 * A workspace's members and what they are assigned to: read by auth (sign-in, sessions), team
 * (roles, removal), accounts and clients (assignments), so they live here, not in any of them.
 */
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
