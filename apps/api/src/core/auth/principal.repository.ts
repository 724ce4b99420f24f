import { Injectable } from '@nestjs/common';
import type { Role } from '@instagrowth/contracts';
import { controlTable, sql, tenantTable } from '../database/sql.js';
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

/** Loads who is calling, fresh on every request: role changes and removals take effect at once. */
@Injectable()
export class PrincipalRepository {
  constructor(private readonly db: TenantDb) {}

  async findMember(userId: string): Promise<MemberRow | null> {
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
