import { Injectable } from '@nestjs/common';
import { ControlDb } from '../core/database/control-db.js';
import { CacheBus } from '../core/tenancy/cache-bus.js';
import { PLAN_INPUTS_TOPIC } from '../limits/plan-inputs-cache.js';
import { quoteSchema } from '../core/database/schema-name.js';
import { controlTable, joinSql, rawSql, sql, type RawSql, type SqlQuery } from '../core/database/sql.js';
import type { AuditRow, CrossTenantAccountRow, CrossTenantUserRow, TenantFilter, TenantRow } from './console.entity.js';

const date = (v: string | Date | null): Date | null => (v === null ? null : new Date(v));
/** `%` and `_` typed by the admin are literal characters, not wildcards. */
export const likePattern = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

type Live = { id: number; schema_name: string };

/**
 * The console's reads across tenants and its writes to the registry. Cross-tenant lists (users,
 * Instagram accounts) are ONE `union all` statement over the live tenant schemas, not a query per
 * tenant and not a control-schema copy: the rows stay where they are written (no index to keep in
 * step from auth, team, accounts and sync code owned elsewhere, nothing stale after a rename), and
 * PostgreSQL pushes the search filter into each branch. The cost is planning, and it grows with the
 * tenant count: 300 tenants × 20 users planned in 55–100 ms and ran in ≈ 10 ms (2 busy cores). The
 * tenant list itself never unions every schema except to search by member e-mail. Past a few hundred
 * tenants, a control-schema index kept by the user write paths is the better trade.
 */
@Injectable()
export class ConsoleRepository {
  constructor(
    private readonly db: ControlDb,
    private readonly bus: CacheBus,
  ) {}

  async listTenants(f: TenantFilter): Promise<{ rows: TenantRow[]; total: number }> {
    const where: SqlQuery[] = [sql`true`];
    if (f.q) {
      const like = likePattern(f.q);
      // Slug, name, a domain, or the e-mail of anyone in the workspace (one union over the users tables).
      const users = await this.unionOf((s, tid) => sql`select ${tid} as tenant_id, u.email from ${rawSql(s)}.users u`, null);
      where.push(sql`(t.slug ilike ${like} or t.name ilike ${like}
        or exists (select 1 from ${controlTable('domains')} d where d.tenant_id = t.id and d.hostname ilike ${like})
        ${users ? sql`or t.id in (select x.tenant_id from (${users}) x where x.email ilike ${like})` : sql``})`);
    }
    if (f.plan) where.push(sql`coalesce(s.plan_key, t.plan_code) = ${f.plan}`);
    if (f.status === 'deletion_scheduled') where.push(sql`t.deletion_scheduled_for is not null`);
    else if (f.status) where.push(sql`t.status = ${f.status}`);
    if (f.createdFrom) where.push(sql`t.created_at >= ${f.createdFrom}::date`);
    if (f.createdTo) where.push(sql`t.created_at < ${f.createdTo}::date + 1`);
    const rows = await this.db.query<TenantSqlRow & { total: string }>(
      sql`${tenantSelect()} where ${joinSql(where, ' and ')}
          order by t.created_at desc, t.id desc limit ${f.pageSize} offset ${(f.page - 1) * f.pageSize}`,
    );
    return { rows: rows.map(toTenantRow), total: rows[0] ? Number(rows[0].total) : await this.countTenants(where) };
  }

  private async countTenants(where: SqlQuery[]): Promise<number> {
    const r = await this.db.one<{ n: string }>(
      sql`select count(*) as n from ${controlTable('tenants')} t left join ${controlTable('subscriptions')} s on s.tenant_id = t.id where ${joinSql(where, ' and ')}`,
    );
    return Number(r?.n ?? 0);
  }

  async findTenant(id: number): Promise<TenantRow | null> {
    const r = await this.db.one<TenantSqlRow>(sql`${tenantSelect()} where t.id = ${id}`);
    return r ? toTenantRow(r) : null;
  }

