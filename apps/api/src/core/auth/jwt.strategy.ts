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

function strategyOptions(s: { secret: string; audience: string; issuer: string }) {
  return {
    jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
    secretOrKey: keyOf(s.secret),
    algorithms: [JWT_ALGORITHM],
    audience: s.audience,
    issuer: s.issuer,
    ignoreExpiration: false,
  };
}

/** Workspace access tokens: algorithm, audience, issuer and type pinned; they must name a tenant. */
@Injectable()
export class WorkspaceJwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    super(strategyOptions(jwtSettings(config).workspace));
  }

  validate(payload: Partial<AccessClaims>): AccessClaims | false {
    return typeof payload.tid === 'number' ? accessClaims(payload) : false;
  }
}

/** Super-admin access tokens: another key and audience, so neither kind passes for the other. */
@Injectable()
export class AdminJwtStrategy extends PassportStrategy(Strategy, 'admin-jwt') {
  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    super(strategyOptions(jwtSettings(config).admin));
  }

  validate(payload: Partial<AccessClaims>): AccessClaims | false {
    return accessClaims(payload);
  }
}
