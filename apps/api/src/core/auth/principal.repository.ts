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

  async findAdmin(adminId: string): Promise<{ id: string; email: string } | null> {
    return this.db.control.one<{ id: string; email: string }>(sql`select id, email from ${controlTable('platform_admins')} where id = ${adminId}`);
  }
}