  async listUsers(q: string | undefined, tenantId: number | undefined, page: number, pageSize: number): Promise<{ rows: CrossTenantUserRow[]; total: number }> {
    const union = await this.unionOf(
      (s, tid) => sql`select ${tid} as tenant_id, u.id, u.email, u.name, u.role, u.email_verified_at, u.created_at from ${rawSql(s)}.users u`,
      tenantId,
    );
    if (!union) return { rows: [], total: 0 };
    const like = q ? likePattern(q) : null;
    const rows = await this.db.query<{ id: string; tenant_id: number; slug: string; tname: string; email: string; name: string; role: string; email_verified_at: string | null; created_at: string; total: string }>(
      sql`select x.*, t.slug, t.name as tname, count(*) over () as total
            from (${union}) x join ${controlTable('tenants')} t on t.id = x.tenant_id
           where ${like === null ? sql`true` : sql`(x.email ilike ${like} or x.name ilike ${like})`}
           order by x.created_at desc, x.id limit ${pageSize} offset ${(page - 1) * pageSize}`,
    );
    return {
      total: rows[0] ? Number(rows[0].total) : 0,
      rows: rows.map((r) => ({
        id: r.id, tenantId: Number(r.tenant_id), tenantSlug: r.slug, tenantName: r.tname, email: r.email, name: r.name, role: r.role,
        emailVerified: r.email_verified_at !== null, createdAt: new Date(r.created_at),
      })),
    };
  }

  async listAccounts(q: string | undefined, tenantId: number | undefined, page: number, pageSize: number): Promise<{ rows: CrossTenantAccountRow[]; total: number }> {
    const union = await this.unionOf(
      (s, tid) => sql`select ${tid} as tenant_id, a.id, a.username, a.kind, a.status, a.followers_count, a.last_sync_at, a.created_at from ${rawSql(s)}.instagram_accounts a`,
      tenantId,
    );
    if (!union) return { rows: [], total: 0 };
    const like = q ? likePattern(q) : null;
    const rows = await this.db.query<{ id: string; tenant_id: number; slug: string; tname: string; username: string; kind: string; status: string; followers_count: number | null; last_sync_at: string | null; created_at: string; total: string }>(
      sql`select x.*, t.slug, t.name as tname, count(*) over () as total
            from (${union}) x join ${controlTable('tenants')} t on t.id = x.tenant_id
           where ${like === null ? sql`true` : sql`x.username ilike ${like}`}
           order by x.created_at desc, x.id limit ${pageSize} offset ${(page - 1) * pageSize}`,
    );
    return {
      total: rows[0] ? Number(rows[0].total) : 0,
      rows: rows.map((r) => ({
        id: r.id, tenantId: Number(r.tenant_id), tenantSlug: r.slug, tenantName: r.tname, username: r.username, kind: r.kind, status: r.status,
        followers: r.followers_count === null ? null : Number(r.followers_count), lastSyncAt: date(r.last_sync_at), createdAt: new Date(r.created_at),
      })),
    };
  }

  /**
   * `select <tenant id> as tenant_id, … from "t_x".<table> union all …` over every live tenant (or
   * one), as a fragment for one statement. Schema names come from the registry and are quoted by
   * `quoteSchema`, which accepts only the generated `t_<base36>` form. The id is a literal (an
   * integer from the registry), not a parameter: hundreds of branches, no parameter limit. Branches
   * are flat selects (no subquery per branch): planning 300 of them took half the time.
   */
  private async unionOf(branch: (schema: string, tenantId: RawSql) => SqlQuery, tenantId: number | null | undefined): Promise<SqlQuery | null> {
    const live = await this.db.query<Live>(
      sql`select id, schema_name from ${controlTable('tenants')} where status <> 'provisioning' ${tenantId ? sql`and id = ${tenantId}` : sql``} order by id`,
    );
    if (!live.length) return null;
    return joinSql(live.map((t) => branch(quoteSchema(t.schema_name), rawSql(`${Number(t.id)}::int`))), ' union all ');
  }

