import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

export const InvitationEntity = defineEntity({
  name: 'Invitation',
  tableName: 'invitations',
  schema: '*',
  properties: {
    id: p.uuid().primary(),
    email: p.string(),
    role: p.enum(['admin', 'manager', 'client'] as const),
    tokenHash: p.string().unique(),
    invitedBy: p.uuid(),
    expiresAt: p.datetime(),
    acceptedAt: p.datetime().nullable(),
    revokedAt: p.datetime().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});
export type Invitation = InferEntity<typeof InvitationEntity>;
