import type { SessionView } from '@instagrowth/contracts';

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

export { toUserView } from '../members/member.view.js';

export const REFRESH_COOKIE = 'ig_refresh';


export interface IssuedSession {
  session: SessionView;
  refreshToken: string;
  refreshExpiresAt: Date;
}
