import { Inject, Injectable } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/postgresql';
import type { Role } from '@instagrowth/contracts';
import { quoteSchema } from '../database/schema-name.js';
import { TenantContext } from '../tenancy/tenant-context.js';

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
  constructor(
    private readonly tenantContext: TenantContext,
    @Inject(MikroORM) private readonly orm: MikroORM,
  ) {}

  async findMember(userId: string): Promise<MemberRow | null> {
    const schema = quoteSchema(this.tenantContext.tenant.schemaName);
    // One round trip: the user and the accounts assigned to them.
    const rows = await this.tenantContext.query<
      { id: string; email: string; name: string; role: Role; email_verified_at: Date | null; created_at: Date; assigned: string[] | null }
    >(
      `select u.id, u.email, u.name, u.role, u.email_verified_at, u.created_at,
              (select array_agg(a.resource_id) from ${schema}.assignments a
                where a.user_id = u.id and a.resource_type = 'instagram_account') as assigned
         from ${schema}.users u where u.id = $1`,
      [userId],
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
    const rows = await this.orm.em.getConnection().execute<{ id: string; email: string }[]>(
      'select id, email from control.platform_admins where id = ?',
      [adminId],
    );
    return rows[0] ?? null;
  }
}