  async listAudit(f: { adminId?: string; tenantId?: number; action?: string; from?: string; to?: string; page: number; pageSize: number }): Promise<{ rows: AuditRow[]; total: number }> {
    const where: SqlQuery[] = [sql`true`];
    if (f.adminId) where.push(sql`l.actor_type = 'admin' and l.actor_id = ${f.adminId}`);
    if (f.tenantId) where.push(sql`l.tenant_id = ${f.tenantId}`);
    // `tenant.` matches every tenant action; a full name matches exactly.
    if (f.action) where.push(f.action.endsWith('.') ? sql`l.action like ${`${f.action.replace(/[\\%_]/g, (c) => `\\${c}`)}%`}` : sql`l.action = ${f.action}`);
    if (f.from) where.push(sql`l.created_at >= ${f.from}::date`);
    if (f.to) where.push(sql`l.created_at < ${f.to}::date + 1`);
    const rows = await this.db.query<AuditSqlRow & { total: string }>(
      sql`${auditSelect()} where ${joinSql(where, ' and ')}
          order by l.created_at desc, l.id limit ${f.pageSize} offset ${(f.page - 1) * f.pageSize}`,
    );
    let total = rows[0] ? Number(rows[0].total) : 0;
    if (!rows[0] && f.page > 1) {
      total = Number((await this.db.one<{ n: string }>(sql`select count(*) as n from ${controlTable('platform_audit_log')} l where ${joinSql(where, ' and ')}`))?.n ?? 0);
    }
    return { rows: rows.map(toAuditRow), total };
  }

  async invoices(tenantId: number) {
    const rows = await this.db.query<{ id: string; number: string | null; currency: string; amount_due: number; amount_paid: number; status: string; created_at: string; hosted_invoice_url: string | null }>(
      sql`select id, number, currency, amount_due, amount_paid, status, created_at, hosted_invoice_url from ${controlTable('invoices')}
           where tenant_id = ${tenantId} order by created_at desc limit 50`,
    );
    return rows.map((r) => ({ id: r.id, number: r.number, currency: r.currency, amountDue: Number(r.amount_due), amountPaid: Number(r.amount_paid), status: r.status, createdAt: new Date(r.created_at), hostedInvoiceUrl: r.hosted_invoice_url }));
  }

  async domains(tenantId: number) {
    const rows = await this.db.query<{ hostname: string; verified_at: string | null; created_at: string }>(
      sql`select hostname, verified_at, created_at from ${controlTable('domains')} where tenant_id = ${tenantId} order by created_at`,
    );
    return rows.map((r) => ({ hostname: r.hostname, verified: r.verified_at !== null, createdAt: new Date(r.created_at) }));
  }

  /** Moves the trial end by `days` from the later of now and the current end; the subscription row (if any) too. */
  async extendTrial(tenantId: number, days: number): Promise<Date> {
    return this.db.transaction(async () => {
      const t = await this.db.one<{ trial_ends_at: string }>(
        sql`update ${controlTable('tenants')} set trial_ends_at = greatest(coalesce(trial_ends_at, now()), now()) + make_interval(days => ${days}), updated_at = now()
             where id = ${tenantId} returning trial_ends_at`,
      );
      const ends = new Date(t!.trial_ends_at);
      await this.db.execute(sql`update ${controlTable('subscriptions')} set trial_ends_at = ${ends}, updated_at = now() where tenant_id = ${tenantId} and status = 'trialing'`);
      // The effective plan (limits, trial state) is cached per workspace: drop it once this commits.
      await this.db.afterCommit(() => this.bus.publish(PLAN_INPUTS_TOPIC, String(tenantId)));
      return ends;
    });
  }

