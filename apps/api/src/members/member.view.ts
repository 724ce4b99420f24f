import type { UserView } from '@instagrowth/contracts';
import type { MemberPrincipal } from '../core/auth/principal.js';
import type { User } from './member.entity.js';

/** A member as the API shows them (from a row, or from the caller's principal). */
export function toUserView(user: User | MemberPrincipal): UserView {
  if ('kind' in user) {
    return { id: user.userId, email: user.email, name: user.name, role: user.role, emailVerified: user.emailVerified, createdAt: user.createdAt.toISOString() };
  }
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    emailVerified: user.emailVerifiedAt !== null,
    createdAt: new Date(user.createdAt).toISOString(),
  };
}
