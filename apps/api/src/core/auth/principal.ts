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
  /** Set when a super-admin acts as this workspace's owner (console impersonation). */
  impersonation?: { sessionId: string; adminId: string; expiresAt: Date };
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
  /** Workspace tokens: the impersonation session this token belongs to. */
  imp?: string;
  typ: 'access';
  /** Expiry, seconds since the epoch (set by the signer). */
  exp?: number;
}
