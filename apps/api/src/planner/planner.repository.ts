import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { Audit } from '@instagrowth/growth-engine';
import { sql, tenantTable } from '../core/database/sql.js';
import { TenantDb } from '../core/tenancy/tenant-db.js';
import type { BuiltPlan, PlannedTask } from './plan-builder.js';
import type { PlanRow, PlanShareLinkRow, TaskRow } from './planner.entity.js';

const plans = tenantTable('growth_plans');
const tasks = tenantTable('growth_plan_tasks');
const audits = tenantTable('audits');
const shareLinks = tenantTable('plan_share_links');

const PLAN_COLUMNS = sql`id, account_id as "accountId", days, to_char(start_date, 'YYYY-MM-DD') as "startDate", time_zone as "timeZone", basis,
  best_times as "bestTimes", mix, goals, created_at as "createdAt", audit_id as "auditId", audit_at as "auditAt"`;
const TASK_COLUMNS = sql`id, plan_id as "planId", day, position, type, title, details, format, suggested_time as "suggestedTime", done_at as "doneAt"`;

const toTask = (r: TaskRow): TaskRow => ({ ...r, doneAt: r.doneAt ? new Date(r.doneAt) : null });

@Injectable()
export class PlannerRepository {
  constructor(private readonly db: TenantDb) {}

  unitOfWork<T>(fn: () => Promise<T>): Promise<T> {
    return this.db.unitOfWork(fn);
  }

  async insertPlan(accountId: string, plan: BuiltPlan, basis: string, actorId: string | null, audit: { id: string; at: Date } | null = null): Promise<string> {
    const id = randomUUID();
    await this.db.execute(sql`insert into ${plans} (id, account_id, days, start_date, time_zone, basis, best_times, mix, goals, created_by, audit_id, audit_at)
      values (${id}, ${accountId}, ${plan.days}, ${plan.startDate}, ${plan.timeZone}, ${basis}, ${JSON.stringify(plan.bestTimes)}::jsonb,
        ${JSON.stringify(plan.mix)}::jsonb, ${JSON.stringify(plan.goals)}::jsonb, ${actorId}, ${audit?.id ?? null}, ${audit?.at ?? null})`);
    await this.insertTasks(id, plan.tasks, new Map());
    return id;
  }

  /** Inserts tasks after the ones a day already has (`nextPosition` per day). */
  async insertTasks(planId: string, list: PlannedTask[], nextPosition: Map<number, number>): Promise<void> {
    if (!list.length) return;
    const rows = list.map((t) => {
      const position = nextPosition.get(t.day) ?? 0;
      nextPosition.set(t.day, position + 1);
      return { ...t, id: randomUUID(), position };
    });
    await this.db.execute(sql`insert into ${tasks} (id, plan_id, day, position, type, title, details, format, suggested_time)
      select x.id, ${planId}, x.day, x.position, x.type, x.title, x.details, x.format, x.suggested_time
        from unnest(${rows.map((r) => r.id)}::uuid[], ${rows.map((r) => r.day)}::int[], ${rows.map((r) => r.position)}::int[], ${rows.map((r) => r.type)}::text[],
          ${rows.map((r) => r.title)}::text[], ${rows.map((r) => r.details)}::text[], ${rows.map((r) => r.format)}::text[], ${rows.map((r) => r.suggestedTime)}::text[])
          as x(id, day, position, type, title, details, format, suggested_time)`);
  }

  async plan(id: string): Promise<PlanRow | null> {
    const row = await this.db.one<PlanRow>(sql`select ${PLAN_COLUMNS} from ${plans} where id = ${id}`);
    return row ? { ...row, createdAt: new Date(row.createdAt), auditAt: row.auditAt ? new Date(row.auditAt) : null } : null;
  }

  /** The account's latest completed audit with its engine result (what a plan is built from when there is one). */
  async latestAudit(accountId: string): Promise<{ id: string; finishedAt: Date; result: Audit } | null> {
    const row = await this.db.one<{ id: string; finishedAt: string | Date; result: Audit }>(sql`select id, coalesce(finished_at, created_at) as "finishedAt", result from ${audits}
      where account_id = ${accountId} and status = 'completed' and result is not null order by created_at desc limit 1`);
    return row ? { ...row, finishedAt: new Date(row.finishedAt) } : null;
  }

