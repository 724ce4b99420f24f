import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { ApprovalStatus } from '@instagrowth/contracts';
import { joinSql, sql, tenantTable, type SqlQuery } from '../core/database/sql.js';
import { TenantDb } from '../core/tenancy/tenant-db.js';
import type { ApprovalEventRow, ApprovalRow, Recipient } from './approvals.entity.js';

const requests = tenantTable('approval_requests');
const events = tenantTable('approval_events');
const accounts = tenantTable('instagram_accounts');
const users = tenantTable('users');
const assignments = tenantTable('assignments');

const COLUMNS = sql`r.id, r.subject_type as "subjectType", r.subject_id as "subjectId", r.account_id as "accountId", a.username, r.title, r.snapshot, r.status,
  r.requested_by as "requestedBy", u.name as "requestedByName", r.decided_at as "decidedAt", r.created_at as "createdAt", r.updated_at as "updatedAt"`;
const FROM = sql`${requests} r join ${accounts} a on a.id = r.account_id left join ${users} u on u.id = r.requested_by`;

const toRow = (r: ApprovalRow): ApprovalRow => ({ ...r, decidedAt: r.decidedAt ? new Date(r.decidedAt) : null, createdAt: new Date(r.createdAt), updatedAt: new Date(r.updatedAt) });

export interface ApprovalFilter {
  /** Accounts the caller may see approvals of (null: every account). */
  accountIds: string[] | null;
  status?: ApprovalStatus;
  subjectType?: string;
  subjectId?: string;
  accountId?: string;
}

export interface Actor {
  id: string;
  name: string;
  role: string;
}

@Injectable()
export class ApprovalsRepository {
  constructor(private readonly db: TenantDb) {}

  unitOfWork<T>(fn: () => Promise<T>): Promise<T> {
    return this.db.unitOfWork(fn);
  }

  /** Null when the item already has a pending request (the partial unique index). */
  async insertRequest(r: { subjectType: string; subjectId: string; accountId: string; title: string; snapshot: Record<string, unknown>; requestedBy: string }): Promise<string | null> {
    const row = await this.db.one<{ id: string }>(sql`insert into ${requests} (id, subject_type, subject_id, account_id, title, snapshot, requested_by)
      values (${randomUUID()}, ${r.subjectType}, ${r.subjectId}, ${r.accountId}, ${r.title}, ${JSON.stringify(r.snapshot)}::jsonb, ${r.requestedBy})
      on conflict do nothing returning id`);
    return row?.id ?? null;
  }

  async insertEvent(requestId: string, action: ApprovalEventRow['action'], actor: Actor, comment: string | null): Promise<void> {
    await this.db.execute(sql`insert into ${events} (id, request_id, action, actor_id, actor_name, actor_role, comment)
      values (${randomUUID()}, ${requestId}, ${action}, ${actor.id}, ${actor.name}, ${actor.role}, ${comment})`);
  }

  /** Moves a pending request to `status`; false when it was no longer pending (someone else got there first). */
  async close(id: string, status: Exclude<ApprovalStatus, 'pending'>, actorId: string): Promise<boolean> {
    return (await this.db.execute(sql`update ${requests} set status = ${status}, decided_by = ${actorId}, decided_at = now(), updated_at = now() where id = ${id} and status = 'pending'`)) > 0;
  }

  async touch(id: string): Promise<void> {
    await this.db.execute(sql`update ${requests} set updated_at = now() where id = ${id}`);
  }

  async find(id: string): Promise<ApprovalRow | null> {
    const row = await this.db.one<ApprovalRow>(sql`select ${COLUMNS} from ${FROM} where r.id = ${id}`);
    return row ? toRow(row) : null;
  }

  async list(f: ApprovalFilter, limit = 200): Promise<ApprovalRow[]> {
    const c: SqlQuery[] = [sql`true`];
    if (f.accountIds) c.push(sql`r.account_id = any(${f.accountIds}::uuid[])`);
    if (f.status) c.push(sql`r.status = ${f.status}`);
    if (f.subjectType) c.push(sql`r.subject_type = ${f.subjectType}`);
    if (f.subjectId) c.push(sql`r.subject_id = ${f.subjectId}`);
    if (f.accountId) c.push(sql`r.account_id = ${f.accountId}`);
    const rows = await this.db.query<ApprovalRow>(sql`select ${COLUMNS} from ${FROM} where ${joinSql(c, ' and ')}
      order by (r.status = 'pending') desc, r.updated_at desc, r.id limit ${limit}`);
    return rows.map(toRow);
  }

  async events(requestIds: string[]): Promise<ApprovalEventRow[]> {
    if (!requestIds.length) return [];
    const rows = await this.db.query<ApprovalEventRow>(sql`select id, request_id as "requestId", action, actor_id as "actorId", actor_name as "actorName",
        actor_role as "actorRole", comment, created_at as "createdAt"
      from ${events} where request_id = any(${requestIds}::uuid[]) order by created_at, id`);
    return rows.map((e) => ({ ...e, createdAt: new Date(e.createdAt) }));
  }

  /** The client users assigned to an account: who is asked to approve its items. */
  async clientRecipients(accountId: string): Promise<Recipient[]> {
    return this.db.query<Recipient>(sql`select u.id, u.email, u.name from ${users} u join ${assignments} s on s.user_id = u.id
      where u.role = 'client' and s.resource_type = 'instagram_account' and s.resource_id = ${accountId} order by u.email`);
  }

  async user(id: string | null): Promise<Recipient | null> {
    if (!id) return null;
    return this.db.one<Recipient>(sql`select id, email, name from ${users} where id = ${id}`);
  }

  /** Pending requests sent before `before` and not reminded since then: the daily reminder's work list. */
  async dueForReminder(before: Date, limit = 200): Promise<ApprovalRow[]> {
    const rows = await this.db.query<ApprovalRow>(sql`select ${COLUMNS} from ${FROM}
      where r.status = 'pending' and r.created_at < ${before} and (r.reminded_at is null or r.reminded_at < ${before})
      order by r.created_at limit ${limit}`);
    return rows.map(toRow);
  }

  async markReminded(id: string): Promise<void> {
    await this.db.execute(sql`update ${requests} set reminded_at = now() where id = ${id}`);
  }
}
