import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import { abilityFor, type AppAbility } from '@instagrowth/authz';
import type { FastifyRequest } from 'fastify';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { DomainError, forbidden, notFound, unauthorized } from '../errors/domain-error.js';
import { refusedWhileImpersonating } from './impersonation-policy.js';
import { AsyncScope } from '../tenancy/async-scope.js';
import { TenantContext } from '../tenancy/tenant-context.js';
import { TenantResolver, type ResolvedHost } from '../tenancy/tenant-resolver.service.js';
import { ACCESS_KEY, REALM_KEY, type AccessRule, type RouteRealm } from './decorators.js';
import type { AccessClaims, Principal } from './principal.js';
import { PrincipalRepository, type MemberRow } from './principal.repository.js';
import { LruCache } from '../tenancy/lru-cache.js';

/** Bounded: a flood of distinct valid tokens evicts, it cannot grow memory. */
const VERIFIED_TOKENS = { max: 10_000, ttlMs: 60_000 };

export type AppRequest = FastifyRequest & { principal?: Principal; resolvedHost?: ResolvedHost; user?: AccessClaims };

class PassportGuard extends AuthGuard(['jwt']) {
  override handleRequest<T>(err: unknown, user: T): T {
    if (err || !user) throw unauthorized('invalid_token', 'Your session is missing or has expired. Sign in again.');
    return user;
  }
}
class AdminPassportGuard extends AuthGuard(['admin-jwt']) {
  override handleRequest<T>(err: unknown, user: T): T {
    if (err || !user) throw unauthorized('invalid_token', 'Your admin session is missing or has expired. Sign in again.');
    return user;
  }
}

export const unknownWorkspace = () =>
  new DomainError('unknown_workspace', 404, 'There is no workspace at this address.');

/**
 * Every request passes here: Host → realm and tenant, the route's realm, then the token (whose
 * tenant must be the Host's), then the route's policy. Deny by default: a route without an
 * access rule is refused (and the route-policy test fails the build).
 */
@Injectable()
export class AccessGuard implements CanActivate {
  private readonly memberAuth = new PassportGuard();
  private readonly adminAuth = new AdminPassportGuard();
  /** Abilities built once per cached member row (a changed member is a new row object). */
  private readonly abilities = new WeakMap<MemberRow, AppAbility>();
  /**
   * Access tokens whose signature, audience, issuer and type already passed, until they expire: a
   * token is a few hundred bytes of immutable text, so checking it once per process is enough.
   */
  private readonly verified = new LruCache<AccessClaims>(VERIFIED_TOKENS.max, VERIFIED_TOKENS.ttlMs);

  constructor(
    private readonly reflector: Reflector,
    private readonly resolver: TenantResolver,
    private readonly tenantContext: TenantContext,
    private readonly principals: PrincipalRepository,
    private readonly cls: AsyncScope,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    const access = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_KEY, targets);
    const realm = this.reflector.getAllAndOverride<RouteRealm | undefined>(REALM_KEY, targets) ?? 'workspace';
    if (!access) throw forbidden('This route has no access policy.');

    // Every request gets its own async-local context from here on (guard → pipes → handler).
    this.cls.enter();
    const request = context.switchToHttp().getRequest<AppRequest>();
    const host = await this.resolver.resolve(request.headers.host);
    request.resolvedHost = host;
    this.checkRealm(realm, host);
    if (host.realm === 'workspace') this.tenantContext.enter(host.tenant);

