import type { AppAbility } from '@instagrowth/authz';
import type { Role } from '@instagrowth/contracts';

export interface MemberPrincipal {
  kind: 'member';
  userId: string;
  tenantId: number;
  role: Role;
  email: string;
  name: string;
  emailVerified: boolean;
  createdAt: Date;
  assignedAccountIds: string[];
  ability: AppAbility;
  /** The refresh-token family this access token was issued for (absent in older tokens). */
  sessionId?: string;
}

export interface AdminPrincipal {
  kind: 'admin';
  adminId: string;
  email: string;
}

export type Principal = MemberPrincipal | AdminPrincipal;

export interface AccessClaims {
  sub: string;
  tid?: number;
  sid?: string;
  typ: 'access';
  /** Expiry, seconds since the epoch (set by the signer). */
  exp?: number;
}