  async plansOf(accountIds: string[] | null): Promise<(PlanRow & { done: number; total: number })[]> {
    const where = accountIds ? sql`where p.account_id = any(${accountIds}::uuid[])` : sql``;
    const rows = await this.db.query<PlanRow & { done: number; total: number }>(sql`select p.id, p.account_id as "accountId", p.days, to_char(p.start_date, 'YYYY-MM-DD') as "startDate",
        p.created_at as "createdAt", (select count(*)::int from ${tasks} t where t.plan_id = p.id and t.done_at is not null) as done,
        (select count(*)::int from ${tasks} t where t.plan_id = p.id) as total
      from ${plans} p ${where} order by p.created_at desc limit 100`);
    return rows.map((r) => ({ ...r, createdAt: new Date(r.createdAt) }));
  }

  async tasks(planId: string): Promise<TaskRow[]> {
    return (await this.db.query<TaskRow>(sql`select ${TASK_COLUMNS} from ${tasks} where plan_id = ${planId} order by day, position, id`)).map(toTask);
  }

  async task(planId: string, taskId: string): Promise<TaskRow | null> {
    const row = await this.db.one<TaskRow>(sql`select ${TASK_COLUMNS} from ${tasks} where plan_id = ${planId} and id = ${taskId}`);
    return row ? toTask(row) : null;
  }

  async setDone(taskId: string, done: boolean, actorId: string): Promise<void> {
    await this.db.execute(sql`update ${tasks} set done_at = ${done ? sql`coalesce(done_at, now())` : null}, done_by = ${done ? actorId : null} where id = ${taskId}`);
  }

  async moveTask(planId: string, taskId: string, day: number): Promise<void> {
    await this.db.execute(sql`update ${tasks} set day = ${day},
      position = (select coalesce(max(position) + 1, 0) from ${tasks} where plan_id = ${planId} and day = ${day}) where id = ${taskId}`);
  }

  async deleteOpenTasksOfDay(planId: string, day: number): Promise<void> {
    await this.db.execute(sql`delete from ${tasks} where plan_id = ${planId} and day = ${day} and done_at is null`);
  }

  async insertShareLink(planId: string, tokenHash: string, expiresAt: Date, actorId: string): Promise<{ id: string; expiresAt: Date }> {
    const id = randomUUID();
    await this.db.execute(sql`insert into ${shareLinks} (id, plan_id, token_hash, expires_at, created_by) values (${id}, ${planId}, ${tokenHash}, ${expiresAt}, ${actorId})`);
    return { id, expiresAt };
  }

  /** Counts the open as it reads the link (null: unknown token). */
  async openShareLink(tokenHash: string): Promise<{ planId: string; expiresAt: Date; revoked: boolean } | null> {
    const row = await this.db.one<{ planId: string; expiresAt: string | Date; revoked: boolean }>(sql`update ${shareLinks} set open_count = open_count + 1
      where token_hash = ${tokenHash} returning plan_id as "planId", expires_at as "expiresAt", revoked_at is not null as revoked`);
    return row ? { ...row, expiresAt: new Date(row.expiresAt) } : null;
  }

  async shareLinks(planId: string): Promise<PlanShareLinkRow[]> {
    const rows = await this.db.query<PlanShareLinkRow>(sql`select id, plan_id as "planId", expires_at as "expiresAt", revoked_at as "revokedAt", open_count as "openCount", created_at as "createdAt"
      from ${shareLinks} where plan_id = ${planId} order by created_at desc`);
    return rows.map((r) => ({ ...r, expiresAt: new Date(r.expiresAt), revokedAt: r.revokedAt ? new Date(r.revokedAt) : null, createdAt: new Date(r.createdAt) }));
  }

  async shareLinkPlan(linkId: string): Promise<string | null> {
    return (await this.db.one<{ planId: string }>(sql`select plan_id as "planId" from ${shareLinks} where id = ${linkId}`))?.planId ?? null;
  }

  async revokeShareLink(linkId: string): Promise<void> {
    await this.db.execute(sql`update ${shareLinks} set revoked_at = coalesce(revoked_at, now()) where id = ${linkId}`);
  }
}