    switch (access.kind) {
      case 'public':
        return true;
      case 'admin': {
        await this.adminAuth.canActivate(context);
        // Idle timeout: the session row must have been used within the window (and is touched now).
        const sid = request.user!.sid;
        const idleMinutes = this.config.console.adminIdleTimeoutMinutes;
        const admin = typeof sid === 'string' ? await this.principals.touchAdminSession(request.user!.sub, sid, idleMinutes * 60) : null;
        if (!admin) throw unauthorized('admin_session_expired', `Your admin session ended (signed out, or ${idleMinutes} minutes without activity). Sign in again.`);
        request.principal = { kind: 'admin', adminId: admin.id, email: admin.email };
        return true;
      }
      case 'authenticated':
      case 'policy': {
        if (host.realm !== 'workspace') throw notFound('Route');
        const claims = await this.memberClaims(context, request);
        // A token from another workspace is not a session here, whatever it says.
        if (claims.tid !== host.tenant.id) throw unauthorized('wrong_workspace', 'This session belongs to another workspace. Sign in here.');
        const impersonation = typeof claims.imp === 'string' ? await this.checkImpersonation(claims.imp, host, request) : undefined;
        const member = await this.principals.findMember(claims.sub);
        if (!member) throw unauthorized('invalid_token', 'Your account is no longer a member of this workspace.');
        const ability = this.abilityOf(member);
        request.principal = {
          kind: 'member',
          userId: member.id,
          tenantId: host.tenant.id,
          role: member.role,
          email: member.email,
          name: member.name,
          emailVerified: member.emailVerifiedAt !== null,
          createdAt: member.createdAt,
          assignedAccountIds: member.assignedAccountIds,
          ability,
          sessionId: typeof claims.sid === 'string' ? claims.sid : undefined,
          impersonation,
        };
        if (access.kind === 'policy' && !ability.can(access.action, access.subject)) throw forbidden();
        return true;
      }
    }
  }

  /** An impersonation token works while its session is open and unexpired, and never for billing or credential changes. */
  private async checkImpersonation(sessionId: string, host: ResolvedHost, request: AppRequest) {
    if (host.realm !== 'workspace') throw notFound('Route');
    const session = await this.principals.findImpersonation(sessionId, host.tenant.id);
    if (!session || session.endedAt) throw unauthorized('impersonation_ended', 'This impersonation session has ended.');
    if (session.expiresAt.getTime() <= Date.now()) {
      await this.principals.endImpersonation(session.id, 'expired', request.ip ?? null);
      throw unauthorized('impersonation_expired', 'This impersonation session has expired.');
    }
    if (refusedWhileImpersonating(request.method, request.routeOptions?.url)) {
      throw new DomainError('impersonation_forbidden', 403, 'Not while impersonating: billing, passwords, e-mail addresses and profiles can only be changed by the workspace\'s own members.');
    }
    return { sessionId: session.id, adminId: session.adminId, expiresAt: session.expiresAt };
  }

  private async memberClaims(context: ExecutionContext, request: AppRequest): Promise<AccessClaims> {
    const header = request.headers.authorization;
    const token = typeof header === 'string' && header.startsWith('Bearer ') ? header.slice(7) : undefined;
    const hit = token ? this.verified.get(token) : undefined;
    if (hit && hit.exp !== undefined && hit.exp * 1000 > Date.now()) {
      request.user = hit;
      return hit;
    }
    await this.memberAuth.canActivate(context);
    const claims = request.user!;
    if (token && typeof claims.exp === 'number') this.verified.set(token, claims);
    return claims;
  }

  private abilityOf(member: MemberRow): AppAbility {
    let ability = this.abilities.get(member);
    if (!ability) {
      ability = abilityFor({ userId: member.id, role: member.role, assignedAccountIds: member.assignedAccountIds });
      this.abilities.set(member, ability);
    }
    return ability;
  }

  private checkRealm(realm: RouteRealm, host: ResolvedHost): void {
    if (realm === 'any') {
      if (host.realm === 'workspace' && host.tenant.status === 'suspended') throw suspended();
      return;
    }
    if (host.realm === 'unknown') throw unknownWorkspace();
    if (host.realm !== realm) throw notFound('Route');
    if (host.realm === 'workspace' && host.tenant.status === 'suspended') throw suspended();
  }
}

const suspended = () => new DomainError('workspace_suspended', 403, 'This workspace is suspended. Contact the workspace owner or support.');
