import { Injectable } from '@nestjs/common';
import type { Role } from '@instagrowth/contracts';
import { controlTable, sql, tenantTable } from '../database/sql.js';
import { CacheBus } from '../tenancy/cache-bus.js';
import { ScopedCache } from '../tenancy/scoped-cache.js';
import { TenantContext } from '../tenancy/tenant-context.js';
import { TenantDb } from '../tenancy/tenant-db.js';

export interface MemberRow {
  id: string;
  email: string;
  name: string;
  role: Role;
  emailVerifiedAt: Date | null;
  createdAt: Date;
  assignedAccountIds: string[];
}

export interface ImpersonationRow {
  id: string;
  adminId: string;
  userId: string;
  expiresAt: Date;
  endedAt: Date | null;
}

/**
 * Members by (tenant, user): every authenticated request needs one, and it was a query per request.
 * Changes are pushed (`membersChanged`, after commit, to every process); the TTL only bounds how
 * stale an entry can get if an invalidation message is lost (Redis down).
 */
export const PRINCIPAL_CACHE = { max: 10_000, ttlMs: 30_000 };

/** Loads who is calling; role changes, removals and new assignments take effect on the next request. */
@Injectable()
export class PrincipalRepository {
  private readonly members: ScopedCache<MemberRow>;

  constructor(
    private readonly db: TenantDb,
    private readonly ctx: TenantContext,
    bus: CacheBus,
  ) {
    this.members = new ScopedCache(bus, 'principals', PRINCIPAL_CACHE);
  }

  /** The member of the current workspace, cached; the same object for every hit (callers may key on it). */
  findMember(userId: string): Promise<MemberRow | null> {
    return this.members.get(this.ctx.tenant.id, userId, () => this.loadMember(userId));
  }

  /**
   * Call after any write to a member (role, removal, name, e-mail, password, sessions) or to their
   * assignments: every process drops this workspace's cached members once the write has committed.
   */
  async membersChanged(): Promise<void> {
    const tenantId = this.ctx.tenant.id;
    await this.db.afterCommit(() => this.members.invalidate(tenantId));
  }

  private async loadMember(userId: string): Promise<MemberRow | null> {
    // One round trip: the user and the accounts assigned to them.
    const rows = await this.db.query<
      { id: string; email: string; name: string; role: Role; email_verified_at: Date | null; created_at: Date; assigned: string[] | null }
    >(
      sql`select u.id, u.email, u.name, u.role, u.email_verified_at, u.created_at,
              (select array_agg(a.resource_id) from ${tenantTable('assignments')} a
                where a.user_id = u.id and a.resource_type = 'instagram_account') as assigned
         from ${tenantTable('users')} u where u.id = ${userId}`,
    );
    const r = rows[0];
    if (!r) return null;
    return {
      id: r.id,
      email: r.email,
      name: r.name,
      role: r.role,
      emailVerifiedAt: r.email_verified_at ? new Date(r.email_verified_at) : null,
      createdAt: new Date(r.created_at),
      assignedAccountIds: r.assigned ?? [],
    };
  }

  /**
   * The admin behind a token, if its session is open and was used within the idle timeout; the
   * same statement records this use (one round trip per admin request).
   */
  async touchAdminSession(adminId: string, sessionId: string, idleSeconds: number): Promise<{ id: string; email: string } | null> {
    return this.db.control.one<{ id: string; email: string }>(
      sql`with s as (
            update ${controlTable('admin_sessions')} set last_seen_at = now()
             where id = ${sessionId} and admin_id = ${adminId} and ended_at is null
               and last_seen_at > now() - make_interval(secs => ${idleSeconds}) returning admin_id)
          select a.id, a.email from ${controlTable('platform_admins')} a join s on s.admin_id = a.id`,
    );
  }

  /**
   * Of these admin sessions, the ones still open at `at`: not signed out, used within the idle
   * timeout, their admin still there. Read only (a live socket is not activity).
   */
  async liveAdminSessions(sessionIds: string[], idleSeconds: number, at: Date): Promise<Set<string>> {
    if (sessionIds.length === 0) return new Set();
    const rows = await this.db.control.query<{ id: string }>(
      sql`select s.id from ${controlTable('admin_sessions')} s join ${controlTable('platform_admins')} a on a.id = s.admin_id
           where s.id = any(${sessionIds}::uuid[]) and s.ended_at is null
             and s.last_seen_at > ${at}::timestamptz - make_interval(secs => ${idleSeconds})`,
    );
    return new Set(rows.map((r) => r.id));
  }

  async findImpersonation(sessionId: string, tenantId: number): Promise<ImpersonationRow | null> {
    const r = await this.db.control.one<{ id: string; admin_id: string; user_id: string; expires_at: string | Date; ended_at: string | Date | null }>(
      sql`select id, admin_id, user_id, expires_at, ended_at from ${controlTable('impersonation_sessions')} where id = ${sessionId} and tenant_id = ${tenantId}`,
    );
    return r ? { id: r.id, adminId: r.admin_id, userId: r.user_id, expiresAt: new Date(r.expires_at), endedAt: r.ended_at ? new Date(r.ended_at) : null } : null;
  }

  /**
   * Ends an impersonation session once and writes its audit row in the same statement: whoever
   * notices the end first (the admin's "End now", a request after expiry, the expiry job) records it.
   */
  async endImpersonation(sessionId: string, reason: 'ended' | 'expired', ip: string | null): Promise<boolean> {
    const rows = await this.db.control.query<{ id: string }>(
      sql`with ended as (
            update ${controlTable('impersonation_sessions')} set ended_at = now(), end_reason = ${reason}
             where id = ${sessionId} and ended_at is null returning id, admin_id, tenant_id, expires_at)
          insert into ${controlTable('platform_audit_log')} (id, actor_type, actor_id, action, tenant_id, target_id, meta, ip, created_at)
          select gen_random_uuid(), 'admin', admin_id::text, 'impersonation.ended', tenant_id, id::text,
                 jsonb_build_object('reason', ${reason}::text, 'expiresAt', expires_at), ${ip}, now() from ended
          returning target_id as id`,
    );
    return rows.length === 1;
  }

  async findAdmin(adminId: string): Promise<{ id: string; email: string } | null> {
    return this.db.control.one<{ id: string; email: string }>(sql`select id, email from ${controlTable('platform_admins')} where id = ${adminId}`);
  }
}
