import { Injectable } from '@nestjs/common';
import { ControlDb } from '../core/database/control-db.js';
import { controlTable, sql, tenantTable } from '../core/database/sql.js';
import { TenantDb } from '../core/tenancy/tenant-db.js';

export interface ImpersonationSession {
  id: string;
  tenantId: number;
  adminId: string;
  adminEmail: string;
  userId: string;
  reason: string;
  tokenUsedAt: Date | null;
  expiresAt: Date;
  endedAt: Date | null;
}

interface SessionSqlRow {
  id: string;
  tenant_id: number;
  admin_id: string;
  admin_email: string;
  user_id: string;
  reason: string;
  token_used_at: string | null;
  expires_at: string;
  ended_at: string | null;
}
const toSession = (r: SessionSqlRow): ImpersonationSession => ({
  id: r.id, tenantId: Number(r.tenant_id), adminId: r.admin_id, adminEmail: r.admin_email, userId: r.user_id, reason: r.reason,
  tokenUsedAt: r.token_used_at ? new Date(r.token_used_at) : null, expiresAt: new Date(r.expires_at), endedAt: r.ended_at ? new Date(r.ended_at) : null,
});

/** Impersonation sessions (control) and the workspace owner an impersonator acts as (tenant). */
@Injectable()
export class ImpersonationRepository {
  constructor(
    private readonly control: ControlDb,
    private readonly tenantDb: TenantDb,
  ) {}

  /** The workspace's first owner (inside the tenant's context). */
  async firstOwner(): Promise<{ id: string; email: string } | null> {
    return this.tenantDb.one<{ id: string; email: string }>(sql`select id, email from ${tenantTable('users')} where role = 'owner' order by created_at, id limit 1`);
  }

  async userEmail(userId: string): Promise<string | null> {
    return (await this.tenantDb.one<{ email: string }>(sql`select email from ${tenantTable('users')} where id = ${userId}`))?.email ?? null;
  }

  async create(input: { id: string; tenantId: number; adminId: string; userId: string; reason: string; tokenHash: string; expiresAt: Date }): Promise<void> {
    await this.control.execute(
      sql`insert into ${controlTable('impersonation_sessions')} (id, tenant_id, admin_id, user_id, reason, token_hash, expires_at)
          values (${input.id}, ${input.tenantId}, ${input.adminId}, ${input.userId}, ${input.reason}, ${input.tokenHash}, ${input.expiresAt})`,
    );
  }

  async find(id: string): Promise<ImpersonationSession | null> {
    const r = await this.control.one<SessionSqlRow>(sql`${select()} where s.id = ${id}`);
    return r ? toSession(r) : null;
  }

  /** Uses the single-use token: answers the session only for the first caller, while it is open and unexpired. */
  async claimToken(tokenHash: string, tenantId: number): Promise<ImpersonationSession | null> {
    const claimed = await this.control.one<{ id: string }>(
      sql`update ${controlTable('impersonation_sessions')} set token_used_at = now()
           where token_hash = ${tokenHash} and tenant_id = ${tenantId} and token_used_at is null and ended_at is null and expires_at > now()
       returning id`,
    );
    return claimed ? this.find(claimed.id) : null;
  }

  /** Ends every session past its expiry, each with its audit row, in one statement; answers their ids. */
  async expireDue(): Promise<string[]> {
    const rows = await this.control.query<{ id: string }>(
      sql`with ended as (
            update ${controlTable('impersonation_sessions')} set ended_at = now(), end_reason = 'expired'
             where ended_at is null and expires_at <= now() returning id, admin_id, tenant_id, expires_at)
          insert into ${controlTable('platform_audit_log')} (id, actor_type, actor_id, action, tenant_id, target_id, meta, ip, created_at)
          select gen_random_uuid(), 'admin', admin_id::text, 'impersonation.ended', tenant_id, id::text,
                 jsonb_build_object('reason', 'expired', 'expiresAt', expires_at), null, now() from ended
          returning target_id as id`,
    );
    return rows.map((r) => r.id);
  }
}

const select = () => sql`select s.id, s.tenant_id, s.admin_id, a.email as admin_email, s.user_id, s.reason, s.token_used_at, s.expires_at, s.ended_at
  from ${controlTable('impersonation_sessions')} s join ${controlTable('platform_admins')} a on a.id = s.admin_id`;
