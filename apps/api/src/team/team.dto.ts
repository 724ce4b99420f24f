import type { InvitationView } from '@instagrowth/contracts';
import type { Invitation } from './team.entity.js';

export { changeRoleSchema, inviteSchema } from '@instagrowth/contracts';

export function toInvitationView(i: Invitation): InvitationView {
  return { id: i.id, email: i.email, role: i.role, expiresAt: new Date(i.expiresAt).toISOString(), createdAt: new Date(i.createdAt).toISOString() };
}
