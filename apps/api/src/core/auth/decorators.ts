import { createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import type { Action, Subject } from '@instagrowth/authz';
import type { Principal } from './principal.js';

export type RouteRealm = 'root' | 'workspace' | 'admin' | 'any';
export const REALM_KEY = 'ig:realm';
export const ACCESS_KEY = 'ig:access';

export type AccessRule =
  | { kind: 'public' }
  | { kind: 'authenticated' }
  | { kind: 'policy'; action: Action; subject: Subject }
  | { kind: 'admin' };

/** Which host a route answers on. Routes default to the workspace host. */
export const Realm = (realm: RouteRealm) => SetMetadata(REALM_KEY, realm);
/** Reachable without a token (sign-up, login, links from e-mails, health). */
export const Public = () => SetMetadata(ACCESS_KEY, { kind: 'public' } satisfies AccessRule);
/** Any signed-in member of the host's workspace. */
export const Authenticated = () => SetMetadata(ACCESS_KEY, { kind: 'authenticated' } satisfies AccessRule);
/** A signed-in member whose CASL ability allows `action` on `subject`. */
export const Policy = (action: Action, subject: Subject) => SetMetadata(ACCESS_KEY, { kind: 'policy', action, subject } satisfies AccessRule);
/** A signed-in platform super-admin (admin host only). */
export const AdminOnly = () => SetMetadata(ACCESS_KEY, { kind: 'admin' } satisfies AccessRule);

export const CurrentPrincipal = createParamDecorator((_: unknown, ctx: ExecutionContext): Principal | undefined => {
  return ctx.switchToHttp().getRequest<{ principal?: Principal }>().principal;
});
