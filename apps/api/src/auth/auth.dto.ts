import type { SessionView, UserView } from '@instagrowth/contracts';
import type { MemberPrincipal } from '../core/auth/principal.js';
import type { User } from './auth.entity.js';

export {
  acceptInvitationSchema,
  changeEmailSchema,
  changePasswordSchema,
  confirmEmailChangeSchema,
  forgotPasswordSchema,
  loginSchema,
  resetPasswordSchema,
  tokenBodySchema,
  updateProfileSchema,
} from '@instagrowth/contracts';

export const REFRESH_COOKIE = 'ig_refresh';

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

export interface IssuedSession {
  session: SessionView;
  refreshToken: string;
  refreshExpiresAt: Date;
}