  async subscriptionStatus(tenantId: number): Promise<string | null> {
    return (await this.db.one<{ status: string }>(sql`select status from ${controlTable('subscriptions')} where tenant_id = ${tenantId}`))?.status ?? null;
  }

  /** Null when a deletion is already scheduled (schedule once; undo first to change it). */
  async scheduleDeletion(tenantId: number, at: Date, adminId: string): Promise<boolean> {
    const n = await this.db.execute(
      sql`update ${controlTable('tenants')} set deletion_scheduled_for = ${at}, deletion_requested_by = ${adminId}, updated_at = now()
           where id = ${tenantId} and deletion_scheduled_for is null and status <> 'provisioning'`,
    );
    return n === 1;
  }

  async cancelDeletion(tenantId: number): Promise<boolean> {
    const n = await this.db.execute(
      sql`update ${controlTable('tenants')} set deletion_scheduled_for = null, deletion_requested_by = null, updated_at = now()
           where id = ${tenantId} and deletion_scheduled_for is not null and deletion_scheduled_for > now()`,
    );
    return n === 1;
  }

  async dueDeletions(onlyTenantId?: number): Promise<{ id: number; schemaName: string; slug: string; scheduledFor: Date; requestedBy: string | null }[]> {
    const rows = await this.db.query<{ id: number; schema_name: string; slug: string; deletion_scheduled_for: string; deletion_requested_by: string | null }>(
      sql`select id, schema_name, slug, deletion_scheduled_for, deletion_requested_by from ${controlTable('tenants')}
           where deletion_scheduled_for is not null and deletion_scheduled_for <= now() ${onlyTenantId ? sql`and id = ${onlyTenantId}` : sql``}
           order by deletion_scheduled_for`,
    );
    return rows.map((r) => ({ id: Number(r.id), schemaName: r.schema_name, slug: r.slug, scheduledFor: new Date(r.deletion_scheduled_for), requestedBy: r.deletion_requested_by }));
  }

  /**
   * Drops the schema and the registry row (control rows about it cascade) in one transaction, and
   * only if the deletion is still due under a row lock: an undo that committed first wins.
   */
  async dropTenant(tenant: { id: number; schemaName: string }, audit: { action: string; meta: Record<string, unknown> }): Promise<boolean> {
    return this.db.transaction(async () => {
      const locked = await this.db.one<{ id: number }>(
        sql`select id from ${controlTable('tenants')} where id = ${tenant.id} and deletion_scheduled_for <= now() for update`,
      );
      if (!locked) return false;
      await this.db.execute(sql`drop schema if exists ${rawSql(quoteSchema(tenant.schemaName))} cascade`);
      await this.db.execute(sql`delete from ${controlTable('tenants')} where id = ${tenant.id}`);
      await this.db.execute(
        sql`insert into ${controlTable('platform_audit_log')} (id, actor_type, actor_id, action, tenant_id, target_id, meta, created_at)
            values (gen_random_uuid(), 'system', null, ${audit.action}, ${tenant.id}, ${String(tenant.id)}, ${JSON.stringify(audit.meta)}::jsonb, now())`,
      );
      return true;
    });
  }

  async listAdmins() {
    const rows = await this.db.query<{ id: string; email: string; last_login_at: string | null; created_at: string }>(
      sql`select id, email, last_login_at, created_at from ${controlTable('platform_admins')} order by created_at`,
    );
    return rows.map((r) => ({ id: r.id, email: r.email, lastLoginAt: date(r.last_login_at), createdAt: new Date(r.created_at) }));
  }

  async listAdminInvitations() {
    const rows = await this.db.query<InvitationSqlRow>(sql`select * from ${controlTable('admin_invitations')} order by created_at desc limit 50`);
    return rows.map(toInvitation);
  }

