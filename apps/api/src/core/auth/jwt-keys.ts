import type { AppConfig } from '../config/config.js';
import { deriveKey } from '../crypto/tokens.js';

export const ACCESS_TOKEN_TTL_SECONDS = 900;
export const JWT_ALGORITHM = 'HS256' as const;

/** Workspace and admin tokens differ in audience and key, so one can never pass for the other. */
export function jwtSettings(config: AppConfig) {
  const issuer = config.appUrl.origin;
  return {
    workspace: { secret: deriveKey(config.appSecret, 'jwt:workspace').toString('base64'), audience: 'instagrowth:workspace', issuer },
    admin: { secret: deriveKey(config.appSecret, 'jwt:admin').toString('base64'), audience: 'instagrowth:admin', issuer },
  };
}
