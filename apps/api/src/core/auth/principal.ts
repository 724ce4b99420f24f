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
  typ: 'access';
}