  async createAdminInvitation(input: { id: string; email: string; tokenHash: string; totpSecretEnc: string; invitedBy: string; expiresAt: Date }) {
    const r = await this.db.one<InvitationSqlRow>(
      sql`insert into ${controlTable('admin_invitations')} (id, email, token_hash, totp_secret_enc, invited_by, expires_at)
          values (${input.id}, ${input.email}, ${input.tokenHash}, ${input.totpSecretEnc}, ${input.invitedBy}, ${input.expiresAt}) returning *`,
    );
    return toInvitation(r!);
  }

  async findInvitationByHash(tokenHash: string) {
    const r = await this.db.one<InvitationSqlRow>(sql`select * from ${controlTable('admin_invitations')} where token_hash = ${tokenHash}`);
    return r ? toInvitation(r) : null;
  }

  /** Marks the invitation used, once: false when another request accepted it first. */
  async claimInvitation(id: string): Promise<boolean> {
    return (await this.db.execute(sql`update ${controlTable('admin_invitations')} set accepted_at = now() where id = ${id} and accepted_at is null and expires_at > now()`)) === 1;
  }

  transaction<T>(fn: () => Promise<T>): Promise<T> {
    return this.db.transaction(fn);
  }
}

interface TenantSqlRow {
  id: number;
  slug: string;
  name: string;
  status: 'provisioning' | 'active' | 'suspended';
  schema_name: string;
  plan_key: string | null;
  sub_status: string | null;
  trial_ends_at: string | null;
  deletion_scheduled_for: string | null;
  created_at: string;
}

const tenantSelect = () => sql`select t.id, t.slug, t.name, t.status, t.schema_name, s.plan_key, s.status as sub_status,
    coalesce(s.trial_ends_at, t.trial_ends_at) as trial_ends_at, t.deletion_scheduled_for, t.created_at, count(*) over () as total
  from ${controlTable('tenants')} t left join ${controlTable('subscriptions')} s on s.tenant_id = t.id`;

const toTenantRow = (r: TenantSqlRow): TenantRow => ({
  id: Number(r.id), slug: r.slug, name: r.name, status: r.status, schemaName: r.schema_name, planKey: r.plan_key, subscriptionStatus: r.sub_status,
  trialEndsAt: date(r.trial_ends_at), deletionScheduledFor: date(r.deletion_scheduled_for), createdAt: new Date(r.created_at),
});

interface AuditSqlRow {
  id: string;
  actor_type: string;
  actor_id: string | null;
  actor_email: string | null;
  action: string;
  tenant_id: number | null;
  tenant_slug: string | null;
  target_id: string | null;
  meta: Record<string, unknown> | null;
  ip: string | null;
  created_at: string;
}

const auditSelect = () => sql`select l.id, l.actor_type, l.actor_id, a.email as actor_email, l.action, l.tenant_id, t.slug as tenant_slug, l.target_id, l.meta, l.ip, l.created_at,
    count(*) over () as total
  from ${controlTable('platform_audit_log')} l
  left join ${controlTable('platform_admins')} a on l.actor_type = 'admin' and a.id::text = l.actor_id
  left join ${controlTable('tenants')} t on t.id = l.tenant_id`;

const toAuditRow = (r: AuditSqlRow): AuditRow => ({
  id: r.id, actorType: r.actor_type, actorId: r.actor_id, actorEmail: r.actor_email, action: r.action, tenantId: r.tenant_id === null ? null : Number(r.tenant_id),
  tenantSlug: r.tenant_slug, targetId: r.target_id, meta: r.meta, ip: r.ip, createdAt: new Date(r.created_at),
});

interface InvitationSqlRow {
  id: string;
  email: string;
  token_hash: string;
  totp_secret_enc: string;
  invited_by: string;
  expires_at: string;
  accepted_at: string | null;
  created_at: string;
}
const toInvitation = (r: InvitationSqlRow) => ({
  id: r.id, email: r.email, totpSecretEnc: r.totp_secret_enc, invitedBy: r.invited_by, expiresAt: new Date(r.expires_at), acceptedAt: date(r.accepted_at), createdAt: new Date(r.created_at),
});
