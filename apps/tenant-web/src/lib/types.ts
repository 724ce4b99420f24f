/**
 * The API's shapes, all from libs/contracts (the same zod schemas the API answers with): never
 * written again here. Kept as one import point for the pages.
 */
export type {
  AdminSession,
  AppContext,
  Branding,
  InvitationPreview,
  InvitationView,
  ListResponse,
  MeResponse,
  OutboxItem,
  OutboxMessage,
  Realm,
  RegisterResponse,
  Role,
  SettingView,
  TenantView,
  UserView,
  WorkspaceView,
} from '@instagrowth/contracts';
