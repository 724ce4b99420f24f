import type { AppRule } from '@instagrowth/authz';
import type { Branding, InvitationView, Role, SettingView, UserView, WorkspaceView } from '@instagrowth/contracts';

export type { Branding, InvitationView, Role, SettingView, UserView, WorkspaceView };

export type Realm = 'root' | 'admin' | 'workspace';

/** GET /api/context */
export interface AppContext {
  realm: Realm;
  baseDomain: string;
  appUrl: string;
  workspace?: WorkspaceView;
}

/** GET /api/auth/me */
export interface MeResponse {
  user: UserView;
  workspace: WorkspaceView;
  rules: AppRule[];
}

export interface ListResponse<T> {
  data: T[];
}

/** POST /api/auth/register → 201 */
export interface RegisterResponse {
  workspaceUrl: string;
  loginUrl: string;
  workspace: { id: number; slug: string; name: string };
}

export interface InvitationPreview {
  email: string;
  role: Role;
  workspaceName: string;
}

export interface AdminSession {
  accessToken: string;
  expiresIn: number;
  admin: { id: string | number; email: string };
}

export interface TenantView {
  id: number;
  slug: string;
  name: string;
  status: string;
  schemaVersion: number | string | null;
  createdAt: string;
  url: string;
}

export interface OutboxItem {
  id: string | number;
  to: string;
  subject: string;
  template: string;
  tenantSlug: string | null;
  status: string;
  createdAt: string;
}

export interface OutboxMessage extends OutboxItem {
  html: string;
  text: string;
}
