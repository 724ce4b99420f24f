import { createSecretKey } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { JWT_ALGORITHM, jwtSettings } from './jwt-keys.js';
import type { AccessClaims } from './principal.js';

/**
 * A KeyObject, not a string: jsonwebtoken otherwise tries to parse the secret as a PEM public key
 * on every verification (and throws and catches), which cost a fifth of a request's CPU.
 */
const keyOf = (secret: string) => createSecretKey(Buffer.from(secret)) as unknown as string;

function accessClaims(payload: Partial<AccessClaims>): AccessClaims | false {
  if (payload.typ !== 'access' || typeof payload.sub !== 'string') return false;
  return payload as AccessClaims;
}

/** Workspace access tokens: algorithm, audience, issuer and type pinned. */
@Injectable()
export class WorkspaceJwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    const s = jwtSettings(config).workspace;
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      secretOrKey: keyOf(s.secret),
      algorithms: [JWT_ALGORITHM],
      audience: s.audience,
      issuer: s.issuer,
      ignoreExpiration: false,
    });
  }

  validate(payload: Partial<AccessClaims>): AccessClaims | false {
    return typeof payload.tid === 'number' ? accessClaims(payload) : false;
  }
}

@Injectable()
export class AdminJwtStrategy extends PassportStrategy(Strategy, 'admin-jwt') {
  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    const s = jwtSettings(config).admin;
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      secretOrKey: keyOf(s.secret),
      algorithms: [JWT_ALGORITHM],
      audience: s.audience,
      issuer: s.issuer,
      ignoreExpiration: false,
    });
  }

  validate(payload: Partial<AccessClaims>): AccessClaims | false {
    return accessClaims(payload);
  }
}
